import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentSummaryDocx } from '../renderer/src/documents/assessmentSummary';
import { closureActDocx } from '../renderer/src/documents/closureAct';
import { conferenceMinutesDocx } from '../renderer/src/documents/conferenceMinutes';
import { familyAgreementDocx } from '../renderer/src/documents/familyAgreement';
import { familyPlanDocx } from '../renderer/src/documents/familyPlan';
import { hokimDecisionDocx } from '../renderer/src/documents/hokimDecision';
import type { DocLanguage } from '../renderer/src/documents/model';
import { monitoringReportDocx } from '../renderer/src/documents/monitoringReport';
import { taskSheetDocx } from '../renderer/src/documents/taskSheet';
import {
  agreementFixture,
  assessmentSummaryFixture,
  closureFixture,
  decisionFixture,
  minutesFixture,
  monitoringFixture,
  planFixture,
  taskSheetFixture,
  testPng,
} from '../renderer/src/documents/testing/fixtures';
import { convertToPdf, soffice, type ConvertedPdf } from './libreoffice';

/**
 * Every document as a word processor opens it: LibreOffice converts them all to PDF in one run, and
 * each PDF must be A4, carry the expected text, and use no fallback font — a fallback means a letter
 * (Ғ Қ Ҳ Ў) the document's font lacks. The first pages go to test-results/documents as PNG for a
 * person to look at.
 */
const OUT = resolve('test-results/documents');

if (!soffice) console.warn('SKIPPED scripts/documents-libreoffice.test.ts: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');

const KINDS = ['decision', 'agreement', 'plan', 'assessment', 'monitoring', 'closure', 'minutes', 'taskSheet'] as const;
type Kind = (typeof KINDS)[number];

const BUILD: Record<Kind, (language: DocLanguage) => Promise<Uint8Array>> = {
  decision: (language) => hokimDecisionDocx(decisionFixture(2), language),
  agreement: (language) => familyAgreementDocx(agreementFixture(), language),
  plan: (language) => familyPlanDocx(planFixture(), language),
  assessment: (language) => assessmentSummaryDocx(assessmentSummaryFixture(testPng(680, 460)), language),
  monitoring: (language) => monitoringReportDocx(monitoringFixture(), language),
  closure: (language) => closureActDocx(closureFixture(), language),
  minutes: (language) => conferenceMinutesDocx(minutesFixture(), language),
  taskSheet: (language) => taskSheetDocx(taskSheetFixture(), language),
};

const EXPECTED: Record<DocLanguage, Record<Kind, string[]>> = {
  'uz-Latn': {
    decision: ['QAROR QILAMAN', 'Qodirova Gʻulomjon Hasanovna', 'NIZOM'],
    agreement: ['KELISHUV', 'Gʻaniyeva Oʻgʻiloy Qahramonovna'],
    plan: ['OILANI RIVOJLANTIRISH REJASI', 'Gʻaniyeva Oʻgʻiloy Qahramonovna', 'Profilaktik suhbat', '15.12.2026', 'Reja tasdiqlangan: Toshmatov Bahodir Olimovich, 03.11.2026.'],
    assessment: ['CHUQUR BAHOLASH NATIJALARI', 'Oʻrtacha baho', 'Gʻaniyev Shohruh Hamidovichning uchburchagi'],
    monitoring: ['OYLIK MONITORING HISOBOTI', 'Shohruh darslarni qoldirmayapti.', '3-tahrir'],
    closure: ['KEYSNI YOPISH TOʻGʻRISIDA DALOLATNOMA', 'Gʻaniyeva Oʻgʻiloy Qahramonovna', 'Mustaqil hayot kechira oladi', '28.03.2027'],
    minutes: ['KEYS BOʻYICHA YIGʻILISH BAYONNOMASI', 'Xolmatov Shavkat Oʻrinovich'],
    taskSheet: ['TOPSHIRIQLAR VARAQASI', 'Profilaktik suhbat', 'muddati oʻtgan'],
  },
  'uz-Cyrl': {
    decision: ['ҚАРОР ҚИЛАМАН', 'Қодирова Ғуломжон', 'НИЗОМ'],
    agreement: ['КЕЛИШУВ', 'Ғаниева Ўғилой Қаҳрамоновна'],
    plan: ['ОИЛАНИ РИВОЖЛАНТИРИШ РЕЖАСИ', 'Ғаниева Ўғилой Қаҳрамоновна', 'Мақсадлар ва тадбирлар'],
    assessment: ['ЧУҚУР БАҲОЛАШ НАТИЖАЛАРИ', 'Ўртача баҳо', 'Ғаниев Шоҳруҳ Ҳамидовичнинг учбурчаги'],
    monitoring: ['ОЙЛИК МОНИТОРИНГ ҲИСОБОТИ', 'Оилада нима ўзгарди'],
    closure: ['КЕЙСНИ ЁПИШ ТЎҒРИСИДА ДАЛОЛАТНОМА', 'Ғаниева Ўғилой Қаҳрамоновна', 'Мустақил ҳаёт кечира олади'],
    minutes: ['КЕЙС БЎЙИЧА ЙИҒИЛИШ БАЁННОМАСИ', 'Холматов Шавкат Ўринович'],
    taskSheet: ['ТОПШИРИҚЛАР ВАРАҚАСИ', 'муддати ўтган'],
  },
  ru: {
    decision: ['РЕШАЮ', 'Қодирова Ғуломжон', 'ПОЛОЖЕНИЕ'],
    agreement: ['СОГЛАШЕНИЕ', 'Ғаниева Ўғилой Қаҳрамоновна'],
    plan: ['ПЛАН РАЗВИТИЯ СЕМЬИ', 'Ғаниева Ўғилой Қаҳрамоновна', 'Цели и мероприятия'],
    assessment: ['ИТОГИ ГЛУБИННОЙ ОЦЕНКИ', 'Средний балл'],
    monitoring: ['ОТЧЁТ О ЕЖЕМЕСЯЧНОМ МОНИТОРИНГЕ', 'Что изменилось в семье'],
    closure: ['АКТ О ЗАКРЫТИИ СЛУЧАЯ', 'Ғаниева Ўғилой Қаҳрамоновна', 'Достигла самостоятельности'],
    minutes: ['ПРОТОКОЛ СОВЕЩАНИЯ ПО СЛУЧАЮ', 'Холматов Шавкат Ўринович'],
    taskSheet: ['ЛИСТ ЗАДАНИЙ', 'просрочено'],
  },
};

const LANGUAGES = ['uz-Latn', 'uz-Cyrl', 'ru'] as const;

describe.skipIf(!soffice)('documents opened by LibreOffice', () => {
  let pdfs = new Map<string, ConvertedPdf>();
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const language of LANGUAGES) for (const kind of KINDS) files[`${kind}-${language}`] = await BUILD[kind](language);
    pdfs = convertToPdf(files, { out: OUT, pages: (name) => (name.startsWith('decision-') || name.startsWith('agreement-') ? 1 : 2) });
  }, 600_000);

  for (const language of LANGUAGES) {
    for (const kind of KINDS) {
      it(`the ${kind} in ${language}: A4, its text, no fallback font`, () => {
        const pdf = pdfs.get(`${kind}-${language}`);
        expect(pdf, `${kind}-${language}.pdf was not produced`).toBeDefined();
        const { text, fonts, pageSize } = pdf!;
        expect(pageSize).toMatch(/A4/u);
        // pdftotext may break a line anywhere: compare with whitespace folded.
        const folded = text.replace(/\s+/gu, ' ');
        for (const expected of EXPECTED[language][kind]) expect(folded).toContain(expected);
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) expect(font, `fonts used: ${fonts.join(', ')}`).toMatch(/^(LiberationSerif|TimesNewRoman)/u);
      });
    }
  }
});
