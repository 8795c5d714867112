import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GOAL_RESULTS } from '../domain/closure';
import { ACTION_STATUSES } from '../domain/plan';
import { CLOSURE_OUTCOMES } from '../domain/stages';
import { assessmentSummaryDocx, assessmentSummaryModel } from './assessmentSummary';
import { closureActDocx, closureActModel } from './closureAct';
import { conferenceMinutesDocx, conferenceMinutesModel } from './conferenceMinutes';
import { writeDocx } from './docxWriter';
import { familyPlanDocx, planModel } from './familyPlan';
import { fittedImage, modelParagraphs, pngSize, type DocLanguage, type DocModel } from './model';
import { monitoringReportDocx, monitoringReportModel } from './monitoringReport';
import { taskSheetDocx, taskSheetModel } from './taskSheet';
import { documentTexts, MissingTextError, type DocumentTexts } from './texts';
import { assessmentSummaryFixture, closureFixture, docxParagraphs, docxXml, minutesFixture, monitoringFixture, planFixture, taskSheetFixture, testPng } from './testing/fixtures';

const LANGUAGES: DocLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru'];

/** Nothing a reader should ever see: a locale key, a placeholder, "undefined", or English standing in for a missing text. */
function expectNoLeaks(text: string) {
  expect(text).not.toMatch(/\{\{|\}\}|undefined|NaN/u);
  expect(text).not.toMatch(/\b(format|caseWork|plan|assessmentSummary|monitoringReport|closureAct|conferenceMinutes|taskSheet|fileName)\.[a-zA-Z]/u);
  expect(text).not.toMatch(/\b(the|and|of|shall)\b/u);
}

/** The family and its people, in the document's script: Latin in Uzbek Latin, Cyrillic in the others. */
function expectNamesInScript(text: string, language: DocLanguage) {
  if (language === 'uz-Latn') {
    expect(text).toContain('Gʻaniyeva Oʻgʻiloy Qahramonovna');
    expect(text).not.toContain('Ғаниева');
  } else {
    expect(text).toContain('Ғаниева Ўғилой Қаҳрамоновна');
    expect(text).not.toMatch(/Gʻaniyev|Rahimova|Xolmatov|Ergasheva/u);
  }
}

const BUILDERS: { name: string; docx: (language: DocLanguage) => Promise<Uint8Array>; model: (texts: DocumentTexts) => DocModel; expected: Record<DocLanguage, string[]> }[] = [
  {
    name: 'the family development plan',
    docx: (language) => familyPlanDocx(planFixture(), language),
    model: (texts) => planModel(planFixture(), texts),
    expected: {
      'uz-Latn': ['OILANI RIVOJLANTIRISH REJASI', '1-maqsad. Shohruh maktabga muntazam qatnaydi', 'Ergasheva Dilnoza Yoʻldoshevna (maktab psixologi', 'Gʻaniyeva Oʻgʻiloy Qahramonovna (oila aʼzosi)', '15.12.2026', 'bekor qilindi: Kerak boʻlmadi', 'Taʼlim, Yoʻl-yoʻriq va chegaralar', 'B.O. Toshmatov'],
      'uz-Cyrl': ['ОИЛАНИ РИВОЖЛАНТИРИШ РЕЖАСИ', '1-мақсад.', 'Эргашева Дилноза Йўлдошевна (мактаб психологи', '(оила аъзоси)', '15.12.2026', 'Таълим, Йўл-йўриқ ва чегаралар', 'Б.О. Тошматов'],
      ru: ['ПЛАН РАЗВИТИЯ СЕМЬИ', 'Цель 1.', 'Эргашева Дилноза Йўлдошевна (школьный психолог', '(член семьи)', '15.12.2026', 'Образование, Направление и установление границ', 'выполнено'],
    },
  },
  {
    name: 'the assessment summary',
    docx: (language) => assessmentSummaryDocx(assessmentSummaryFixture(testPng()), language),
    model: (texts) => assessmentSummaryModel(assessmentSummaryFixture(testPng()), texts),
    expected: {
      'uz-Latn': ['CHUQUR BAHOLASH NATIJALARI', 'Bolaning rivojlanish ehtiyojlari', 'Oʻrtacha baho', '2,7', '1-versiya, 20.10.2026', 'Gʻaniyev Shohruh Hamidovichning uchburchagi', 'Futbol', 'Oilada ijobiy oʻzgarishlar bor.'],
      'uz-Cyrl': ['ЧУҚУР БАҲОЛАШ НАТИЖАЛАРИ', 'Боланинг ривожланиш эҳтиёжлари', 'Ўртача баҳо', '2,7', 'Ғаниев Шоҳруҳ Ҳамидовичнинг учбурчаги'],
      ru: ['ИТОГИ ГЛУБИННОЙ ОЦЕНКИ', 'Потребности развития ребёнка', 'Средний балл', '2,7', 'Версия 1, 20.10.2026', 'Треугольная оценка: Ғаниев Шоҳруҳ Ҳамидович'],
    },
  },
  {
    name: 'the monthly monitoring report',
    docx: (language) => monitoringReportDocx(monitoringFixture(), language),
    model: (texts) => monitoringReportModel(monitoringFixture(), texts),
    expected: {
      'uz-Latn': ['OYLIK MONITORING HISOBOTI', '05.12.2026', 'Uch suhbat oʻtkazildi', '3-tahrir', 'Yangi maqsad qoʻshildi', 'bajarilmoqda'],
      'uz-Cyrl': ['ОЙЛИК МОНИТОРИНГ ҲИСОБОТИ', '05.12.2026', '3-таҳрир', 'бажарилмоқда'],
      ru: ['ОТЧЁТ О ЕЖЕМЕСЯЧНОМ МОНИТОРИНГЕ', '05.12.2026', 'редакция 3', 'выполняется'],
    },
  },
  {
    name: 'the closure act',
    docx: (language) => closureActDocx(closureFixture(), language),
    model: (texts) => closureActModel(closureFixture(), texts),
    expected: {
      'uz-Latn': ['KEYSNI YOPISH TOʻGʻRISIDA DALOLATNOMA', '№ D-003/2027', 'K-017/2026', '05.10.2026 – 28.03.2027', 'Mustaqil hayot kechira oladi', 'qisman erishildi', 'Yakuniy baholash (uchburchak)', '2-versiya, 10.02.2027'],
      'uz-Cyrl': ['КЕЙСНИ ЁПИШ ТЎҒРИСИДА ДАЛОЛАТНОМА', '05.10.2026 – 28.03.2027', 'Мустақил ҳаёт кечира олади', 'қисман эришилди'],
      ru: ['АКТ О ЗАКРЫТИИ СЛУЧАЯ', '05.10.2026 – 28.03.2027', 'Достигла самостоятельности', 'частично достигнута', 'версия 2 от 10.02.2027'],
    },
  },
  {
    name: 'the case conference minutes',
    docx: (language) => conferenceMinutesDocx(minutesFixture(), language),
    model: (texts) => conferenceMinutesModel(minutesFixture(), texts),
    expected: {
      'uz-Latn': ['KEYS BOʻYICHA YIGʻILISH BAYONNOMASI', '«Navroʻz» mahallasi idoralararo guruhi', 'Xolmatov Shavkat Oʻrinovich', 'profilaktika inspektori, Tuman ichki ishlar boʻlimi', 'Haftalik suhbatlar', '31.12.2026', 'Mahalla raisi', 'Sh.Oʻ. Xolmatov'],
      'uz-Cyrl': ['КЕЙС БЎЙИЧА ЙИҒИЛИШ БАЁННОМАСИ', '«Наврўз» маҳалласи', 'Холматов Шавкат Ўринович', 'Туман ички ишлар бўлими', 'Ш.Ў. Холматов'],
      ru: ['ПРОТОКОЛ СОВЕЩАНИЯ ПО СЛУЧАЮ', 'махалли «Навруз»', 'Холматов Шавкат Ўринович', 'Районный отдел внутренних дел', 'Присутствовали:'],
    },
  },
  {
    name: "a team member's task sheet",
    docx: (language) => taskSheetDocx(taskSheetFixture(), language),
    model: (texts) => taskSheetModel(taskSheetFixture(), texts),
    expected: {
      'uz-Latn': ['TOPSHIRIQLAR VARAQASI', 'Xolmatov Shavkat Oʻrinovich, profilaktika inspektori', '01.12.2026 holatiga', 'Profilaktik suhbat', '20.11.2026', 'muddati oʻtgan', 'Keys-menejer: Z.K. Rahimova, +998 90 123 45 67'],
      'uz-Cyrl': ['ТОПШИРИҚЛАР ВАРАҚАСИ', 'Холматов Шавкат Ўринович, профилактика инспектори', 'муддати ўтган', 'Кейс-менежер: З.К. Раҳимова'],
      ru: ['ЛИСТ ЗАДАНИЙ', 'Холматов Шавкат Ўринович, инспектор профилактики', 'по состоянию на 01.12.2026', 'просрочено'],
    },
  },
];

describe('the case-work documents', () => {
  for (const builder of BUILDERS) {
    it.each(LANGUAGES)(`${builder.name} packs in %s with its texts, names in the script, and no missing text`, async (language) => {
      const bytes = await builder.docx(language);
      const text = docxParagraphs(bytes).join('\n');
      expectNoLeaks(text);
      for (const expected of builder.expected[language]) expect(text).toContain(expected);
      // A4, the official margins, Times New Roman 14 pt, like the other documents.
      const xml = docxXml(bytes);
      expect(xml).toContain('w:w="11906" w:h="16838"');
      expect(xml).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
      expect(docxXml(bytes, 'word/styles.xml')).toMatch(/Times New Roman[\s\S]*w:sz w:val="28"/u);
    });

    it.each(LANGUAGES)(`${builder.name}: the preview's paragraphs are the DOCX's (%s)`, async (language) => {
      const model = builder.model(documentTexts(language));
      expect(docxParagraphs(await writeDocx(model))).toEqual(modelParagraphs(model).filter((p) => p.trim() !== ''));
    });
  }

  it.each(LANGUAGES)('names the family in the script of the document (%s)', async (language) => {
    for (const bytes of [await familyPlanDocx(planFixture(), language), await closureActDocx(closureFixture(), language), await assessmentSummaryDocx(assessmentSummaryFixture(), language)]) {
      expectNamesInScript(docxParagraphs(bytes).join('\n'), language);
    }
  });

  it.each(LANGUAGES)('prints every status, result and outcome there is (%s)', (language) => {
    const texts = documentTexts(language);
    const plan = planFixture();
    for (const status of ACTION_STATUSES) for (const recordStatus of ['draft', 'completed', 'approved'] as const) {
      const goals = plan.goals.map((goal) => ({ ...goal, actions: goal.actions.map((action) => ({ ...action, status })) }));
      expect(() => planModel({ ...plan, status: recordStatus, goals, approval: null }, texts)).not.toThrow();
    }
    for (const outcome of CLOSURE_OUTCOMES) for (const result of GOAL_RESULTS) {
      const act = closureFixture();
      const paragraphs = modelParagraphs(closureActModel({ ...act, closure: { ...act.closure, outcome }, goals: act.goals.map((goal) => ({ ...goal, result })), agreement: null, finalTriangle: null }, texts));
      expect(paragraphs.join('\n')).not.toMatch(/caseWork\./u);
    }
  });

  it('puts each child\'s triangle picture into the DOCX as PNG, sized to the page, with its caption', async () => {
    const png = testPng(680, 460);
    const bytes = await assessmentSummaryDocx(assessmentSummaryFixture(png), 'uz-Latn');
    const media = Object.entries(unzipSync(bytes, { filter: (file) => file.name.startsWith('word/media/') }));
    expect(media.map(([file]) => file).every((file) => file.endsWith('.png'))).toBe(true);
    expect(media.length).toBeGreaterThanOrEqual(1);
    expect(media[0]![1]).toEqual(png);
    const xml = docxXml(bytes);
    expect(xml.match(/<w:drawing>/gu)).toHaveLength(2);
    // About 160 mm wide (docx sizes in whole pixels at 96 to the inch), within the 165 mm of text width.
    const width = Number(/<wp:extent cx="(\d+)"/u.exec(xml)![1]) / 36_000;
    expect(width).toBeCloseTo(160, 0);
    expect(width).toBeLessThan(165);
    expect(docxXml(bytes, '[Content_Types].xml')).toContain('image/png');
  });

  it('leaves out a chart that is missing or not a PNG, rather than printing a broken picture', async () => {
    for (const chart of [null, new Uint8Array([1, 2, 3])]) {
      const bytes = await assessmentSummaryDocx(assessmentSummaryFixture(chart), 'ru');
      expect(Object.keys(unzipSync(bytes, { filter: (file) => file.name.startsWith('word/media/') }))).toEqual([]);
    }
  });

  it('fits a picture into the space given, keeping its proportions', () => {
    expect(pngSize(testPng(680, 460))).toEqual({ width: 680, height: 460 });
    expect(fittedImage(testPng(680, 460), 150, 110)).toMatchObject({ widthMm: 150, heightMm: 101.5 });
    expect(fittedImage(testPng(400, 800), 150, 110)).toMatchObject({ widthMm: 55, heightMm: 110 });
  });

  it('a missing text throws instead of printing a key', () => {
    expect(() => documentTexts('uz-Cyrl').t('plan.nonexistent')).toThrow(MissingTextError);
    // The office's own wording of a case-work text is used in that language only.
    const overrides = { ru: { 'plan.title': 'ИНДИВИДУАЛЬНЫЙ ПЛАН РАЗВИТИЯ СЕМЬИ' } };
    expect(modelParagraphs(planModel(planFixture(), documentTexts('ru', overrides)))).toContain('ИНДИВИДУАЛЬНЫЙ ПЛАН РАЗВИТИЯ СЕМЬИ');
    expect(modelParagraphs(planModel(planFixture(), documentTexts('uz-Cyrl', overrides)))).toContain('ОИЛАНИ РИВОЖЛАНТИРИШ РЕЖАСИ');
  });

  it('a task sheet without open actions says so', () => {
    const paragraphs = modelParagraphs(taskSheetModel({ ...taskSheetFixture(), actions: [] }, documentTexts('uz-Latn')));
    expect(paragraphs).toContain('Sizga yuklatilgan ochiq tadbirlar yoʻq.');
  });
});
