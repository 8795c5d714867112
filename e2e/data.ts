import type { OfficeInput } from './pages/SetupPage';

/** An office in Tashkent region, its people typed in Cyrillic as a uz-Cyrl user would. */
export const OFFICE: OfficeInput = {
  regionCode: '1727',
  districtCode: '1727259',
  name: { uzLatn: 'Yangiyoʻl tumani oilani qoʻllab-quvvatlash boʻlimi', ru: 'Отдел поддержки семьи Янгиюльского района' },
  head: 'Каримова Дилноза Ҳасановна',
  hokim: 'Ёқубов Шерзод Тўхтаевич',
  deputyHokim: 'Раҳматуллаев Улуғбек Исҳоқович',
};

export const ADMIN = { fullNameCyrl: 'Каримова Дилноза Ҳасановна', position: 'Бўлим бошлиғи', username: 'dilnoza', password: 'Yangiyoʻl-2026' };
