import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { inEveryLanguage } from '../../app/languages';
import { localizeTables, quarter, reportTables, computeIndicators } from '../../reports';
import { generateOffice } from '../../reports/testing/generate';
import { describeFigure } from './figureTitle';

const files = import.meta.glob<Record<string, unknown>>('../../../../locales/*/{reports,cases}.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const [, language, namespace] = /locales\/([^/]+)\/(\w+)\.json$/u.exec(path)!;
  (resources[language!] ??= {})[namespace!] = content;
}

describe('the name of a figure opened from a report', () => {
  it('is the same figure in every language: a key figure, a table cell with its column, a chart bar', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'uz-Cyrl', fallbackLng: 'en', defaultNS: 'reports' });
    const office = generateOffice(7, 60);
    const indicators = computeIndicators(office.input, quarter(2026, 3));
    const names = { mahallas: office.input.mahallas, users: office.input.users, teams: office.input.teams };
    const named = (figure: Parameters<typeof describeFigure>[0]) =>
      inEveryLanguage(i18n, (t, language) => describeFigure(figure, localizeTables(reportTables(indicators), t, language, names), i18n.getFixedT(language, 'reports')));

    expect(named({ kind: 'key', key: 'monitoringsLate' })).toMatchObject({ 'uz-Cyrl': 'Муддати ўтган мониторинглар', ru: expect.stringMatching(/мониторинг/iu) });
    const mahalla = office.input.mahallas[0]!;
    const bar = named({ kind: 'chart', chart: 'byMahalla', table: 'byMahalla', row: `mahalla:${mahalla.id}` });
    expect(bar['uz-Latn']).toContain(mahalla.name.uzLatn);
    expect(bar['uz-Cyrl']).toContain(mahalla.name.uzCyrl);
    expect(bar.ru).toContain(mahalla.name.ru);
    const cell = named({ kind: 'cell', table: 'byMahalla', row: `mahalla:${mahalla.id}`, column: 0 });
    expect(cell['uz-Cyrl']).toMatch(new RegExp(`^${mahalla.name.uzCyrl} \\(.+\\)$`, 'u'));
    expect(cell['uz-Cyrl']).not.toEqual(cell.ru);
    expect(named({ kind: 'cell', table: 'byMahalla', row: 'mahalla:unknown', column: 0 }).ru).toBe('');
  });
});
