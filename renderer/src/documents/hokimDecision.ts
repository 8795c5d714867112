import type { IsoDate } from '../domain/dates';
import type { BiScriptText, TriLingualText } from '../domain/names';
import { TEAM_ROLES, WORKING_GROUP_ROLES, type TeamRole, type WorkingGroupRole } from '../domain/directory';
import { writeDocx } from './docxWriter';
import { labelIn, longDate, nameIn, quotedDate, ruGenitive, shortName } from './format';
import { para, type Block, type DocLanguage, type DocModel, type Table, type TableCell } from './model';
import { appendixStamp, body, dateNumberPlace, heading, numberedLines, point, spanRow } from './parts';
import { documentTexts, type DocumentTexts, type TextOverrides } from './texts';

/** A person as the composition prints them: name, position, agency. */
export interface DecisionPerson {
  fullName: BiScriptText;
  position: TriLingualText;
  agency: TriLingualText | null;
}

export interface DecisionTeam {
  mahalla: TriLingualText;
  members: (DecisionPerson & { role: TeamRole })[];
  /** The case manager who coordinates the team. */
  coordinator: DecisionPerson | null;
}

/** Everything the district hokim's decision "On organizing interagency cooperation" prints. */
export interface DecisionData {
  region: TriLingualText;
  district: TriLingualText;
  /** The issuer line as the user corrected it; empty for the standard one. */
  issuer: string;
  number: string;
  date: IsoDate;
  place: string;
  hokim: BiScriptText;
  deputyHokim: BiScriptText;
  /** The legal acts the preamble cites, as typed in the form; empty for the standard citation. */
  citations: string;
  /** Points the user added, printed before the control clause. */
  extraPoints: string[];
  workingGroup: (DecisionPerson & { role: WorkingGroupRole })[];
  teams: DecisionTeam[];
}

function issuerLine(data: DecisionData, texts: DocumentTexts): string {
  if (data.issuer.trim()) return data.issuer.trim();
  const language = texts.language;
  const region = labelIn(data.region, language);
  const district = labelIn(data.district, language);
  // A city of republican subordination (Tashkent) has no region above it in the line.
  const regionPart = data.region.uzLatn.endsWith('shahri') ? '' : region;
  const line = language === 'ru' ? texts.t('decision.issuer', { district: ruGenitive(district), region: regionPart ? ruGenitive(regionPart) : '' }) : texts.t('decision.issuer', { district, region: regionPart });
  return line.replace(/\s+/gu, ' ').trim().toLocaleUpperCase(language === 'uz-Latn' ? 'uz' : language);
}

function personCells(person: DecisionPerson, language: DocLanguage): TableCell[] {
  const position = [labelIn(person.position, language), person.agency ? labelIn(person.agency, language) : ''].filter(Boolean).join(', ');
  return [{ paragraphs: [para(nameIn(person.fullName, language), { align: 'left' })] }, { paragraphs: [para(position, { align: 'left' })] }];
}

function workingGroupTable(data: DecisionData, texts: DocumentTexts): Table {
  const language = texts.language;
  const rows: TableCell[][] = [];
  for (const role of WORKING_GROUP_ROLES) {
    const members = data.workingGroup.filter((member) => member.role === role);
    if (members.length === 0) continue;
    rows.push(spanRow(texts.t(`composition.workingGroupRole.${role}`), 2));
    // Members are listed by agency, as the composition of an interagency body is read.
    const ordered = role === 'member' ? [...members].sort((a, b) => (a.agency ? labelIn(a.agency, language) : '').localeCompare(b.agency ? labelIn(b.agency, language) : '', 'uz')) : members;
    for (const member of ordered) rows.push(personCells(member, language));
  }
  return { type: 'table', widths: [40, 60], header: false, borders: false, rows };
}

function teamTable(team: DecisionTeam, texts: DocumentTexts): Table {
  const language = texts.language;
  const rows: TableCell[][] = [[texts.t('composition.column.name'), texts.t('composition.column.position'), texts.t('composition.column.role')].map((text) => ({ paragraphs: [para(text, { align: 'center' })] }))];
  const ordered = [...team.members].sort((a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role));
  for (const member of ordered) rows.push([...personCells(member, language), { paragraphs: [para(texts.t(`composition.teamRole.${member.role}`), { align: 'left' })] }]);
  if (team.coordinator) rows.push([...personCells(team.coordinator, language), { paragraphs: [para(texts.t('composition.teamRole.coordinator'), { align: 'left' })] }]);
  return { type: 'table', widths: [35, 40, 25], header: true, borders: true, rows };
}

/** The decision, its Regulation (appendix 1) and the composition of the working group and the teams (appendix 2). */
export function decisionModel(data: DecisionData, texts: DocumentTexts): DocModel {
  const language = texts.language;
  const [year, month, day] = data.date.split('-').map(Number) as [number, number, number];
  const monthName = texts.lines('format.months')[month - 1] ?? String(month);
  const stamp = (n: number) => appendixStamp(texts.t('decision.appendixStamp', { year, month: monthName, day, number: data.number, n }));

  let n = 0;
  const next = () => `${++n}.`;
  const decision: Block[] = [
    para(issuerLine(data, texts), { align: 'center', bold: true }),
    { type: 'paragraph', runs: [{ text: texts.t('decision.kind'), bold: true, spaced: true }], align: 'center', spaceBeforePt: 6, spaceAfterPt: 12 },
    dateNumberPlace(quotedDate(data.date, texts), texts.t('decision.number', { number: data.number }), data.place),
    heading(texts.t('decision.title'), { spaceBeforePt: 18, spaceAfterPt: 12 }),
    body(texts.t('decision.preamble', { citations: data.citations.trim() || texts.t('decision.citations') })),
    para(texts.t('decision.formula'), { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 12, keepWithNext: true }),
    point(next(), texts.t('decision.points.establish')),
    point(next(), texts.t('decision.points.approve')),
    point(next(), texts.t('decision.points.teamDuties')),
    ...texts.lines('decision.teamDuties').map((line) => para(line, { label: '–', indentMm: 10 })),
    point(next(), texts.t('decision.points.agencies')),
    ...texts.lines('decision.agencyTasks').map((line) => para(line, { label: '–', indentMm: 10 })),
    point(next(), texts.t('decision.points.membershipChange')),
    ...data.extraPoints.filter((text) => text.trim()).map((text) => point(next(), text.trim())),
    point(next(), texts.t('decision.points.control', { deputy: nameIn(data.deputyHokim, language) })),
    { type: 'signature', lines: [{ position: texts.t('decision.signature'), name: shortName(nameIn(data.hokim, language)) }] },
  ];

  let regulationPoint = 0;
  const regulation: Block[] = [stamp(1), heading(texts.t('regulation.title'), { spaceBeforePt: 6, spaceAfterPt: 0 }), heading(texts.t('regulation.kind'), { spaceBeforePt: 0 })];
  for (const chapter of ['general', 'principles', 'functions', 'meetings', 'stages', 'information'] as const) {
    regulation.push(heading(texts.t(`regulation.${chapter}.title`)));
    const points = numberedLines(texts, `regulation.${chapter}.points`, (k) => `${k}.`, regulationPoint + 1);
    regulationPoint += points.length;
    regulation.push(...points);
  }

  const composition: Block[] = [stamp(2), heading(texts.t('composition.title'), { spaceBeforePt: 6, spaceAfterPt: 0 }), heading(texts.t('composition.kind'), { spaceBeforePt: 0 })];
  composition.push(heading(texts.t('composition.workingGroup')), workingGroupTable(data, texts));
  for (const team of data.teams) {
    composition.push(heading(texts.t('composition.team', { mahalla: labelIn(team.mahalla, language) })), teamTable(team, texts));
  }

  return {
    language,
    title: `${texts.t('decision.title')} — ${longDate(data.date, texts)}`,
    sections: [{ blocks: decision }, { blocks: regulation }, { blocks: composition }],
  };
}

/** The decision as DOCX bytes, in `language`, with the office's wording where it has its own. */
export function hokimDecisionDocx(data: DecisionData, language: DocLanguage, overrides?: TextOverrides): Promise<Uint8Array> {
  return writeDocx(decisionModel(data, documentTexts(language, overrides)));
}
