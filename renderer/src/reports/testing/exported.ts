import i18next from 'i18next';
import casesRu from '../../../../locales/ru/cases.json';
import reportsRu from '../../../../locales/ru/reports.json';
import casesCyrl from '../../../../locales/uz-Cyrl/cases.json';
import reportsCyrl from '../../../../locales/uz-Cyrl/reports.json';
import { computeIndicators } from '../indicators';
import { localizeTables, type LocalGroup, type ReportNames, type Translate } from '../localize';
import { quarter } from '../period';
import { reportTables, type ReportTable } from '../tables';
import type { ReportHeading } from '../export/workbook';
import { generateOffice } from './generate';
import { OFFICE_OFFSET } from './records';

/**
 * For the export tests (the workbook read back by ExcelJS here, converted by LibreOffice in
 * scripts/): a real report of the generated office, and a reader of the sheet layout that gives
 * back the tables as numbers, to compare with the `LocalGroup[]` the screen shows.
 */

const RESOURCES = { 'uz-Cyrl': { reports: reportsCyrl, cases: casesCyrl }, ru: { reports: reportsRu, cases: casesRu } };

export type ExportLanguage = keyof typeof RESOURCES;

/**
 * i18next over the app's locale files, with the namespaces `localizeTables` reads. Not the app's
 * `initI18n`: reports/ may not import app/, and its `import.meta.glob` is Vite's, unknown to the
 * Node tsconfig of the LibreOffice test in scripts/.
 */
export async function reportTranslator(language: ExportLanguage): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ resources: RESOURCES, lng: language, ns: ['reports', 'cases'], defaultNS: 'reports', interpolation: { escapeValue: false } });
  return instance.getFixedT(language) as Translate;
}

/** Mahalla names that test the files: Cyrillic, ʻ, the CSV separator, quotes, a formula, a long name. */
const MAHALLA_NAMES: Record<string, [string, string, string]> = {
  'mh-0': ['Navroʻz', 'Наврўз', 'Навруз'],
  'mh-1': ['Bogʻ, bahor', 'Боғ, баҳор', 'Бог, бахор'],
  'mh-2': ['Yangi "Hayot"', 'Янги "Ҳаёт"', 'Новая "Жизнь"'],
  'mh-3': ['Tinchlik; Obod', 'Тинчлик; Обод', 'Тинчлик; Обод'],
  'mh-4': ['=Oqtepa', '=Оқтепа', '=Октепа'],
  'mh-5': [
    'Mustaqillikning oʻttiz yilligi nomidagi yangi mahalla fuqarolar yigʻini',
    'Мустақилликнинг ўттиз йиллиги номидаги янги маҳалла фуқаролар йиғини',
    'Сход граждан новой махалли имени тридцатилетия Независимости',
  ],
};

let cached: { tables: ReportTable[]; names: ReportNames } | undefined;

/** The first quarter of 2026 in a generated office of 200 families (computed once per test file). */
export function generatedReport(): { tables: ReportTable[]; names: ReportNames } {
  if (cached) return cached;
  const office = generateOffice(20260331, 200);
  const mahallas = office.input.mahallas.map((mahalla) => {
    const [uzLatn, uzCyrl, ru] = MAHALLA_NAMES[mahalla.id] ?? [mahalla.id, mahalla.id, mahalla.id];
    return { ...mahalla, name: { uzLatn, uzCyrl, ru } };
  });
  const input = { ...office.input, mahallas };
  const tables = reportTables(computeIndicators(input, quarter(2026, 1), { officeOffsetMinutes: OFFICE_OFFSET }));
  cached = { tables, names: { mahallas, users: input.users, teams: input.teams } };
  return cached;
}

/** The generated report in words, as the screen shows it in `language`. */
export async function generatedGroups(language: ExportLanguage): Promise<LocalGroup[]> {
  const { tables, names } = generatedReport();
  return localizeTables(tables, await reportTranslator(language), language, names);
}

export const HEADINGS: Record<ExportLanguage, ReportHeading> = {
  ru: { office: 'Отдел Юнусабадского района: работа с семьями', period: 'I квартал 2026 г.', generated: 'Составлен: 04.04.2026', labelColumn: 'Показатель', title: 'Отчёт отдела', createdAt: new Date('2026-04-04T05:00:00Z') },
  'uz-Cyrl': { office: 'Юнусобод тумани оилалар билан ишлаш бўлими', period: '2026 йил I чорак', generated: 'Тузилган: 04.04.2026', labelColumn: 'Кўрсаткич', title: 'Бўлим ҳисоботи', createdAt: new Date('2026-04-04T05:00:00Z') },
};

export type SheetCell = string | number | null;

export interface SheetTable {
  title: string;
  columns: string[];
  rows: { label: string; values: (number | null)[] }[];
}

/** What the screen shows of a group, in the shape `readReportSheet` gives back. */
export function expectedTables(group: LocalGroup): SheetTable[] {
  return group.tables.map((table) => ({
    title: table.title,
    columns: table.columns,
    rows: table.rows.map((row) => ({ label: row.label, values: row.cells.map((cell) => cell.value) })),
  }));
}

/**
 * A sheet's rows (index 0 is row 1; cells as read, empty as null or '') back into its heading and
 * tables: heading rows, then blocks of title, header and rows separated by blank rows. Values are
 * kept as read, so a number written as text would show up as a string and fail the comparison.
 */
export function readReportSheet(rows: readonly SheetCell[][], headingRows: number): { heading: SheetCell[]; labelColumns: SheetCell[]; tables: SheetTable[] } {
  const blank = (row: readonly SheetCell[] | undefined) => !row || row.every((cell) => cell === null || cell === '');
  const trimmed = (row: readonly SheetCell[]) => {
    const cells = [...row];
    while (cells.length && (cells.at(-1) === null || cells.at(-1) === '')) cells.pop();
    return cells;
  };
  const heading = rows.slice(0, headingRows).map((row) => row[0] ?? null);
  const tables: SheetTable[] = [];
  const labelColumns: SheetCell[] = [];
  let index = headingRows;
  while (index < rows.length) {
    if (blank(rows[index])) {
      index++;
      continue;
    }
    const title = String(rows[index]![0]);
    const [labelColumn, ...columns] = trimmed(rows[index + 1] ?? []);
    labelColumns.push(labelColumn ?? null);
    const table: SheetTable = { title, columns: columns.map(String), rows: [] };
    for (index += 2; index < rows.length && !blank(rows[index]); index++) {
      const [label, ...values] = rows[index]!;
      const cells = values.slice(0, columns.length).map((value) => (value === '' || value === undefined ? null : value));
      while (cells.length < columns.length) cells.push(null);
      table.rows.push({ label: String(label), values: cells as (number | null)[] });
    }
    tables.push(table);
  }
  return { heading, labelColumns, tables };
}
