import { describe, expect, it } from 'vitest';
import { agreementModel, familyAgreementDocx } from './familyAgreement';
import { decisionModel, hokimDecisionDocx } from './hokimDecision';
import { modelParagraphs, type DocLanguage } from './model';
import { documentTexts, MissingTextError } from './texts';
import { agreementFixture, decisionFixture, docxParagraphs, docxXml } from './testing/fixtures';

const LANGUAGES: DocLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru'];

/** Nothing a reader should ever see: a locale key, a placeholder, or English standing in for a missing text. */
function expectNoLeaks(text: string) {
  expect(text).not.toMatch(/\{\{|\}\}/u);
  expect(text).not.toMatch(/\b(format|decision|regulation|composition|agreement)\.[a-zA-Z]/u);
  expect(text).not.toMatch(/\b(the|and|of|shall)\b/u);
}

const FORMULA: Record<DocLanguage, string> = { 'uz-Latn': 'QAROR QILAMAN:', 'uz-Cyrl': 'ҚАРОР ҚИЛАМАН:', ru: 'РЕШАЮ:' };

describe("the hokim's decision", () => {
  it.each(LANGUAGES)('packs in %s with the issuer, the operative formula, the team members in the script, and both appendices', async (language) => {
    const bytes = await hokimDecisionDocx(decisionFixture(), language);
    const xml = docxXml(bytes);
    const text = docxParagraphs(bytes).join('\n');
    expect(text).toContain(FORMULA[language]);
    expectNoLeaks(text);
    if (language === 'uz-Latn') {
      expect(text).toContain('ANDIJON VILOYATI ASAKA TUMANI HOKIMINING');
      expect(text).toContain('Qodirova Gʻulomjon Hasanovna');
      expect(text).toContain('Xolmatov Shavkat Oʻrinovich');
      expect(text).toContain('Ergasheva Dilnoza Yoʻldoshevna');
      expect(text).toContain('«Navroʻz»');
      expect(text).toContain('1-ILOVA');
      expect(text).toContain('A.Q. Abdullayev');
    } else {
      expect(text).toContain('Қодирова Ғуломжон Ҳасановна');
      expect(text).toContain('Холматов Шавкат Ўринович');
      expect(text).toContain('Эргашева Дилноза Йўлдошевна');
      expect(text).not.toContain('Qodirova');
      expect(text).toContain('А.Қ. Абдуллаев');
    }
    if (language === 'uz-Cyrl') expect(text).toContain('АНДИЖОН ВИЛОЯТИ АСАКА ТУМАНИ ҲОКИМИНИНГ');
    if (language === 'ru') expect(text).toContain('АСАКИНСКОГО РАЙОНА АНДИЖАНСКОЙ ОБЛАСТИ');
    // The deputy hokim is named in the control clause, the last point.
    expect(text).toMatch(language === 'uz-Latn' ? /Yoʻldosheva Malika Gʻayratovna/u : /Йўлдошева Малика Ғайратовна/u);
    // Three parts, each on its own page; A4 with the official margins; Times New Roman 14 pt.
    expect(xml.match(/<w:sectPr/gu)).toHaveLength(3);
    expect(xml).toContain('w:w="11906" w:h="16838"');
    expect(xml).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/u);
    expect(docxXml(bytes, 'word/styles.xml')).toMatch(/Times New Roman[\s\S]*w:sz w:val="28"/u);
  });

  it('prints the extra points the user added, before the control clause', () => {
    const texts = documentTexts('uz-Latn');
    const paragraphs = modelParagraphs(decisionModel(decisionFixture(), texts));
    const extra = paragraphs.findIndex((p) => p.includes('moliyalashtirsin'));
    const control = paragraphs.findIndex((p) => p.includes('Yoʻldosheva Malika Gʻayratovna') && /^\d+\./u.test(p));
    expect(extra).toBeGreaterThan(0);
    expect(control).toBe(extra + 1);
  });

  it('uses the issuer line the user corrected instead of the standard one', () => {
    const paragraphs = modelParagraphs(decisionModel({ ...decisionFixture(), issuer: 'ASAKA TUMANI HOKIMINING' }, documentTexts('uz-Latn')));
    expect(paragraphs[0]).toBe('ASAKA TUMANI HOKIMINING');
  });

  it('lists every mahalla team in appendix 2', () => {
    const paragraphs = modelParagraphs(decisionModel(decisionFixture(50), documentTexts('uz-Cyrl')));
    expect(paragraphs.filter((p) => p.includes('Наврўз')).length).toBe(50);
  });
});

describe('the family agreement', () => {
  it.each(LANGUAGES)("packs in %s with the family's names in the script, the case manager and the sections", async (language) => {
    const bytes = await familyAgreementDocx(agreementFixture(), language);
    const text = docxParagraphs(bytes).join('\n');
    expectNoLeaks(text);
    expect(text).toContain('K-017/2026');
    if (language === 'uz-Latn') {
      expect(text).toContain('Gʻaniyeva Oʻgʻiloy Qahramonovna');
      expect(text).toContain('Gʻaniyev Shohruh Hamidovich');
      expect(text).toContain('Rahimova Zulfiya Karimovna');
      expect(text).toContain('KELISHUV');
      expect(text).toContain('Oʻ.Q. Gʻaniyeva');
    } else {
      expect(text).toContain('Ғаниева Ўғилой Қаҳрамоновна');
      expect(text).toContain('Ғаниев Шоҳруҳ Ҳамидович');
      expect(text).toContain('Раҳимова Зулфия Каримовна');
      expect(text).not.toContain('Gʻaniyeva');
    }
    expect(text).toContain(language === 'ru' ? 'СОГЛАШЕНИЕ' : language === 'uz-Cyrl' ? 'КЕЛИШУВ' : 'KELISHUV');
    expect(text).toContain('17.09.2014');
  });
});

describe('preview and DOCX', () => {
  it.each(LANGUAGES)('have the same paragraphs in the same order (%s)', async (language) => {
    for (const model of [decisionModel(decisionFixture(2), documentTexts(language)), agreementModel(agreementFixture(), documentTexts(language))]) {
      const { writeDocx } = await import('./docxWriter');
      expect(docxParagraphs(await writeDocx(model))).toEqual(modelParagraphs(model).filter((p) => p.trim() !== ''));
    }
  });
});

describe('standard texts', () => {
  it('an office override replaces the standard text in that language only', () => {
    const overrides = { 'uz-Latn': { 'decision.formula': 'QAROR QILAMIZ:' } };
    expect(modelParagraphs(decisionModel(decisionFixture(), documentTexts('uz-Latn', overrides)))).toContain('QAROR QILAMIZ:');
    expect(modelParagraphs(decisionModel(decisionFixture(), documentTexts('uz-Cyrl', overrides)))).toContain('ҚАРОР ҚИЛАМАН:');
  });

  it('a missing text or placeholder value throws instead of printing a key', () => {
    const texts = documentTexts('ru');
    expect(() => texts.t('decision.nonexistent')).toThrow(MissingTextError);
    expect(() => texts.t('decision.points.control')).toThrow(MissingTextError);
  });
});
