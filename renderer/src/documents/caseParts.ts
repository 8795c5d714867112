import type { AssessmentStatus, Rating, TriangleDomain } from '../domain/assessment';
import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import type { ActionStatus } from '../domain/plan';
import { labelIn, nameIn, shortDate } from './format';
import { para, type Paragraph, type Table, type TableCell } from './model';
import type { DocumentTexts } from './texts';

/**
 * Pieces the case-work documents share (plan, assessment summary, monitoring report, closure act,
 * conference minutes, task sheet): the case's identification lines, the specialist's name with
 * position and agency, statuses and ratings as printed, and the tables they are set in.
 */

export interface CaseAddress {
  region: TriLingualText;
  district: TriLingualText;
  mahalla: TriLingualText | null;
  street: string;
  house: string;
  apartment: string;
}

/** What identifies a case on paper: who runs it, its number, the family and where it lives. */
export interface CaseHeading {
  service: TriLingualText;
  caseNumber: string;
  /** The head of family's full name; null when the case has none recorded. */
  head: BiScriptText | null;
  address: CaseAddress;
  caseManager: BiScriptText | null;
}

/** A specialist of the directory as documents name them. */
export interface PrintedSpecialist {
  fullName: BiScriptText;
  position: TriLingualText | null;
  agency: TriLingualText | null;
}

/** Who carries out an action: a specialist, or a member of the family. */
export type PrintedResponsible = ({ kind: 'specialist' } & PrintedSpecialist) | { kind: 'member'; fullName: BiScriptText } | { kind: 'unknown' };

export const EMPTY_NAME: BiScriptText = { latn: '', cyrl: '', typed: 'latn' };

export function addressText(address: CaseAddress, texts: DocumentTexts): string {
  const language = texts.language;
  const parts = [
    labelIn(address.region, language),
    labelIn(address.district, language),
    address.mahalla ? texts.t('caseWork.mahalla', { name: labelIn(address.mahalla, language) }) : '',
    address.street,
    address.house ? texts.t('caseWork.house', { house: address.house }) : '',
    address.apartment ? texts.t('caseWork.apartment', { apartment: address.apartment }) : '',
  ];
  return parts.filter((part) => part.trim()).join(', ');
}

/** A name in the document's script, or a dash where none is known. */
export function nameOrDash(name: BiScriptText | null, texts: DocumentTexts): string {
  const text = name ? nameIn(name, texts.language).trim() : '';
  return text || '—';
}

/** "Name, position, agency" — the way a team member is identified in minutes and task sheets. */
export function specialistLine(person: PrintedSpecialist, texts: DocumentTexts): string {
  const language = texts.language;
  return [nameIn(person.fullName, language), person.position ? labelIn(person.position, language) : '', person.agency ? labelIn(person.agency, language) : ''].filter((part) => part.trim()).join(', ');
}

export function responsibleText(responsible: PrintedResponsible, texts: DocumentTexts): string {
  const language = texts.language;
  if (responsible.kind === 'unknown') return '—';
  if (responsible.kind === 'member') return `${nameIn(responsible.fullName, language)} (${texts.t('caseWork.familyMember')})`;
  const role = [responsible.position ? labelIn(responsible.position, language) : '', responsible.agency ? labelIn(responsible.agency, language) : ''].filter((part) => part.trim()).join(', ');
  return role ? `${nameIn(responsible.fullName, language)} (${role})` : nameIn(responsible.fullName, language);
}

export function actionStatusText(status: ActionStatus, droppedReason: string, texts: DocumentTexts): string {
  const label = texts.t(`caseWork.actionStatus.${status}`);
  return status === 'dropped' && droppedReason.trim() ? `${label}: ${droppedReason.trim()}` : label;
}

export function recordStatusText(status: AssessmentStatus, texts: DocumentTexts): string {
  return texts.t(`caseWork.recordStatus.${status}`);
}

export function domainText(domain: TriangleDomain, texts: DocumentTexts): string {
  return texts.t(`caseWork.domain.${domain}`);
}

export function ratingText(rating: Rating | null): string {
  return rating === null ? '—' : String(rating);
}

/** A side's mean as printed: one decimal with a comma, as Uzbek and Russian write decimals. */
export function meanText(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(1).replace('.', ',');
}

export function dateOrDash(date: IsoDate | null | undefined): string {
  return date ? shortDate(date) : '—';
}

/** Free text typed in the app, one paragraph per line, set as body text. */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => para(line, { firstLine: true }));
}

/** A table cell of one paragraph; tables of case documents are set a size smaller than the body. */
export function cell(text: string, options: { align?: Paragraph['align']; bold?: boolean; size?: number; span?: number } = {}): TableCell {
  return { paragraphs: [para(text, { align: options.align ?? 'left', bold: options.bold, size: options.size ?? 12 })], ...(options.span ? { span: options.span } : {}) };
}

/** The deadline over the status, in one narrow column (a long status word wraps there rather than breaking). */
export function deadlineStatusCell(deadline: IsoDate | null, status: string, options: { overdue?: boolean } = {}): TableCell {
  return {
    paragraphs: [para(dateOrDash(deadline), { align: 'center', size: 12, bold: options.overdue }), para(status, { align: 'center', size: 11 })],
  };
}

/** A bordered table with a header row that repeats on every page. */
export function gridTable(widths: number[], header: string[], rows: TableCell[][]): Table {
  return { type: 'table', widths, header: true, borders: true, rows: [header.map((text) => cell(text, { align: 'center' })), ...rows] };
}

/** Label–value lines (case number, family, address …) as a borderless two-column table. */
export function infoTable(rows: [string, string][]): Table {
  return {
    type: 'table',
    widths: [35, 65],
    header: false,
    borders: false,
    rows: rows.map(([label, value]) => [cell(`${label}:`, { bold: true, size: 14 }), cell(value, { size: 14 })]),
  };
}

/** The lines that identify the case, for the top of each case document. */
export function caseRows(heading: CaseHeading, texts: DocumentTexts): [string, string][] {
  return [
    [texts.t('caseWork.caseNumber'), heading.caseNumber],
    [texts.t('caseWork.head'), nameOrDash(heading.head, texts)],
    [texts.t('caseWork.address'), addressText(heading.address, texts) || '—'],
    [texts.t('caseWork.caseManager'), nameOrDash(heading.caseManager, texts)],
  ];
}

/** The office's name above a document's title, as the service that keeps the case signs it. */
export function serviceLine(service: TriLingualText, texts: DocumentTexts): Paragraph {
  return para(labelIn(service, texts.language), { align: 'center', size: 12, spaceAfterPt: 12 });
}
