import { TRIANGLE, type Rating, type TriangleDomain, type TriangleSide } from '../domain/assessment';
import type { GoalResult } from '../domain/closure';
import type { IsoDate } from '../domain/dates';
import type { BiScriptText } from '../domain/names';
import type { ClosureOutcome } from '../domain/stages';
import { caseRows, cell, dateOrDash, domainText, gridTable, infoTable, meanText, ratingText, serviceLine, textParagraphs, type CaseHeading } from './caseParts';
import { writeDocx } from './docxWriter';
import { nameIn, quotedDate, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type TableCell } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface FinalTriangleChild {
  fullName: BiScriptText;
  ratings: Partial<Record<TriangleDomain, Rating>>;
}

/** Everything the closure act prints: the case, its agreement, why and when it closed, how each goal ended, where the family stands. */
export interface ClosureActData extends CaseHeading {
  number: string;
  date: IsoDate;
  place: string;
  agreement: { number: string; signedDate: IsoDate; endedDate: IsoDate | null } | null;
  closure: { date: IsoDate; outcome: ClosureOutcome; reason: string };
  goals: { text: string; result: GoalResult; note: string }[];
  finalTriangle: { version: number; date: IsoDate; children: FinalTriangleChild[] } | null;
  /** Who closed the case (the supervisor's decision); null when not known. */
  closedBy: BiScriptText | null;
  /** Family members who sign for the family. */
  familySigners: BiScriptText[];
}

/** Children per snapshot table: four rating columns still fit the text width. */
const CHILDREN_PER_TABLE = 4;

function goalsTable(data: ClosureActData, texts: DocumentTexts): Block {
  const rows = data.goals.map((goal, index) => [cell(`${index + 1}.`, { align: 'center' }), cell(goal.text || '—'), cell(texts.t(`caseWork.goalResult.${goal.result}`)), cell(goal.note.trim() || '—')]);
  return gridTable([7, 45, 20, 28], ['№', texts.t('closureAct.column.goal'), texts.t('closureAct.column.result'), texts.t('closureAct.column.note')], rows);
}

function mean(values: (Rating | undefined)[]): number | null {
  const rated = values.filter((value): value is Rating => value !== undefined);
  return rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10 : null;
}

function snapshotTable(children: FinalTriangleChild[], texts: DocumentTexts): Block {
  const columns = children.length + 1;
  const childWidth = Math.floor(55 / Math.max(children.length, 1));
  const rows: TableCell[][] = [];
  for (const side of Object.keys(TRIANGLE) as TriangleSide[]) {
    rows.push([cell(texts.t(`caseWork.side.${side}`), { bold: true, span: columns })]);
    for (const domain of TRIANGLE[side] as readonly TriangleDomain[]) rows.push([cell(domainText(domain, texts)), ...children.map((child) => cell(ratingText(child.ratings[domain] ?? null), { align: 'center' }))]);
    rows.push([
      cell(texts.t('closureAct.mean'), { bold: true, align: 'right' }),
      ...children.map((child) => cell(meanText(mean((TRIANGLE[side] as readonly TriangleDomain[]).map((domain) => child.ratings[domain]))), { bold: true, align: 'center' })),
    ]);
  }
  return gridTable([100 - childWidth * children.length, ...children.map(() => childWidth)], [texts.t('closureAct.column.domain'), ...children.map((child) => nameIn(child.fullName, texts.language))], rows);
}

export function closureActModel(data: ClosureActData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const agreement = data.agreement
    ? texts.t('closureAct.agreementLine', { number: data.agreement.number || '—', from: shortDate(data.agreement.signedDate), to: dateOrDash(data.agreement.endedDate ?? data.closure.date) })
    : texts.t('closureAct.noAgreement');
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('closureAct.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(texts.t('closureAct.number', { number: data.number }), { align: 'center', spaceAfterPt: 12 }),
    {
      type: 'table',
      widths: [50, 50],
      header: false,
      borders: false,
      rows: [[{ paragraphs: [para(data.place, { align: 'left' })] }, { paragraphs: [para(quotedDate(data.date, texts), { align: 'right' })] }]],
    },
    para(texts.t('closureAct.preamble', { caseNumber: data.caseNumber, date: shortDate(data.closure.date) }), { firstLine: true, spaceBeforePt: 12, spaceAfterPt: 6 }),
    infoTable([
      ...caseRows(data, texts),
      [texts.t('closureAct.agreement'), agreement],
      [texts.t('closureAct.closureDate'), shortDate(data.closure.date)],
      [texts.t('closureAct.outcome'), texts.t(`caseWork.outcome.${data.closure.outcome}`)],
    ]),
    heading(texts.t('closureAct.reasonTitle')),
  ];
  const reason = textParagraphs(data.closure.reason);
  blocks.push(...(reason.length ? reason : [para('—', { firstLine: true })]));
  blocks.push(heading(texts.t('closureAct.goalsTitle')));
  blocks.push(data.goals.length ? goalsTable(data, texts) : para(texts.t('closureAct.noGoals'), { firstLine: true }));
  blocks.push(heading(texts.t('closureAct.triangleTitle')));
  if (data.finalTriangle && data.finalTriangle.children.length) {
    blocks.push(para(texts.t('closureAct.triangleOf', { version: data.finalTriangle.version, date: shortDate(data.finalTriangle.date) }), { firstLine: true, spaceAfterPt: 6 }));
    for (let start = 0; start < data.finalTriangle.children.length; start += CHILDREN_PER_TABLE) blocks.push(snapshotTable(data.finalTriangle.children.slice(start, start + CHILDREN_PER_TABLE), texts));
    blocks.push(para(texts.t('caseWork.ratingScale'), { size: 12, spaceBeforePt: 6 }));
  } else blocks.push(para(texts.t('closureAct.noTriangle'), { firstLine: true }));
  blocks.push(heading(texts.t('closureAct.signatures')));
  blocks.push({
    type: 'signature',
    blank: true,
    lines: [
      { position: texts.t('caseWork.signCaseManager'), name: data.caseManager ? shortName(nameIn(data.caseManager, language)) : '' },
      { position: texts.t('caseWork.signSupervisor'), name: data.closedBy ? shortName(nameIn(data.closedBy, language)) : '' },
      ...data.familySigners.map((name) => ({ position: texts.t('caseWork.signFamily'), name: shortName(nameIn(name, language)) })),
    ],
  });
  return { language, title: `${texts.t('closureAct.title')} ${texts.t('closureAct.number', { number: data.number })} — ${data.caseNumber}`, sections: [{ blocks }] };
}

/** The closure act as DOCX bytes. */
export function closureActDocx(data: ClosureActData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(closureActModel(data, documentTexts(language, overrides)));
}
