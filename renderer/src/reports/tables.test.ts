import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { computeIndicators } from './indicators';
import { localizeTables, periodText, rowKey } from './localize';
import { month, quarter } from './period';
import { reportTables } from './tables';
import type { ReportInput } from './reportData';
import { generateOffice } from './testing/generate';
import { CaseStory, emptyInput } from './testing/records';
import { monthlyTrend, monthsEnding } from './trend';

const office = generateOffice(20260331, 400);

// The app's own locale files (reports/ may not import app/i18n.ts).
const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/{reports,cases}.json', { eager: true, import: 'default' });
async function initI18n(language: string) {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, content] of Object.entries(files)) {
    const [, lang, ns] = /locales\/([^/]+)\/([^/]+)\.json$/u.exec(path)!;
    (resources[lang!] ??= {})[ns!] = content;
  }
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, fallbackLng: false, ns: ['reports', 'cases'], defaultNS: 'reports', interpolation: { escapeValue: false } });
  return instance;
}
const period = quarter(2026, 1);
const indicators = computeIndicators(office.input, period);
const tables = reportTables(indicators);
const table = (id: string) => tables.find((t) => t.id === id)!;
const row = (id: string, key: string) => table(id).rows.find((r) => rowKey(r.label) === key)!;

describe('report tables', () => {
  it('lay out the indicators without changing a number, with the cases behind each count', () => {
    expect(row('flow', 'text:openAtEnd').cells.map((c) => c.value)).toEqual([indicators.families.openAtEnd.families, indicators.families.openAtEnd.children]);
    expect(row('flow', 'text:new').cells[0]!.caseIds).toEqual(indicators.families.new.caseIds);
    const late = row('process', 'text:monitoringsLate').cells[0]!;
    expect(late.value).toBe(indicators.process.monitoring.due - indicators.process.monitoring.onTime);
    expect(late.caseIds).toEqual(indicators.process.monitoring.lateCaseIds);
    expect(row('process', 'text:monitoringOnTimePercent').cells[0]).toEqual({ value: indicators.process.monitoring.percent, format: 'percent' });
    for (const [id, flow] of Object.entries(indicators.families.byMahalla)) {
      expect(row('byMahalla', `mahalla:${id}`).cells.map((c) => c.value)).toEqual([flow.openAtStart.families, flow.new.families, flow.closed.families, flow.openAtEnd.families, flow.openAtEnd.children, flow.served.families, flow.served.children]);
    }
    // Every row has one cell per column.
    for (const t of tables) for (const r of t.rows) expect(r.cells).toHaveLength(t.columns.length);
  });

  it('the by-mahalla rows add up to the office total (a case is in one mahalla)', () => {
    const sum = table('byMahalla').rows.reduce((total, r) => total + (r.cells[3]!.value ?? 0), 0);
    expect(sum).toBe(indicators.families.openAtEnd.families);
  });

  it('say everything in the reader\'s language, with no key left untranslated', async () => {
    for (const language of ['uz-Latn', 'uz-Cyrl', 'ru'] as const) {
      const i18n = await initI18n(language);
      const groups = localizeTables(tables, i18n.t.bind(i18n), language, { mahallas: office.input.mahallas, users: office.input.users, teams: office.input.teams });
      const words = groups.flatMap((g) => [g.title, ...g.tables.flatMap((t) => [t.title, ...t.columns, ...t.rows.map((r) => r.label)])]);
      for (const word of words) expect(word).not.toMatch(/^(reports|cases):|\b(row|column|table|group)\.[a-zA-Z]/u);
      expect(groups.map((g) => g.tables.length).reduce((a, b) => a + b)).toBe(tables.length);
      const mahallas = groups[0]!.tables.find((t) => t.id === 'byMahalla')!.rows.map((r) => r.label);
      expect(mahallas).toEqual([...mahallas].sort(new Intl.Collator(language === 'ru' ? 'ru' : language === 'uz-Cyrl' ? 'uz-Cyrl' : 'uz').compare));
    }
    const cyrl = await initI18n('uz-Cyrl');
    expect(periodText(period.label, cyrl.t.bind(cyrl))).toBe('2026-йил 1-чорак');
    const ru = await initI18n('ru');
    expect(periodText(month(2026, 3).label, ru.t.bind(ru))).toBe('март 2026 г.');
  });
});

describe('the monthly trend', () => {
  it('ends with the period\'s last month and agrees with the month\'s own report', () => {
    const months = monthsEnding('2026-03-31', 12);
    expect(months.map((m) => m.from)).toEqual(['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']);
    const trend = monthlyTrend(office.input, months);
    for (const [index, point] of trend.entries()) {
      const own = computeIndicators(office.input, months[index]!).families;
      expect(point).toEqual({ year: months[index]!.label.kind === 'month' ? months[index]!.label.year : 0, month: Number(months[index]!.from.slice(5, 7)), new: own.new.families, closed: own.closed.families, openAtEnd: own.openAtEnd.families });
    }
  });

  it('agrees with each month\'s report for one mahalla and for one case manager, and for months in any order', () => {
    const months = monthsEnding('2026-06-30', 18);
    const mahallaId = office.input.cases[0]!.address.mahallaId;
    const caseManagerId = office.input.cases.find((kase) => kase.caseManagerId)!.caseManagerId!;
    for (const options of [{ mahallaId }, { caseManagerId }]) {
      const trend = monthlyTrend(office.input, months, options);
      trend.forEach((point, index) => {
        const own = computeIndicators(office.input, months[index]!, options).families;
        expect([point.new, point.closed, point.openAtEnd]).toEqual([own.new.families, own.closed.families, own.openAtEnd.families]);
      });
    }
    // A case closed, reopened and closed again within one month counts once as closed in it.
    const input = emptyInput();
    const story = new CaseStory('case-twice', { referralDate: '2026-03-01' }).created('2026-03-02').advance('primaryAssessment', '2026-03-03').close('refused', '2026-03-10').reopen('2026-03-12').close('movedAway', '2026-03-20');
    input.cases.push(story.build());
    input.history.push(...story.history);
    expect(monthlyTrend(input as ReportInput, monthsEnding('2026-04-30', 2)).map((point) => [point.new, point.closed, point.openAtEnd])).toEqual([
      [1, 1, 0],
      [0, 0, 0],
    ]);
    const shuffled = [months[5]!, months[0]!, months[11]!];
    expect(monthlyTrend(office.input, shuffled)).toEqual([5, 0, 11].map((index) => monthlyTrend(office.input, months)[index]));
  });
});
