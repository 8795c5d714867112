import type { IsoDate } from '../domain/dates';
import type { ActionStatus } from '../domain/plan';
import { actionStatusText, caseRows, cell, dateOrDash, deadlineStatusCell, gridTable, infoTable, responsibleText, serviceLine, textParagraphs, type CaseHeading, type PrintedResponsible } from './caseParts';
import { writeDocx } from './docxWriter';
import { nameIn, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface ReviewedAction {
  /** The goal the action serves and the action, as the plan words them (empty when the plan no longer has it). */
  goal: string;
  description: string;
  responsible: PrintedResponsible;
  deadline: IsoDate | null;
  status: ActionStatus;
  note: string;
}

/** Everything one monthly monitoring's report prints. */
export interface MonitoringReportData extends CaseHeading {
  date: IsoDate;
  agreementDate: IsoDate | null;
  reviews: ReviewedAction[];
  changes: string;
  /** The plan revision this monitoring made, with its reason; null when the plan stayed as it was. */
  planRevision: { revision: number; reason: string } | null;
}

function reviewsTable(data: MonitoringReportData, texts: DocumentTexts): Block {
  const rows = data.reviews.map((review, index) => [
    cell(`${index + 1}.`, { align: 'center' }),
    {
      paragraphs: [
        para(review.description || '—', { align: 'left', size: 12 }),
        ...(review.goal ? [para(texts.t('monitoringReport.goal', { goal: review.goal }), { align: 'left', size: 11, italic: true })] : []),
        para(texts.t('monitoringReport.responsible', { name: responsibleText(review.responsible, texts) }), { align: 'left', size: 11 }),
      ],
    },
    deadlineStatusCell(review.deadline, actionStatusText(review.status, '', texts)),
    cell(review.note.trim() || '—'),
  ]);
  const column = (key: string) => texts.t(`monitoringReport.column.${key}`);
  return gridTable([6, 46, 22, 26], ['№', column('action'), column('when'), column('note')], rows);
}

export function monitoringReportModel(data: MonitoringReportData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const subtitle = texts.t('monitoringReport.subtitle', { caseNumber: data.caseNumber, date: shortDate(data.date) });
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('monitoringReport.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(subtitle, { align: 'center', spaceAfterPt: 12 }),
    infoTable([...caseRows(data, texts), [texts.t('monitoringReport.agreementDate'), dateOrDash(data.agreementDate)], [texts.t('monitoringReport.date'), shortDate(data.date)]]),
    heading(texts.t('monitoringReport.reviewsTitle')),
    data.reviews.length ? reviewsTable(data, texts) : para(texts.t('monitoringReport.noReviews'), { firstLine: true }),
    heading(texts.t('monitoringReport.changesTitle')),
  ];
  const changes = textParagraphs(data.changes);
  blocks.push(...(changes.length ? changes : [para('—', { firstLine: true })]));
  blocks.push(heading(texts.t('monitoringReport.planTitle')));
  blocks.push(
    para(data.planRevision ? texts.t('monitoringReport.planRevised', { revision: data.planRevision.revision, reason: data.planRevision.reason.trim() || '—' }) : texts.t('monitoringReport.planUnchanged'), { firstLine: true }),
  );
  blocks.push({ type: 'signature', blank: true, lines: [{ position: texts.t('caseWork.signCaseManager'), name: data.caseManager ? shortName(nameIn(data.caseManager, language)) : '' }] });
  return { language, title: `${texts.t('monitoringReport.title')} — ${subtitle}`, sections: [{ blocks }] };
}

/** The monthly monitoring report as DOCX bytes. */
export function monitoringReportDocx(data: MonitoringReportData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(monitoringReportModel(data, documentTexts(language, overrides)));
}
