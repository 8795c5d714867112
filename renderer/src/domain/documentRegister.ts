import { z } from 'zod';
import type { IsoDate } from './dates';
import type { RecordMeta } from './record';

/**
 * The document register: every document the office generated, with the register number its
 * numbering scheme gave, its date, the case it belongs to, who made it and in which language.
 * The bytes are kept apart (documentFiles) so that listing the register never loads them, and so
 * that a backup may leave them out (they can be generated again from `params`).
 */
export const DOCUMENT_KINDS = ['hokimDecision', 'familyAgreement', 'familyPlan', 'assessmentSummary', 'monitoringReport', 'closureAct', 'conferenceMinutes', 'taskSheet', 'monthlyReport'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What a document belongs to: the district (the hokim's decision, the report on the office's
 * work), one case (its `caseId`), or several cases (the minutes of a conference, a team member's
 * task sheet: their `caseIds`), which decides who may generate it and who may read it again.
 */
export type DocumentScope = 'office' | 'case' | 'cases';

export function documentScope(kind: DocumentKind): DocumentScope {
  switch (kind) {
    case 'hokimDecision':
    case 'monthlyReport':
      return 'office';
    case 'conferenceMinutes':
    case 'taskSheet':
      return 'cases';
    default:
      return 'case';
  }
}

export type DocumentLanguage = 'uz-Latn' | 'uz-Cyrl' | 'ru';

export interface DocumentRecord extends RecordMeta {
  kind: DocumentKind;
  /** The register number: the office's scheme applied to the kind, year and sequence. */
  registerNumber: string;
  year: number;
  seq: number;
  /** The number printed on the document (the hokim's registration number, the agreement's number). */
  number: string;
  date: IsoDate;
  caseId: string | null;
  /** The cases a document of several cases covers (minutes, task sheets); absent for the others. */
  caseIds?: string[];
  language: DocumentLanguage;
  title: string;
  fileName: string;
  size: number;
  /** SHA-256 of the bytes, hex: a reopened document can be shown to be the one generated. */
  sha256: string;
  /** The form's values the document was generated from. */
  params: Record<string, unknown>;
}

export interface DocumentFile {
  id: string;
  bytes: Uint8Array;
}

/** An office's wording of a standard text of a document, in one language. */
export interface DocumentTextOverride extends RecordMeta {
  language: DocumentLanguage;
  key: string;
  text: string;
}

export const documentTextId = (language: DocumentLanguage, key: string) => `${language}|${key}`;

/**
 * How register numbers are made: a template with `{prefix}`, `{seq}` (optionally zero-padded to
 * `pad` digits) and `{year}`, and a prefix per kind.
 */
export interface NumberingScheme {
  template: string;
  pad: number;
  prefixes: Record<DocumentKind, string>;
}

export const DEFAULT_NUMBERING: NumberingScheme = {
  template: '{prefix}-{seq}/{year}',
  pad: 3,
  // Q qaror, K kelishuv, R reja, B baholash, M monitoring, D dalolatnoma, Y yigʻilish, T topshiriqlar, H hisobot.
  prefixes: { hokimDecision: 'Q', familyAgreement: 'K', familyPlan: 'R', assessmentSummary: 'B', monitoringReport: 'M', closureAct: 'D', conferenceMinutes: 'Y', taskSheet: 'T', monthlyReport: 'H' },
};

const prefixSchema = z.string().trim().min(1, 'required').max(10, 'tooLong');

/**
 * A scheme whose numbers cannot repeat: the sequence restarts each year and runs per kind, so the
 * template needs the year, the sequence and the kind's prefix, and the prefixes must differ.
 */
export const numberingSchema = z
  .object({
    template: z
      .string()
      .trim()
      .min(1, 'required')
      .max(40, 'tooLong')
      .refine((template) => ['{prefix}', '{seq}', '{year}'].every((token) => template.includes(token)), 'numberingTokens'),
    pad: z.number({ message: 'padRange' }).int('padRange').min(0, 'padRange').max(6, 'padRange'),
    prefixes: z.object(Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, prefixSchema])) as Record<DocumentKind, typeof prefixSchema>),
  })
  .superRefine((scheme, context) => {
    const seen = new Set<string>();
    for (const kind of DOCUMENT_KINDS) {
      const prefix = scheme.prefixes[kind];
      if (seen.has(prefix)) context.addIssue({ code: 'custom', path: ['prefixes', kind], message: 'prefixesDiffer' });
      seen.add(prefix);
    }
  });

/**
 * A stored scheme as the current kinds need it: a scheme saved before a kind existed gets that
 * kind's default prefix, or, when the office already uses that prefix for another kind, the default
 * with the first number that makes it unique (R2, R3 …). Anything else is left for the schema to judge.
 */
export function withDefaultPrefixes(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object') return stored;
  const scheme = stored as { prefixes?: unknown };
  if (!scheme.prefixes || typeof scheme.prefixes !== 'object') return stored;
  const prefixes = { ...(scheme.prefixes as Record<string, unknown>) };
  const used = new Set(Object.values(prefixes).filter((value): value is string => typeof value === 'string').map((value) => value.trim()));
  for (const kind of DOCUMENT_KINDS) {
    if (typeof prefixes[kind] === 'string') continue;
    let prefix = DEFAULT_NUMBERING.prefixes[kind];
    for (let n = 2; used.has(prefix); n++) prefix = `${DEFAULT_NUMBERING.prefixes[kind]}${n}`;
    prefixes[kind] = prefix;
    used.add(prefix);
  }
  return { ...scheme, prefixes };
}

export function registerNumber(scheme: NumberingScheme, kind: DocumentKind, year: number, seq: number): string {
  return scheme.template
    .replaceAll('{prefix}', scheme.prefixes[kind])
    .replaceAll('{seq}', String(seq).padStart(scheme.pad, '0'))
    .replaceAll('{year}', String(year))
    .replace(/^[-/ ]+|[-/ ]+$/gu, '');
}

/** A file name the register and the save dialog suggest: kind, number and language, safe on FAT32. */
export function documentFileName(kindLabel: string, number: string, language: DocumentLanguage): string {
  const safe = `${kindLabel} ${number}`.replace(/[\\/:*?"<>|]+/gu, '-').replace(/\s+/gu, ' ').trim().slice(0, 100);
  return `${safe} (${language}).docx`;
}
