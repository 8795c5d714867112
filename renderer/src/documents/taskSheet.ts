import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import type { ActionStatus } from '../domain/plan';
import { actionStatusText, cell, deadlineStatusCell, gridTable, nameOrDash, serviceLine, specialistLine, type PrintedSpecialist } from './caseParts';
import { writeDocx } from './docxWriter';
import { labelIn, nameIn, phoneText, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type TableCell } from './model';
import { heading } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface TaskSheetAction {
  caseNumber: string;
  head: BiScriptText | null;
  mahalla: TriLingualText | null;
  /** Whom to tell when it is done. */
  caseManager: { fullName: BiScriptText; phone: string | null } | null;
  goal: string;
  description: string;
  /** Null when the plan's draft has no valid deadline yet. */
  deadline: IsoDate | null;
  status: ActionStatus;
}

/**
 * A team member's open actions across the cases, by deadline: printed for the members who never
 * open the app (the police inspector, the doctor, the school psychologist), with a column to mark
 * what was done and whom to tell.
 */
export interface TaskSheetData {
  service: TriLingualText;
  specialist: PrintedSpecialist;
  /** The day the sheet is printed for: deadlines before it are marked overdue. */
  date: IsoDate;
  actions: TaskSheetAction[];
}

function caseCell(action: TaskSheetAction, texts: DocumentTexts): TableCell {
  const language = texts.language;
  const lines = [
    para(action.caseNumber, { align: 'left', bold: true, size: 12 }),
    para(nameOrDash(action.head, texts), { align: 'left', size: 12 }),
    ...(action.mahalla ? [para(texts.t('caseWork.mahalla', { name: labelIn(action.mahalla, language) }), { align: 'left', size: 12 })] : []),
    ...(action.caseManager
      ? [
          para(
            action.caseManager.phone
              ? texts.t('taskSheet.caseManager', { name: shortName(nameIn(action.caseManager.fullName, language)), phone: phoneText(action.caseManager.phone) })
              : texts.t('taskSheet.caseManagerNoPhone', { name: shortName(nameIn(action.caseManager.fullName, language)) }),
            { align: 'left', size: 11 },
          ),
        ]
      : []),
  ];
  return { paragraphs: lines };
}

function actionsTable(data: TaskSheetData, texts: DocumentTexts): Block {
  const rows = data.actions.map((action, index) => {
    const overdue = action.deadline !== null && action.deadline < data.date;
    return [
      cell(`${index + 1}.`, { align: 'center' }),
      caseCell(action, texts),
      {
        paragraphs: [
          para(action.description, { align: 'left', size: 12 }),
          ...(action.goal ? [para(texts.t('taskSheet.goal', { goal: action.goal }), { align: 'left', size: 11 })] : []),
        ],
      },
      deadlineStatusCell(action.deadline, overdue ? texts.t('caseWork.overdue') : actionStatusText(action.status, '', texts), { overdue }),
      cell(''),
    ];
  });
  const column = (key: string) => texts.t(`taskSheet.column.${key}`);
  return gridTable([6, 26, 32, 17, 19], ['№', column('case'), column('action'), column('deadline'), column('done')], rows);
}

export function taskSheetModel(data: TaskSheetData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const name = nameIn(data.specialist.fullName, language);
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('taskSheet.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(specialistLine(data.specialist, texts), { align: 'center', spaceAfterPt: 0 }),
    para(texts.t('taskSheet.asOf', { date: shortDate(data.date) }), { align: 'center', spaceAfterPt: 12 }),
    para(texts.t('taskSheet.intro'), { firstLine: true, spaceAfterPt: 6 }),
  ];
  blocks.push(data.actions.length ? actionsTable(data, texts) : para(texts.t('taskSheet.none'), { firstLine: true }));
  blocks.push(para(texts.t('taskSheet.confidential'), { firstLine: true, size: 12, spaceBeforePt: 12 }));
  blocks.push({ type: 'signature', blank: true, lines: [{ position: texts.t('taskSheet.received'), name: shortName(name) }] });
  return { language, title: `${texts.t('taskSheet.title')} — ${name} — ${shortDate(data.date)}`, sections: [{ blocks }] };
}

/** A team member's task sheet as DOCX bytes. */
export function taskSheetDocx(data: TaskSheetData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(taskSheetModel(data, documentTexts(language, overrides)));
}
