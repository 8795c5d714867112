import type { HamkorlikDb } from '../db';
import { canOnCase, readsAllCases } from '../../domain/access';
import {
  DEFAULT_NUMBERING,
  documentScope,
  documentTextId,
  numberingSchema,
  registerNumber,
  withDefaultPrefixes,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentRecord,
  type NumberingScheme,
} from '../../domain/documentRegister';
import { DomainError } from '../../domain/errors';
import { newRecordMeta, touched } from '../../domain/record';
import type { IsoDate } from '../../domain/dates';
import { defaultText } from '../../documents/texts';
import { currentActor, requireCase, requireOffice } from './guard';

/** What the generator hands the register besides the bytes. */
export interface NewDocument {
  kind: DocumentKind;
  number: string;
  date: IsoDate;
  caseId: string | null;
  /** The cases a document of several cases covers (minutes, task sheets). */
  caseIds?: string[];
  language: DocumentLanguage;
  title: string;
  fileName: string;
  params: Record<string, unknown>;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The office's scheme; one saved before some kinds existed gets their default prefixes (see `withDefaultPrefixes`). */
export async function getNumbering(db: HamkorlikDb): Promise<NumberingScheme> {
  const stored = (await db.settings.get('documentNumbering'))?.value;
  const parsed = numberingSchema.safeParse(withDefaultPrefixes(stored));
  return parsed.success ? parsed.data : DEFAULT_NUMBERING;
}

export async function saveNumbering(db: HamkorlikDb, scheme: NumberingScheme): Promise<NumberingScheme> {
  requireOffice(db, 'manageOffice');
  const parsed = numberingSchema.safeParse(scheme);
  if (!parsed.success) throw new DomainError('invalid', JSON.stringify(parsed.error.issues));
  await db.transaction('rw', db.settings, () => db.settings.put({ key: 'documentNumbering', value: parsed.data }));
  return parsed.data;
}

async function nextSeq(db: HamkorlikDb, kind: DocumentKind, year: number): Promise<number> {
  const last = await db.documents.where('[kind+year+seq]').between([kind, year, 0], [kind, year, Infinity]).last();
  return (last?.seq ?? 0) + 1;
}

/** The register number the next document of `kind` would get (the form shows it before generating). */
export async function previewRegisterNumber(db: HamkorlikDb, kind: DocumentKind, date: IsoDate): Promise<string> {
  const year = Number(date.slice(0, 4));
  return registerNumber(await getNumbering(db), kind, year, await nextSeq(db, kind, year));
}

/** A case a document is about: there, not deleted or purged. */
async function liveCase(db: HamkorlikDb, caseId: string | null | undefined) {
  const kase = caseId ? await db.cases.get(caseId) : undefined;
  if (!kase || kase.deletedAt || kase.purgedAt) throw new DomainError('notFound', caseId ?? 'case');
  return kase;
}

/** Checks the case or cases a document is about, by its kind's scope (see `documentScope`). */
async function checkDocumentCases(db: HamkorlikDb, input: NewDocument): Promise<void> {
  const scope = documentScope(input.kind);
  if (scope !== 'cases' && input.caseIds?.length) throw new DomainError('invalid', 'caseIds');
  if (scope === 'office') {
    if (input.caseId) throw new DomainError('invalid', 'caseId');
    return;
  }
  if (scope === 'cases') {
    if (input.caseId) throw new DomainError('invalid', 'caseId');
    // Minutes and task sheets print what they say of each case: the user must read every one.
    for (const caseId of input.caseIds ?? []) requireCase(db, 'read', await liveCase(db, caseId));
    return;
  }
  const kase = await liveCase(db, input.caseId);
  requireCase(db, 'change', kase);
  // An agreement is an eligible family's, before closure; the closure act, a closed case's.
  if (input.kind === 'familyAgreement' && (kase.eligibility?.decision !== 'eligible' || kase.stage === 'closed')) throw new DomainError('stageRefused', 'notEligible');
  if (input.kind === 'closureAct' && (kase.stage !== 'closed' || !kase.closure)) throw new DomainError('stageRefused', 'notClosed');
}

/**
 * Enters a generated document in the register with its bytes, in one transaction with its register
 * number, so two documents never share a number. A case's document needs the right to change the
 * case; minutes and task sheets, the right to read every case they cover; the hokim's decision,
 * the right to speak for the district.
 */
export async function registerDocument(db: HamkorlikDb, input: NewDocument, bytes: Uint8Array): Promise<DocumentRecord> {
  if (input.kind === 'hokimDecision') requireOffice(db, 'generateDecision');
  else requireOffice(db, 'generateDocuments');
  const context = db.writeContext();
  const sha256 = await sha256Hex(bytes);
  const year = Number(input.date.slice(0, 4));
  return db.transaction('rw', [db.documents, db.documentFiles, db.cases, db.settings], async () => {
    await checkDocumentCases(db, input);
    const scheme = await getNumbering(db);
    // A number the register already holds (an office that changed its scheme mid-year) is skipped.
    let seq = await nextSeq(db, input.kind, year);
    while ((await db.documents.where('registerNumber').equals(registerNumber(scheme, input.kind, year, seq)).count()) > 0) seq += 1;
    const { caseIds, ...rest } = input;
    const record: DocumentRecord = {
      ...newRecordMeta(context),
      ...rest,
      ...(documentScope(input.kind) === 'cases' ? { caseIds: [...new Set(caseIds ?? [])] } : {}),
      year,
      seq,
      registerNumber: registerNumber(scheme, input.kind, year, seq),
      size: bytes.byteLength,
      sha256,
    };
    await db.documents.add(record);
    await db.documentFiles.add({ id: record.id, bytes });
    return record;
  });
}

/** Every case a registered document is about: its case, or the cases of minutes and task sheets. */
function casesOf(record: Pick<DocumentRecord, 'caseId' | 'caseIds'>): string[] {
  return [...(record.caseId ? [record.caseId] : []), ...(record.caseIds ?? [])];
}

/** The register, newest first, limited to documents of cases the user may read (all of them, for a document of several). */
export async function listDocuments(db: HamkorlikDb, filter: { caseId?: string } = {}): Promise<DocumentRecord[]> {
  const actor = currentActor(db);
  return db.transaction('r', [db.documents, db.cases], async () => {
    const all = filter.caseId ? await db.documents.where('caseId').equals(filter.caseId).toArray() : await db.documents.toArray();
    const alive = all.filter((record) => record.deletedAt === null);
    let visible = alive;
    if (!readsAllCases(actor)) {
      const caseIds = [...new Set(alive.flatMap(casesOf))];
      const cases = await db.cases.bulkGet(caseIds);
      // A purged case is an identity without contents: nobody reads it any more.
      const readable = new Set(cases.filter((kase) => kase && !kase.purgedAt && canOnCase(actor, 'read', kase)).map((kase) => kase!.id));
      visible = alive.filter((record) => casesOf(record).every((id) => readable.has(id)));
    }
    return visible.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}

/** The stored bytes of a registered document: exactly what was generated. */
export async function documentBytes(db: HamkorlikDb, id: string): Promise<{ record: DocumentRecord; bytes: Uint8Array }> {
  return db.transaction('r', [db.documents, db.documentFiles, db.cases], async () => {
    const record = await db.documents.get(id);
    if (!record || record.deletedAt) throw new DomainError('notFound', id);
    for (const caseId of casesOf(record)) {
      const kase = await db.cases.get(caseId);
      // A document that speaks of a purged case is not handed out again (its bytes still name the family).
      if (!kase || kase.purgedAt) throw new DomainError('notFound', id);
      requireCase(db, 'read', kase);
    }
    const file = await db.documentFiles.get(id);
    if (!file) throw new DomainError('notFound', id);
    return { record, bytes: file.bytes };
  });
}

/** The office's wording of standard texts, per language, as the builders take it. */
export async function textOverrides(db: HamkorlikDb): Promise<Partial<Record<DocumentLanguage, Record<string, string>>>> {
  const all = await db.documentTexts.filter((text) => text.deletedAt === null).toArray();
  const out: Partial<Record<DocumentLanguage, Record<string, string>>> = {};
  for (const text of all) (out[text.language] ??= {})[text.key] = text.text;
  return out;
}

/** Sets the office's wording of one text; an empty text returns to the standard one. */
export async function saveTextOverride(db: HamkorlikDb, language: DocumentLanguage, key: string, text: string): Promise<void> {
  requireOffice(db, 'manageOffice');
  const context = db.writeContext();
  const id = documentTextId(language, key);
  const clean = text.replace(/\r\n/gu, '\n').trim();
  if (clean.length > 20_000) throw new DomainError('invalid', 'tooLong');
  // Only texts the documents print, and only parts the builders fill in, so a document never fails
  // to print. Leaving a part out is the office's choice ("control I keep myself" names no deputy).
  const standard = defaultText(language, key);
  if (standard === undefined) throw new DomainError('invalid', `unknown text ${key}`);
  const known = new Set([...standard.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]));
  if ([...clean.matchAll(/\{\{(\w+)\}\}/gu)].some((m) => !known.has(m[1]))) throw new DomainError('invalid', `placeholders of ${key}`);
  await db.transaction('rw', db.documentTexts, async () => {
    const current = await db.documentTexts.get(id);
    if (!clean) {
      if (current && current.deletedAt === null) await db.documentTexts.put({ ...touched(current, {}, context), deletedAt: context.now.toISOString() });
      return;
    }
    await db.documentTexts.put(current ? { ...touched(current, { text: clean }, context), deletedAt: null } : { ...newRecordMeta(context, id), language, key, text: clean });
  });
}
