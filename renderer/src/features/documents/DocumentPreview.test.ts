import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../documents/docxWriter';
import { agreementModel } from '../../documents/familyAgreement';
import { decisionModel } from '../../documents/hokimDecision';
import type { DocLanguage, DocModel } from '../../documents/model';
import { documentTexts } from '../../documents/texts';
import { assessmentSummaryModel } from '../../documents/assessmentSummary';
import { closureActModel } from '../../documents/closureAct';
import { conferenceMinutesModel } from '../../documents/conferenceMinutes';
import { planModel } from '../../documents/familyPlan';
import { monitoringReportModel } from '../../documents/monitoringReport';
import { taskSheetModel } from '../../documents/taskSheet';
import {
  agreementFixture,
  assessmentSummaryFixture,
  closureFixture,
  decisionFixture,
  docxParagraphs,
  minutesFixture,
  monitoringFixture,
  planFixture,
  taskSheetFixture,
  testPng,
} from '../../documents/testing/fixtures';
import { DocumentPreview } from './DocumentPreview';

/**
 * The paragraphs the preview shows, in order, as the text a user reads on screen: each paragraph's
 * rendered content with the tags taken out (a point's label is set apart from its text as in print).
 */
function previewParagraphs(model: DocModel): string[] {
  const html = renderToStaticMarkup(createElement(DocumentPreview, { model }));
  const decode = (text: string) => text.replace(/&quot;/gu, '"').replace(/&#x27;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
  return [...html.matchAll(/<p [^>]*>([\s\S]*?)<\/p>/gu)]
    .map((match) => decode(match[1]!.replace(/(<span data-label[^>]*>[^<]*)<\/span>/gu, '$1 </span>').replace(/<[^>]+>/gu, '')))
    .filter((text) => text.trim() !== '');
}

describe('the preview', () => {
  for (const language of ['uz-Latn', 'uz-Cyrl', 'ru'] as DocLanguage[]) {
    it(`shows the same paragraphs in the same order as the DOCX (${language})`, async () => {
      for (const model of [decisionModel(decisionFixture(3), documentTexts(language)), agreementModel(agreementFixture(), documentTexts(language))]) {
        const preview = previewParagraphs(model);
        expect(preview.length).toBeGreaterThan(40);
        expect(preview).toEqual(docxParagraphs(await writeDocx(model)));
      }
    });
  }

  it('starts every part on its own sheet, as print starts a new page', () => {
    const html = renderToStaticMarkup(createElement(DocumentPreview, { model: decisionModel(decisionFixture(), documentTexts('ru')) }));
    expect(html.match(/document-sheet/gu)).toHaveLength(3);
  });

  it('shows the case-work documents as they print, the triangle picture included', async () => {
    for (const language of ['uz-Latn', 'uz-Cyrl', 'ru'] as DocLanguage[]) {
      const texts = documentTexts(language);
      const png = testPng(680, 460);
      const models = [
        planModel(planFixture(), texts),
        assessmentSummaryModel(assessmentSummaryFixture(png), texts),
        monitoringReportModel(monitoringFixture(), texts),
        closureActModel(closureFixture(), texts),
        conferenceMinutesModel(minutesFixture(), texts),
        taskSheetModel(taskSheetFixture(), texts),
      ];
      for (const model of models) expect(previewParagraphs(model)).toEqual(docxParagraphs(await writeDocx(model)));
      const html = renderToStaticMarkup(createElement(DocumentPreview, { model: models[1]! }));
      expect(html.match(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+"/gu)).toHaveLength(2);
      expect(html).toMatch(/width:160mm/u);
    }
  });
});
