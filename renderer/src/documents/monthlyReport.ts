import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import { formatCell, type LocalGroup, type LocalTable, type Translate } from '../reports/localize';
import type { PeriodLabel } from '../reports/period';
import { cell, infoTable, serviceLine } from './caseParts';
import { writeDocx } from './docxWriter';
import { labelIn, longDate, nameIn, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type Table, type TableCell } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

/**
 * Everything the printed report on the office's work prints. The numbers come as the tables the
 * reports page shows and the workbook exports (`localizeTables` in the document's language), so the
 * paper says what the screen says; this builder only lays them out and computes nothing.
 */
export interface MonthlyReportData {
  /** The office's name, printed above the title as on every document the office issues. */
  office: TriLingualText;
  /** The region and district the office serves. */
  region: TriLingualText;
  district: TriLingualText;
  /** The span reported on, both ends included; the label says whether it is a month, a quarter, a year or any span. */
  period: { from: IsoDate; to: IsoDate; label: PeriodLabel };
  /** The report's filters, when it was run for one mahalla's or one case manager's cases only. */
  filter?: { mahalla?: TriLingualText; caseManager?: BiScriptText };
  /** The tables, localized in the document's language. */
  groups: readonly LocalGroup[];
  /** The translator `groups` were localized with: `formatCell` words durations ("12 kun", "12 дней") with it. */
  t: Translate;
  /** Who signs: the head of office from the office profile; the position defaults to the standard text. */
  head: { name: BiScriptText; position?: TriLingualText } | null;
  /** The day the report was compiled. */
  date: IsoDate;
}

const ROMAN: Record<1 | 2 | 3 | 4, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/** "2026-yil mart oyi uchun", "за I квартал 2026 года", "01.03.2026 – 15.04.2026 davri uchun". */
export function periodLine(label: PeriodLabel, texts: DocumentTexts): string {
  switch (label.kind) {
    case 'month':
      return texts.t('monthlyReport.period.month', { year: label.year, month: texts.lines('monthlyReport.months')[label.month - 1] ?? String(label.month) });
    case 'quarter':
      return texts.t('monthlyReport.period.quarter', { year: label.year, quarter: ROMAN[label.quarter] });
    case 'year':
      return texts.t('monthlyReport.period.year', { year: label.year });
    case 'custom':
      return texts.t('monthlyReport.period.custom', { from: shortDate(label.from), to: shortDate(label.to) });
  }
}

/**
 * Column widths in per cent: the label column takes what the numbers leave. A breakdown's seven
 * number columns get 11 % (18 mm) each: "1 234" at 11 pt and a header word such as "Получили" at 9 pt bold
 * fit without breaking; its label column keeps 23 % (38 mm), where a mahalla's name fits.
 */
function widths(numbers: number): number[] {
  const number = numbers <= 2 ? 20 : numbers <= 4 ? 15 : Math.floor(7700 / numbers) / 100;
  return [Math.round((100 - number * numbers) * 100) / 100, ...Array.from({ length: numbers }, () => number)];
}

/** Tables up to this many rows are kept on one page (with their title); longer ones run on, their header repeated. */
const KEPT_TOGETHER = 16;

const keptWithNext = (tableCell: TableCell): TableCell => ({ ...tableCell, paragraphs: tableCell.paragraphs.map((p) => ({ ...p, keepWithNext: true })) });

/** One table: a bordered grid, its header repeated on every page, numbers at the right. Wide tables are set a size smaller. */
function reportTable(table: LocalTable, t: Translate, texts: DocumentTexts): Table {
  const wide = table.columns.length > 4;
  const size = wide ? 11 : 12;
  const headerSize = wide ? 9 : 11;
  const header: TableCell[] = [texts.t('monthlyReport.labelColumn'), ...table.columns].map((text) => cell(text, { align: 'center', size: headerSize }));
  const rows = table.rows.map((row) => [cell(row.label, { size }), ...row.cells.map((value) => cell(formatCell(value, texts.language, t), { align: 'right', size }))]);
  const all = [header, ...rows];
  // Word and LibreOffice keep a row with the next when every paragraph in it is kept with the next.
  const kept = all.length <= KEPT_TOGETHER ? all.map((row, index) => (index === all.length - 1 ? row : row.map(keptWithNext))) : all;
  return { type: 'table', widths: widths(table.columns.length), header: true, borders: true, rows: kept };
}

function groupBlocks(group: LocalGroup, number: number, t: Translate, texts: DocumentTexts): Block[] {
  const blocks: Block[] = [heading(`${number}. ${group.title}`, { spaceBeforePt: 18 })];
  group.tables.forEach((table, index) => {
    blocks.push(para(`${number}.${index + 1}. ${table.title}`, { align: 'left', bold: true, size: 13, keepWithNext: table.rows.length > 0, spaceBeforePt: 10, spaceAfterPt: 4 }));
    blocks.push(table.rows.length ? reportTable(table, t, texts) : para(texts.t('monthlyReport.noData'), { align: 'left', size: 12, italic: true }));
  });
  return blocks;
}

function infoRows(data: MonthlyReportData, texts: DocumentTexts): [string, string][] {
  const language = texts.language;
  const rows: [string, string][] = [[texts.t('monthlyReport.territory'), `${labelIn(data.region, language)}, ${labelIn(data.district, language)}`]];
  // A custom span already reads as its dates in the subtitle.
  if (data.period.label.kind !== 'custom') rows.push([texts.t('monthlyReport.periodDates'), `${shortDate(data.period.from)} – ${shortDate(data.period.to)}`]);
  if (data.filter?.mahalla) rows.push([texts.t('monthlyReport.mahalla'), labelIn(data.filter.mahalla, language)]);
  if (data.filter?.caseManager) rows.push([texts.t('monthlyReport.caseManager'), nameIn(data.filter.caseManager, language)]);
  return rows;
}

/**
 * The report: the office and the title, the period, then each group of tables (numbered 1., 1.1. …),
 * an empty table as a line saying so, and the head of office's signature with the date compiled.
 */
export function monthlyReportModel(data: MonthlyReportData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const period = periodLine(data.period.label, texts);
  const groups = data.groups.filter((group) => group.tables.length > 0);
  const blocks: Block[] = [
    serviceLine(data.office, texts),
    heading(texts.t('monthlyReport.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(period, { align: 'center', spaceAfterPt: 12 }),
    infoTable(infoRows(data, texts)),
    ...groups.flatMap((group, index) => groupBlocks(group, index + 1, data.t, texts)),
  ];
  const position = data.head?.position ? labelIn(data.head.position, language) : texts.t('monthlyReport.signHead');
  const name = data.head ? shortName(nameIn(data.head.name, language)) : '';
  blocks.push({ type: 'signature', blank: true, lines: [{ position, name }] });
  blocks.push(para(texts.t('monthlyReport.compiled', { date: longDate(data.date, texts) }), { align: 'left', size: 12, spaceBeforePt: 12 }));
  return { language, title: `${texts.t('monthlyReport.title')} — ${period}`, sections: [{ blocks }] };
}

/** The report as DOCX bytes, in `language` (the groups localized in it), with the office's wording where it has its own. */
export function monthlyReportDocx(data: MonthlyReportData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(monthlyReportModel(data, documentTexts(language, overrides)));
}
