import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import type { Relation, Sex } from '../domain/person';
import { writeDocx } from './docxWriter';
import { labelIn, longDate, nameIn, phoneText, quotedDate, shortDate, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type TableCell } from './model';
import { body, heading, numberedLines } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

export interface AgreementMember {
  surname: BiScriptText;
  firstName: BiScriptText;
  patronymic: BiScriptText | null;
  relation: Relation;
  sex: Sex;
  birthDate: IsoDate;
  /** Adults who sign for the family. */
  signs: boolean;
  pinfl: string | null;
  document: string | null;
}

/** Everything the family–service agreement prints, filled from the case. */
export interface AgreementData {
  number: string;
  date: IsoDate;
  place: string;
  caseNumber: string;
  service: TriLingualText;
  head: BiScriptText;
  caseManager: { fullName: BiScriptText; phone: string | null };
  address: { region: TriLingualText; district: TriLingualText; mahalla: TriLingualText | null; street: string; house: string; apartment: string };
  members: AgreementMember[];
  /** How long the agreement runs, and how often the plan is reviewed. */
  months: number;
  reviewMonths: number;
}

const CHAPTERS = ['subject', 'serviceDuties', 'serviceRights', 'familyDuties', 'familyRights', 'confidentiality', 'duration', 'termination', 'disputes', 'final'] as const;

function personName(member: AgreementMember, language: DocLanguage): string {
  return [member.surname, member.firstName, member.patronymic].filter((part): part is BiScriptText => !!part).map((part) => nameIn(part, language)).join(' ');
}

function addressLine(data: AgreementData, texts: DocumentTexts): string {
  const language = texts.language;
  const { address } = data;
  const parts = [labelIn(address.region, language), labelIn(address.district, language), address.mahalla ? texts.t('agreement.mahalla', { name: labelIn(address.mahalla, language) }) : '', address.street, address.house ? texts.t('agreement.house', { house: address.house }) : '', address.apartment ? texts.t('agreement.apartment', { apartment: address.apartment }) : ''];
  return parts.filter((part) => part.trim()).join(', ');
}

function membersTable(data: AgreementData, texts: DocumentTexts): Block {
  const language = texts.language;
  const header = ['№', texts.t('agreement.members.name'), texts.t('agreement.members.relation'), texts.t('agreement.members.birthDate')];
  const rows: TableCell[][] = [header.map((text) => ({ paragraphs: [para(text, { align: 'center' })] }))];
  data.members.forEach((member, index) => {
    rows.push(
      [String(index + 1), personName(member, language), texts.t(`agreement.relation.${member.relation}.${member.sex}`), shortDate(member.birthDate)].map((text, column) => ({
        paragraphs: [para(text, { align: column === 1 || column === 2 ? 'left' : 'center' })],
      })),
    );
  });
  return { type: 'table', widths: [8, 50, 22, 20], header: true, borders: true, rows };
}

export function agreementModel(data: AgreementData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const signers = data.members.filter((member) => member.signs);
  const family = signers.map((member) => personName(member, language)).join(', ');
  const vars = {
    months: data.months,
    review: data.reviewMonths,
    caseManager: nameIn(data.caseManager.fullName, language),
    phone: data.caseManager.phone ? phoneText(data.caseManager.phone) : '—',
    caseNumber: data.caseNumber,
  };
  const blocks: Block[] = [
    heading(texts.t('agreement.title'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    heading(texts.t('agreement.kind'), { spaceBeforePt: 0, spaceAfterPt: 0 }),
    para(texts.t('agreement.number', { number: data.number }), { align: 'center', spaceAfterPt: 12 }),
    {
      type: 'table',
      widths: [50, 50],
      header: false,
      borders: false,
      rows: [[{ paragraphs: [para(data.place, { align: 'left' })] }, { paragraphs: [para(quotedDate(data.date, texts), { align: 'right' })] }]],
    },
    body(texts.t('agreement.parties', { service: labelIn(data.service, language), head: nameIn(data.head, language), family, address: addressLine(data, texts) })),
  ];
  CHAPTERS.forEach((chapter, index) => {
    blocks.push(heading(`${index + 1}. ${texts.t(`agreement.${chapter}.title`)}`));
    blocks.push(...numberedLines(texts, `agreement.${chapter}.points`, (k) => `${index + 1}.${k}.`, 1, vars));
  });
  blocks.push(heading(texts.t('agreement.members.title')), membersTable(data, texts));
  blocks.push(heading(texts.t('agreement.signatures')));
  blocks.push({
    type: 'signature',
    blank: true,
    lines: [
      { position: texts.t('agreement.signService', { service: labelIn(data.service, language) }), name: shortName(nameIn(data.head, language)) },
      { position: texts.t('agreement.signCaseManager'), name: shortName(nameIn(data.caseManager.fullName, language)) },
      ...signers.map((member) => ({ position: texts.t('agreement.signFamily'), name: shortName(personName(member, language)) })),
    ],
  });
  return { language, title: `${texts.t('agreement.title')} ${texts.t('agreement.kind')} № ${data.number} — ${longDate(data.date, texts)}`, sections: [{ blocks }] };
}

export function familyAgreementDocx(data: AgreementData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(agreementModel(data, documentTexts(language, overrides)));
}
