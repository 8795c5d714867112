import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import { cell, dateOrDash, gridTable, nameOrDash, serviceLine, textParagraphs, type PrintedSpecialist } from './caseParts';
import { writeDocx } from './docxWriter';
import { labelIn, nameIn, quotedDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel } from './model';
import { heading, point } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

/** Everything the minutes of an interagency team's case conference print. */
export interface ConferenceMinutesData {
  service: TriLingualText;
  number: string;
  date: IsoDate;
  place: string;
  mahalla: TriLingualText | null;
  attendees: PrintedSpecialist[];
  cases: { caseNumber: string; head: BiScriptText | null }[];
  decisions: string;
  /** Who does what by when: `who` is already a name (a specialist's, in both scripts) or the text typed. */
  nextSteps: { who: BiScriptText | string; what: string; by: IsoDate | null }[];
  chair: BiScriptText | null;
  secretary: BiScriptText | null;
}

function whoText(who: BiScriptText | string, texts: DocumentTexts): string {
  return typeof who === 'string' ? who.trim() || '—' : nameOrDash(who, texts);
}

function attendeesTable(data: ConferenceMinutesData, texts: DocumentTexts): Block {
  const language = texts.language;
  const rows = data.attendees.map((person, index) => [
    cell(`${index + 1}.`, { align: 'center' }),
    cell(nameIn(person.fullName, language)),
    cell([person.position ? labelIn(person.position, language) : '', person.agency ? labelIn(person.agency, language) : ''].filter((part) => part.trim()).join(', ') || '—'),
  ]);
  return gridTable([8, 40, 52], ['№', texts.t('conferenceMinutes.column.name'), texts.t('conferenceMinutes.column.position')], rows);
}

function stepsTable(data: ConferenceMinutesData, texts: DocumentTexts): Block {
  const rows = data.nextSteps.map((step, index) => [cell(`${index + 1}.`, { align: 'center' }), cell(step.what.trim() || '—'), cell(whoText(step.who, texts)), cell(dateOrDash(step.by), { align: 'center' })]);
  return gridTable([8, 50, 27, 15], ['№', texts.t('conferenceMinutes.column.what'), texts.t('conferenceMinutes.column.who'), texts.t('conferenceMinutes.column.by')], rows);
}

export function conferenceMinutesModel(data: ConferenceMinutesData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const blocks: Block[] = [
    serviceLine(data.service, texts),
    heading(texts.t('conferenceMinutes.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(texts.t('conferenceMinutes.number', { number: data.number }), { align: 'center', spaceAfterPt: data.mahalla ? 0 : 12 }),
    ...(data.mahalla ? [para(texts.t('conferenceMinutes.team', { mahalla: labelIn(data.mahalla, language) }), { align: 'center', spaceAfterPt: 12 })] : []),
    {
      type: 'table',
      widths: [50, 50],
      header: false,
      borders: false,
      rows: [[{ paragraphs: [para(data.place, { align: 'left' })] }, { paragraphs: [para(quotedDate(data.date, texts), { align: 'right' })] }]],
    },
    heading(texts.t('conferenceMinutes.attendeesTitle'), { align: 'left' }),
    data.attendees.length ? attendeesTable(data, texts) : para('—', { firstLine: true }),
    heading(texts.t('conferenceMinutes.casesTitle'), { align: 'left' }),
    ...(data.cases.length
      ? data.cases.map((kase, index) => point(`${index + 1}.`, texts.t('conferenceMinutes.caseLine', { caseNumber: kase.caseNumber, head: nameOrDash(kase.head, texts) })))
      : [para('—', { firstLine: true })]),
    heading(texts.t('conferenceMinutes.decisionsTitle'), { align: 'left' }),
  ];
  const decisions = textParagraphs(data.decisions);
  blocks.push(...(decisions.length ? decisions : [para('—', { firstLine: true })]));
  blocks.push(heading(texts.t('conferenceMinutes.stepsTitle'), { align: 'left' }));
  blocks.push(data.nextSteps.length ? stepsTable(data, texts) : para('—', { firstLine: true }));
  blocks.push({
    type: 'signature',
    blank: true,
    lines: [
      { position: texts.t('conferenceMinutes.chair'), name: data.chair ? shortName(nameIn(data.chair, language)) : '' },
      { position: texts.t('conferenceMinutes.secretary'), name: data.secretary ? shortName(nameIn(data.secretary, language)) : '' },
    ],
  });
  return { language, title: `${texts.t('conferenceMinutes.title')} ${texts.t('conferenceMinutes.number', { number: data.number })}`, sections: [{ blocks }] };
}

/** The case conference minutes as DOCX bytes. */
export function conferenceMinutesDocx(data: ConferenceMinutesData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(conferenceMinutesModel(data, documentTexts(language, overrides)));
}
