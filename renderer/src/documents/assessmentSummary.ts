import { TRIANGLE, type AssessmentStatus, type Rating, type TriangleDomain, type TriangleSide } from '../domain/assessment';
import type { IsoDate } from '../domain/dates';
import type { BiScriptText } from '../domain/names';
import { caseRows, cell, domainText, gridTable, infoTable, meanText, nameOrDash, ratingText, recordStatusText, serviceLine, textParagraphs, type CaseHeading } from './caseParts';
import { writeDocx } from './docxWriter';
import { nameIn, shortDate, shortName } from './format';
import { fittedImage, para, type Block, type DocLanguage, type DocModel, type TableCell } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface SummaryChild {
  /** Whose triangle it is (the screen draws the chart by it); not printed. */
  personId: string;
  fullName: BiScriptText;
  birthDate: IsoDate | null;
  /** The 19 domains in triangle order: this version's rating and, when there is an earlier one to compare, the first's. */
  ratings: { domain: TriangleDomain; side: TriangleSide; rating: Rating | null; first: Rating | null }[];
  means: { side: TriangleSide; mean: number | null; first: number | null }[];
  views: string;
  /** The child's triangle as the screen draws it, as PNG bytes; null when it could not be drawn. */
  chart: Uint8Array | null;
}

/** Everything the assessment summary prints: one version of the in-depth assessment, against the first when there are two. */
export interface AssessmentSummaryData extends CaseHeading {
  version: number;
  date: IsoDate;
  status: AssessmentStatus;
  /** The first version, when this one is a later one. */
  first: { version: number; date: IsoDate } | null;
  children: SummaryChild[];
  conclusion: string;
  approval: { by: BiScriptText | null; date: IsoDate; note: string } | null;
}

/** The chart is set within the text width, at most half the page high: its nineteen labels stay legible. */
const CHART_MAX = { widthMm: 160, heightMm: 135 };

function ratingsTable(child: SummaryChild, data: AssessmentSummaryData, texts: DocumentTexts): Block {
  const compare = !!data.first;
  const columns = compare ? 3 : 2;
  const rows: TableCell[][] = [];
  for (const side of Object.keys(TRIANGLE) as TriangleSide[]) {
    rows.push([cell(texts.t(`caseWork.side.${side}`), { bold: true, span: columns })]);
    for (const entry of child.ratings.filter((r) => r.side === side)) {
      rows.push([cell(domainText(entry.domain, texts)), ...(compare ? [cell(ratingText(entry.first), { align: 'center' })] : []), cell(ratingText(entry.rating), { align: 'center' })]);
    }
    const mean = child.means.find((m) => m.side === side);
    rows.push([cell(texts.t('assessmentSummary.mean'), { bold: true, align: 'right' }), ...(compare ? [cell(meanText(mean?.first ?? null), { bold: true, align: 'center' })] : []), cell(meanText(mean?.mean ?? null), { bold: true, align: 'center' })]);
  }
  const versionHeader = (version: number, date: IsoDate) => texts.t('assessmentSummary.versionColumn', { version, date: shortDate(date) });
  const header = [texts.t('assessmentSummary.domain'), ...(data.first ? [versionHeader(data.first.version, data.first.date)] : []), versionHeader(data.version, data.date)];
  return gridTable(compare ? [56, 22, 22] : [70, 30], header, rows);
}

function childBlocks(child: SummaryChild, index: number, data: AssessmentSummaryData, texts: DocumentTexts): Block[] {
  const name = nameIn(child.fullName, texts.language);
  const title = child.birthDate ? texts.t('assessmentSummary.child', { n: index + 1, name, birthDate: shortDate(child.birthDate) }) : `${index + 1}. ${name}`;
  const blocks: Block[] = [heading(title, { align: 'left' }), ratingsTable(child, data, texts)];
  const picture = child.chart ? fittedImage(child.chart, CHART_MAX.widthMm, CHART_MAX.heightMm, texts.t('assessmentSummary.chartCaption', { name })) : null;
  if (picture) blocks.push(picture);
  blocks.push(para(texts.t('assessmentSummary.views'), { bold: true, align: 'left', spaceBeforePt: 6, keepWithNext: true }));
  const views = textParagraphs(child.views);
  blocks.push(...(views.length ? views : [para(texts.t('assessmentSummary.noViews'), { firstLine: true })]));
  return blocks;
}

export function assessmentSummaryModel(data: AssessmentSummaryData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const subtitle = texts.t('assessmentSummary.subtitle', { caseNumber: data.caseNumber, version: data.version, date: shortDate(data.date) });
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('assessmentSummary.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(subtitle, { align: 'center', spaceAfterPt: 12 }),
    infoTable([
      ...caseRows(data, texts),
      [texts.t('assessmentSummary.status'), recordStatusText(data.status, texts)],
      ...(data.first ? [[texts.t('assessmentSummary.comparedWith'), texts.t('assessmentSummary.versionColumn', { version: data.first.version, date: shortDate(data.first.date) })] as [string, string]] : []),
    ]),
    para(texts.t('caseWork.ratingScale'), { size: 12, spaceBeforePt: 6 }),
  ];
  data.children.forEach((child, index) => blocks.push(...childBlocks(child, index, data, texts)));
  if (data.children.length === 0) blocks.push(para(texts.t('assessmentSummary.noChildren'), { firstLine: true }));
  blocks.push(heading(texts.t('assessmentSummary.conclusion')));
  const conclusion = textParagraphs(data.conclusion);
  blocks.push(...(conclusion.length ? conclusion : [para('—', { firstLine: true })]));
  blocks.push(heading(texts.t('assessmentSummary.approvalTitle')));
  if (data.approval) {
    blocks.push(para(texts.t('assessmentSummary.approved', { name: nameOrDash(data.approval.by, texts), date: shortDate(data.approval.date) }), { firstLine: true }));
    if (data.approval.note.trim()) blocks.push(para(texts.t('assessmentSummary.approvalNote', { note: data.approval.note.trim() }), { firstLine: true }));
  } else blocks.push(para(texts.t('assessmentSummary.notApproved'), { firstLine: true }));
  blocks.push({
    type: 'signature',
    blank: true,
    lines: [
      { position: texts.t('caseWork.signCaseManager'), name: data.caseManager ? shortName(nameIn(data.caseManager, language)) : '' },
      { position: texts.t('caseWork.signSupervisor'), name: data.approval?.by ? shortName(nameIn(data.approval.by, language)) : '' },
    ],
  });
  return { language, title: `${texts.t('assessmentSummary.title')} — ${subtitle}`, sections: [{ blocks }] };
}

/** The assessment summary as DOCX bytes, each child's triangle picture included. */
export function assessmentSummaryDocx(data: AssessmentSummaryData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(assessmentSummaryModel(data, documentTexts(language, overrides)));
}
