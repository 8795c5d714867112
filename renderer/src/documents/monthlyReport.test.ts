import { describe, expect, it } from 'vitest';
import { formatCell } from '../reports/localize';
import { custom, quarter, year } from '../reports/period';
import { writeDocx } from './docxWriter';
import { modelParagraphs, type DocLanguage } from './model';
import { monthlyReportDocx, monthlyReportModel, periodLine, type MonthlyReportData } from './monthlyReport';
import { documentTexts } from './texts';
import { docxParagraphs, docxXml } from './testing/fixtures';
import { monthlyReportFixture } from './testing/monthlyReportFixture';

const LANGUAGES: DocLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru'];

/** Nothing a reader should ever see: a locale key, a placeholder, "undefined", or English standing in for a missing text. */
function expectNoLeaks(text: string) {
  expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN/u);
  expect(text).not.toMatch(/\b(format|caseWork|monthlyReport|reports|cases|row|column|table|group|stage|outcome|placement)[.:][a-zA-Z]/u);
  expect(text).not.toMatch(/\b(the|and|of|for|days?)\b/u);
}

const EXPECTED: Record<DocLanguage, string[]> = {
  'uz-Latn': ['OILALAR VA BOLALAR BILAN ISHLASH BOʻYICHA HISOBOT', '2026-yil mart oyi uchun', 'Asaka tumani «Inson» ijtimoiy xizmatlar markazi', 'Andijon viloyati, Asaka tumani', '01.03.2026 – 31.03.2026', 'Idora rahbari', 'B.O. Toshmatov', 'Hisobot tuzilgan sana: 2026-yil 3-aprel'],
  'uz-Cyrl': ['ОИЛАЛАР ВА БОЛАЛАР БИЛАН ИШЛАШ БЎЙИЧА ҲИСОБОТ', '2026 йил март ойи учун', 'Асака тумани «Инсон» ижтимоий хизматлар маркази', 'Андижон вилояти, Асака тумани', '01.03.2026 – 31.03.2026', 'Идора раҳбари', 'Б.О. Тошматов', 'Ҳисобот тузилган сана: 2026 йил 3 апрел'],
  ru: ['ОТЧЁТ О РАБОТЕ С СЕМЬЯМИ И ДЕТЬМИ', 'за март 2026 года', 'Центр социальных услуг «Инсон» Асакинского района', 'Андижанская область, Асакинский район', '01.03.2026 – 31.03.2026', 'Руководитель учреждения', 'Б.О. Тошматов', 'Дата составления отчёта: 3 апреля 2026 года'],
};

/** Each table's title and its first row (label and every number, as the screen prints them), in document order. */
function tableSamples(data: MonthlyReportData, language: DocLanguage): string[] {
  return data.groups.flatMap((group) => [
    group.title,
    ...group.tables.flatMap((table) => {
      const first = table.rows[0];
      return [table.title, ...(first ? [first.label, ...first.cells.map((cell) => formatCell(cell, language, data.t))] : [])];
    }),
  ]);
}

describe('the report on work with families and children', () => {
  it.each(LANGUAGES)('packs in %s with the office, the period, every table and its numbers, and no missing text', async (language) => {
    const data = await monthlyReportFixture(language);
    const bytes = await monthlyReportDocx(data, language);
    const paragraphs = docxParagraphs(bytes);
    const text = paragraphs.join('\n');
    expectNoLeaks(text);
    for (const expected of EXPECTED[language]) expect(text).toContain(expected);
    // Every group and table, in order; each first row's label and numbers as paragraphs of their own cells.
    const samples = tableSamples(data, language);
    expect(samples.length).toBeGreaterThan(30);
    let from = 0;
    for (const sample of samples) {
      const at = paragraphs.findIndex((p, index) => index >= from && (p === sample || p.endsWith(`. ${sample}`)));
      expect(at, `${sample} after paragraph ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    // The seeded office served families in March: the flow table has real numbers, not dashes.
    const flow = data.groups[0]!.tables.find((table) => table.id === 'flow')!;
    expect(flow.rows.some((row) => (row.cells[0]!.value ?? 0) > 10)).toBe(true);
    // A4, the official margins, Times New Roman 14 pt, like the other documents.
    const xml = docxXml(bytes);
    expect(xml).toContain('w:w="11906" w:h="16838"');
    expect(xml).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
    expect(docxXml(bytes, 'word/styles.xml')).toMatch(/Times New Roman[\s\S]*w:sz w:val="28"/u);
  });

  it.each(LANGUAGES)("the preview's paragraphs are the DOCX's (%s)", async (language) => {
    const model = monthlyReportModel(await monthlyReportFixture(language), documentTexts(language));
    expect(docxParagraphs(await writeDocx(model))).toEqual(modelParagraphs(model).filter((p) => p.trim() !== ''));
  });

  it('sets numbers at the right and a breakdown of seven columns a size smaller', async () => {
    const model = monthlyReportModel(await monthlyReportFixture('ru'), documentTexts('ru'));
    const tables = model.sections[0]!.blocks.filter((block) => block.type === 'table' && block.borders);
    const breakdown = tables.find((table) => table.type === 'table' && table.widths.length === 8);
    if (breakdown?.type !== 'table') throw new Error('no breakdown table');
    expect(breakdown.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
    expect(breakdown.widths[0]).toBeGreaterThan(20);
    const row = breakdown.rows[1]!;
    expect(row[0]!.paragraphs[0]).toMatchObject({ align: 'left', size: 11 });
    expect(row.slice(1).every((cell) => cell.paragraphs[0]!.align === 'right' && cell.paragraphs[0]!.size === 11)).toBe(true);
  });

  it('an empty table prints a line saying there is nothing to show, not an empty grid', async () => {
    const data = await monthlyReportFixture('uz-Latn');
    const groups = data.groups.map((group) => ({ ...group, tables: group.tables.map((table) => (table.id === 'byTeam' ? { ...table, rows: [] } : table)) }));
    const model = monthlyReportModel({ ...data, groups }, documentTexts('uz-Latn'));
    const paragraphs = modelParagraphs(model);
    const title = paragraphs.findIndex((p) => p.endsWith('Mahalla idoralararo guruhlari boʻyicha ochiq keyslar'));
    expect(paragraphs[title + 1]).toBe('Koʻrsatadigan maʼlumot yoʻq.');
    const grids = model.sections[0]!.blocks.filter((block) => block.type === 'table' && block.borders);
    expect(grids).toHaveLength(data.groups.flatMap((group) => group.tables).length - 1);
  });

  it('words a quarter, a year and any span in the document language', () => {
    const words = (language: DocLanguage, label: Parameters<typeof periodLine>[0]) => periodLine(label, documentTexts(language));
    expect(words('uz-Latn', quarter(2026, 2).label)).toBe('2026-yil II chorak uchun');
    expect(words('uz-Cyrl', quarter(2026, 4).label)).toBe('2026 йил IV чорак учун');
    expect(words('ru', quarter(2026, 1).label)).toBe('за I квартал 2026 года');
    expect(words('ru', year(2025).label)).toBe('за 2025 год');
    expect(words('uz-Latn', year(2025).label)).toBe('2025-yil uchun');
    expect(words('ru', custom('2026-03-05', '2026-04-20').label)).toBe('за период с 05.03.2026 по 20.04.2026');
    expect(words('uz-Cyrl', custom('2026-03-05', '2026-04-20').label)).toBe('05.03.2026 – 20.04.2026 даври учун');
  });

  it('a quarterly report prints its dates; a filtered one says whose cases; no head of office leaves the name to be written in', async () => {
    const data = await monthlyReportFixture('ru', quarter(2026, 1));
    const filter = { mahalla: { uzLatn: 'Navroʻz', uzCyrl: 'Наврўз', ru: 'Навруз' } };
    const paragraphs = modelParagraphs(monthlyReportModel({ ...data, filter, head: null }, documentTexts('ru')));
    expect(paragraphs).toContain('за I квартал 2026 года');
    expect(paragraphs).toContain('01.01.2026 – 31.03.2026');
    expect(paragraphs.slice(paragraphs.indexOf('Махалля:'))[1]).toBe('Навруз');
    expect(paragraphs).toContain('Руководитель учреждения');
    expect(paragraphs).toContain('________________ ');
  });

  it("the office's own wording of a text is used in that language only", async () => {
    const overrides = { 'uz-Cyrl': { 'monthlyReport.signHead': 'Марказ директори' } };
    expect(modelParagraphs(monthlyReportModel(await monthlyReportFixture('uz-Cyrl'), documentTexts('uz-Cyrl', overrides)))).toContain('Марказ директори');
    expect(modelParagraphs(monthlyReportModel(await monthlyReportFixture('ru'), documentTexts('ru', overrides)))).toContain('Руководитель учреждения');
  });
});
