import type { AssessmentStatus, TriangleDomain } from '../domain/assessment';
import type { IsoDate } from '../domain/dates';
import type { BiScriptText } from '../domain/names';
import type { ActionStatus } from '../domain/plan';
import { actionStatusText, caseRows, cell, deadlineStatusCell, domainText, gridTable, infoTable, nameOrDash, recordStatusText, responsibleText, serviceLine, type CaseHeading, type PrintedResponsible } from './caseParts';
import { writeDocx } from './docxWriter';
import { nameIn, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type TableCell } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface PlanDocAction {
  description: string;
  responsible: PrintedResponsible;
  deadline: IsoDate | null;
  status: ActionStatus;
  droppedReason: string;
}

export interface PlanDocGoal {
  text: string;
  domains: TriangleDomain[];
  /** The child the goal is for; null for the whole family. */
  child: BiScriptText | null;
  actions: PlanDocAction[];
}

/** Everything the family development plan prints, filled from the case and the plan's current revision. */
export interface PlanDocData extends CaseHeading {
  revision: number;
  status: AssessmentStatus;
  /** The day this revision was last saved. */
  date: IsoDate;
  goals: PlanDocGoal[];
  /** Family members who took part in writing it; adults sign it. */
  participants: { fullName: BiScriptText; signs: boolean }[];
  approval: { by: BiScriptText | null; date: IsoDate; note: string } | null;
}

function goalRow(goal: PlanDocGoal, index: number, texts: DocumentTexts): TableCell[] {
  const domains = goal.domains.map((domain) => domainText(domain, texts)).join(', ');
  const who = goal.child ? texts.t('plan.forChild', { name: nameIn(goal.child, texts.language) }) : texts.t('plan.forFamily');
  return [
    {
      span: 4,
      paragraphs: [
        para(texts.t('plan.goal', { n: index + 1, text: goal.text }), { align: 'left', bold: true, size: 12 }),
        para(domains ? texts.t('plan.goalDomains', { domains, who }) : who, { align: 'left', size: 12 }),
      ],
    },
  ];
}

function actionsTable(data: PlanDocData, texts: DocumentTexts): Block {
  const rows: TableCell[][] = [];
  data.goals.forEach((goal, goalIndex) => {
    rows.push(goalRow(goal, goalIndex, texts));
    goal.actions.forEach((action, actionIndex) => {
      rows.push([
        cell(`${goalIndex + 1}.${actionIndex + 1}.`, { align: 'center' }),
        cell(action.description),
        cell(responsibleText(action.responsible, texts)),
        deadlineStatusCell(action.deadline, actionStatusText(action.status, action.droppedReason, texts)),
      ]);
    });
  });
  return gridTable([7, 38, 31, 24], ['№', texts.t('plan.column.action'), texts.t('plan.column.responsible'), texts.t('plan.column.when')], rows);
}

export function planModel(data: PlanDocData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const participants = data.participants.map((p) => nameIn(p.fullName, language)).join(', ');
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('plan.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(texts.t('plan.subtitle', { caseNumber: data.caseNumber, revision: data.revision }), { align: 'center', spaceAfterPt: 12 }),
    infoTable([
      ...caseRows(data, texts),
      [texts.t('plan.participants'), participants || '—'],
      [texts.t('plan.date'), shortDate(data.date)],
      [texts.t('plan.status'), recordStatusText(data.status, texts)],
    ]),
    heading(texts.t('plan.goalsTitle')),
  ];
  blocks.push(data.goals.length ? actionsTable(data, texts) : para(texts.t('plan.noGoals'), { firstLine: true }));
  if (data.approval) {
    blocks.push(para(texts.t('plan.approved', { name: nameOrDash(data.approval.by, texts), date: shortDate(data.approval.date) }), { firstLine: true, spaceBeforePt: 12 }));
    if (data.approval.note.trim()) blocks.push(para(texts.t('plan.approvalNote', { note: data.approval.note.trim() }), { firstLine: true }));
  } else blocks.push(para(texts.t('plan.notApproved'), { firstLine: true, spaceBeforePt: 12 }));
  const signers = data.participants.filter((p) => p.signs);
  blocks.push(heading(texts.t('plan.signatures')));
  if (signers.length) blocks.push(para(texts.t('plan.familyAgrees'), { firstLine: true }));
  blocks.push({
    type: 'signature',
    blank: true,
    lines: [
      { position: texts.t('caseWork.signCaseManager'), name: data.caseManager ? shortName(nameIn(data.caseManager, language)) : '' },
      { position: texts.t('caseWork.signSupervisor'), name: data.approval?.by ? shortName(nameIn(data.approval.by, language)) : '' },
      ...signers.map((p) => ({ position: texts.t('caseWork.signFamily'), name: shortName(nameIn(p.fullName, language)) })),
    ],
  });
  return { language, title: `${texts.t('plan.title')} — ${texts.t('plan.subtitle', { caseNumber: data.caseNumber, revision: data.revision })}`, sections: [{ blocks }] };
}

/** The family development plan as DOCX bytes, in `language`, with the office's wording where it has its own. */
export function familyPlanDocx(data: PlanDocData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(planModel(data, documentTexts(language, overrides)));
}
