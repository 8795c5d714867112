import i18next from 'i18next';
import casesRu from '../../../../locales/ru/cases.json';
import reportsRu from '../../../../locales/ru/reports.json';
import casesCyrl from '../../../../locales/uz-Cyrl/cases.json';
import reportsCyrl from '../../../../locales/uz-Cyrl/reports.json';
import casesLatn from '../../../../locales/uz-Latn/cases.json';
import reportsLatn from '../../../../locales/uz-Latn/reports.json';
import type { IsoDate } from '../../domain/dates';
import { biScriptFrom } from '../../domain/names';
import { computeIndicators } from '../../reports/indicators';
import { localizeTables, type ReportNames, type Translate } from '../../reports/localize';
import { month, type LabeledPeriod } from '../../reports/period';
import { reportTables } from '../../reports/tables';
import { generateOffice } from '../../reports/testing/generate';
import { OFFICE_OFFSET } from '../../reports/testing/records';
import type { DocLanguage } from '../model';
import type { MonthlyReportData } from '../monthlyReport';
import { ASAKA } from './fixtures';

/**
 * The report's data as the reports page makes it: the seeded office of the reports' tests, its
 * indicators for a period, the tables localized by a real i18next translator in the document's
 * language. Mahallas and case managers get real names so the pages read like an office's.
 */

const RESOURCES = {
  'uz-Latn': { reports: reportsLatn, cases: casesLatn },
  'uz-Cyrl': { reports: reportsCyrl, cases: casesCyrl },
  ru: { reports: reportsRu, cases: casesRu },
};

/** i18next in one language, with the namespaces `localizeTables` and `formatCell` read. */
export async function reportTranslator(language: DocLanguage): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ resources: RESOURCES, lng: language, ns: ['reports', 'cases'], defaultNS: 'reports', interpolation: { escapeValue: false } });
  return instance.getFixedT(language) as Translate;
}

const MAHALLA_NAMES = [
  ['Navroʻz', 'Наврўз', 'Навруз'],
  ['Bogʻishamol', 'Боғишамол', 'Богишамол'],
  ['Guliston', 'Гулистон', 'Гулистан'],
  ['Oʻzbekiston', 'Ўзбекистон', 'Узбекистан'],
  ['Yangiobod', 'Янгиобод', 'Янгиабад'],
  ['Mustaqillik', 'Мустақиллик', 'Мустакиллик'],
] as const;
const MANAGER_NAMES = ['Abdullayeva Malika Anvarovna', 'Rahimova Zulfiya Karimovna', 'Xolmatova Gʻulnora Oʻrinovna', 'Toshmatov Bahodir Olimovich', 'Ergasheva Dilnoza Yoʻldoshevna', 'Qodirov Shavkat Hasanovich'];

const office = generateOffice(20260331, 240);

const names: ReportNames = {
  mahallas: office.input.mahallas.map((m, index) => {
    const [uzLatn, uzCyrl, ru] = MAHALLA_NAMES[index % MAHALLA_NAMES.length]!;
    return { ...m, name: { uzLatn, uzCyrl, ru } };
  }),
  users: office.input.users.map((user, index) => ({ ...user, fullName: biScriptFrom(MANAGER_NAMES[index % MANAGER_NAMES.length]!) })),
  teams: office.input.teams,
};

export const REPORT_OFFICE = {
  name: { uzLatn: 'Asaka tumani «Inson» ijtimoiy xizmatlar markazi', uzCyrl: 'Асака тумани «Инсон» ижтимоий хизматлар маркази', ru: 'Центр социальных услуг «Инсон» Асакинского района' },
  head: biScriptFrom('Toshmatov Bahodir Olimovich'),
};

/** The report for `period` (March 2026 unless told) in `language`. */
export async function monthlyReportFixture(language: DocLanguage, period: LabeledPeriod = month(2026, 3)): Promise<MonthlyReportData> {
  const t = await reportTranslator(language);
  const indicators = computeIndicators(office.input, period, { officeOffsetMinutes: OFFICE_OFFSET });
  return {
    office: REPORT_OFFICE.name,
    ...ASAKA,
    period: { from: period.from, to: period.to, label: period.label },
    groups: localizeTables(reportTables(indicators), t, language, names),
    t,
    head: { name: REPORT_OFFICE.head },
    date: '2026-04-03' as IsoDate,
  };
}
