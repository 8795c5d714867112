import type { HamkorlikDb } from '../../db/db';
import { listAssessments } from '../../db/repositories/assessments';
import { getCaseFile } from '../../db/repositories/cases';
import { conferenceDirectory, getConference } from '../../db/repositories/conferences';
import { getWorkingGroup, listAgencies, listSpecialists, listTeams } from '../../db/repositories/directory';
import { documentBytes, registerDocument, textOverrides } from '../../db/repositories/documents';
import { listMahallas } from '../../db/repositories/mahallas';
import { listMonitorings } from '../../db/repositories/monitorings';
import { getOfficeProfile } from '../../db/repositories/office';
import { currentPlan, listPlanRevisions } from '../../db/repositories/plans';
import { taskSheetCases } from '../../db/repositories/taskSheets';
import { listUsers } from '../../db/repositories/users';
import type { CaseConference } from '../../domain/caseWork';
import type { IsoDate } from '../../domain/dates';
import { documentFileName, type DocumentKind, type DocumentRecord } from '../../domain/documentRegister';
import { DomainError } from '../../domain/errors';
import type { OfficeProfile } from '../../domain/office';
import { assessmentSummaryModel, type SummaryChild } from '../../documents/assessmentSummary';
import { closureActModel } from '../../documents/closureAct';
import { conferenceMinutesModel } from '../../documents/conferenceMinutes';
import { agreementModel } from '../../documents/familyAgreement';
import { planModel } from '../../documents/familyPlan';
import {
  assessmentSummaryData,
  closureActData,
  conferenceMinutesData,
  monitoringReportData,
  personName,
  planDocData,
  taskSheetData,
  type CaseWorkRecords,
  type ClosureActForm,
  type MinutesForm,
} from '../../documents/fromCaseWork';
import { agreementData, decisionData, type AgreementForm, type DecisionForm } from '../../documents/fromRecords';
import { decisionModel } from '../../documents/hokimDecision';
import { monitoringReportModel } from '../../documents/monitoringReport';
import { taskSheetModel } from '../../documents/taskSheet';
import { writeDocx } from '../../documents/docxWriter';
import type { DocLanguage, DocModel } from '../../documents/model';
import { documentTexts, type DocumentTexts } from '../../documents/texts';
import type { HostApi, HostResult, SavedFile } from '../../host/hostApi';

/**
 * Between the forms and the documents kit: read what a document prints from the database, build
 * its model (the preview shows it), pack it, enter it in the register and save it where the user picks.
 */

async function office(db: HamkorlikDb): Promise<OfficeProfile> {
  const profile = await getOfficeProfile(db);
  if (!profile) throw new DomainError('notFound', 'office');
  return profile;
}

export async function decisionPreview(db: HamkorlikDb, form: DecisionForm, language: DocLanguage): Promise<DocModel> {
  const [profile, agencies, specialists, teams, workingGroup, mahallas, users, overrides] = await Promise.all([
    office(db),
    listAgencies(db),
    listSpecialists(db),
    listTeams(db),
    getWorkingGroup(db),
    listMahallas(db),
    listUsers(db),
    textOverrides(db),
  ]);
  return decisionModel(decisionData(profile, { agencies, specialists, teams, workingGroup, mahallas, users }, form), documentTexts(language, overrides));
}

export async function agreementPreview(db: HamkorlikDb, caseId: string, form: AgreementForm, language: DocLanguage): Promise<DocModel> {
  const [profile, file, mahallas, users, overrides] = await Promise.all([office(db), getCaseFile(db, caseId), listMahallas(db), listUsers(db), textOverrides(db)]);
  if (!file) throw new DomainError('notFound', caseId);
  const records = {
    kase: file.kase,
    members: file.members,
    mahalla: mahallas.find((mahalla) => mahalla.id === file.kase.address.mahallaId),
    caseManager: users.find((user) => user.id === file.kase.caseManagerId),
  };
  return agreementModel(agreementData(profile, records, form), documentTexts(language, overrides));
}

/** Everything a case document names: the office, the case file, the directory and the users. */
async function caseWorkRecords(db: HamkorlikDb, caseId: string): Promise<CaseWorkRecords> {
  const [profile, file, mahallas, users, specialists, agencies] = await Promise.all([office(db), getCaseFile(db, caseId), listMahallas(db), listUsers(db), listSpecialists(db), listAgencies(db)]);
  if (!file) throw new DomainError('notFound', caseId);
  return { office: profile, kase: file.kase, members: file.members, mahalla: mahallas.find((m) => m.id === file.kase.address.mahallaId), users, specialists, agencies, history: file.history };
}

async function textsFor(db: HamkorlikDb, language: DocLanguage): Promise<DocumentTexts> {
  return documentTexts(language, await textOverrides(db));
}

/** The case's family development plan as it stands (its latest revision). */
export async function planPreview(db: HamkorlikDb, caseId: string, language: DocLanguage, today: IsoDate): Promise<DocModel> {
  const [records, plan, texts] = await Promise.all([caseWorkRecords(db, caseId), currentPlan(db, caseId), textsFor(db, language)]);
  if (!plan) throw new DomainError('notFound', 'plan');
  return planModel(planDocData(records, plan, today), texts);
}

/**
 * Draws a child's triangle for the summary, in the document's language: the chart the screen shows,
 * as PNG bytes, or null to print the summary without it.
 */
export type DrawTriangle = (child: SummaryChild, labels: { domains: string[]; first: string | null; current: string }) => Promise<Uint8Array | null>;

/** One version of the in-depth assessment (the latest when none is named), each child's triangle drawn by `draw`. */
export async function assessmentSummaryPreview(db: HamkorlikDb, caseId: string, assessmentId: string | undefined, language: DocLanguage, draw: DrawTriangle): Promise<DocModel> {
  const [records, assessments, texts] = await Promise.all([caseWorkRecords(db, caseId), listAssessments(db, caseId), textsFor(db, language)]);
  const chosen = assessmentId ?? [...assessments].sort((a, b) => a.version - b.version).at(-1)?.id;
  if (!chosen || !assessments.some((a) => a.id === chosen)) throw new DomainError('notFound', 'assessment');
  const data = assessmentSummaryData(records, assessments, chosen);
  const domains = data.children[0]?.ratings.map((entry) => texts.t(`caseWork.domain.${entry.domain}`)) ?? [];
  const labels = {
    domains,
    first: data.first ? texts.t('assessmentSummary.chartFirst', { version: data.first.version }) : null,
    current: texts.t('assessmentSummary.chartLatest', { version: data.version }),
  };
  const children = await Promise.all(data.children.map(async (child) => ({ ...child, chart: await draw(child, labels) })));
  return assessmentSummaryModel({ ...data, children }, texts);
}

/** One monthly monitoring (the latest when none is named). */
export async function monitoringReportPreview(db: HamkorlikDb, caseId: string, monitoringId: string | undefined, language: DocLanguage): Promise<DocModel> {
  const [records, monitorings, revisions, texts] = await Promise.all([caseWorkRecords(db, caseId), listMonitorings(db, caseId), listPlanRevisions(db, caseId), textsFor(db, language)]);
  const monitoring = monitoringId ? monitorings.find((m) => m.id === monitoringId) : monitorings.at(-1);
  if (!monitoring) throw new DomainError('notFound', 'monitoring');
  // Every revision of the plan, read after getCaseFile checked the right to read the case: a reviewed action may be gone from the latest.
  const plans = await db.plans.where('caseId').equals(caseId).filter((plan) => plan.deletedAt === null).toArray();
  return monitoringReportModel(monitoringReportData(records, monitoring, plans, revisions), texts);
}

/** The act of a closed case. */
export async function closureActPreview(db: HamkorlikDb, caseId: string, form: ClosureActForm, language: DocLanguage): Promise<DocModel> {
  const [records, texts] = await Promise.all([caseWorkRecords(db, caseId), textsFor(db, language)]);
  if (!records.kase.closure || records.kase.stage !== 'closed') throw new DomainError('stageRefused', 'notClosed');
  return closureActModel(closureActData(records, form), texts);
}

/**
 * The conference to print minutes of: only one whose every case the user reads (minutes that left
 * out the cases someone may not see would misstate the meeting).
 */
export async function conferenceForMinutes(db: HamkorlikDb, conferenceId: string): Promise<CaseConference> {
  const view = await getConference(db, conferenceId);
  if (view.otherCases > 0) throw new DomainError('forbidden', 'read conferences');
  return view.conference;
}

/** The minutes of a case conference; each case it discussed must be one the user reads. */
export async function conferenceMinutesPreview(db: HamkorlikDb, conference: CaseConference, form: MinutesForm, language: DocLanguage): Promise<DocModel> {
  // Every specialist and mahalla ever named: a conference keeps the names of those since removed.
  const [profile, { specialists, agencies, mahallas }, users, texts] = await Promise.all([office(db), conferenceDirectory(db), listUsers(db), textsFor(db, language)]);
  const cases = await Promise.all(
    conference.caseIds.map(async (caseId) => {
      const file = await getCaseFile(db, caseId);
      if (!file) throw new DomainError('notFound', caseId);
      const head = file.members.find(({ membership }) => membership.relation === 'head' && membership.to === null && membership.deletedAt === null);
      return { id: caseId, caseNumber: file.kase.caseNumber, head: head ? personName(head.person) : null };
    }),
  );
  return conferenceMinutesModel(conferenceMinutesData(profile, conference, { specialists, agencies, users, mahallas }, cases, form), texts);
}

/** A team member's open actions across the plans of the cases the user reads. */
export async function taskSheetPreview(db: HamkorlikDb, specialistId: string, date: IsoDate, language: DocLanguage): Promise<{ model: DocModel; caseIds: string[] }> {
  const [profile, specialists, agencies, users, cases, texts] = await Promise.all([office(db), listSpecialists(db), listAgencies(db), listUsers(db), taskSheetCases(db, specialistId), textsFor(db, language)]);
  const data = taskSheetData(profile, specialistId, { specialists, agencies, users }, cases, date);
  return { model: taskSheetModel(data, texts), caseIds: cases.map((entry) => entry.kase.id) };
}

export interface Generated {
  record: DocumentRecord;
  saved: HostResult<SavedFile>;
}

/**
 * Packs the model, enters it in the register (which gives it its register number) and offers to
 * save it. The register keeps the bytes whether or not the user saves a copy now.
 */
export async function generateDocument(
  db: HamkorlikDb,
  host: HostApi,
  input: { kind: DocumentKind; model: DocModel; number: string; date: DocumentRecord['date']; caseId: string | null; caseIds?: string[]; fileFilterName: string; params: Record<string, unknown> },
): Promise<Generated> {
  const bytes = await writeDocx(input.model);
  // The file is named in the document's language, whatever language the screen speaks.
  const fileName = documentFileName(documentTexts(input.model.language).t(`fileName.${input.kind}`), input.number, input.model.language);
  const record = await registerDocument(
    db,
    { kind: input.kind, number: input.number, date: input.date, caseId: input.caseId, ...(input.caseIds ? { caseIds: input.caseIds } : {}), language: input.model.language, title: input.model.title, fileName, params: input.params },
    bytes,
  );
  const saved = await host.saveFile({ suggestedName: fileName, filters: [{ name: input.fileFilterName, extensions: ['docx'] }], bytes });
  return { record, saved };
}

/** Saves the register's stored bytes again: the very document generated then. */
export async function saveRegisteredCopy(db: HamkorlikDb, host: HostApi, id: string, fileFilterName: string): Promise<HostResult<SavedFile>> {
  const { record, bytes } = await documentBytes(db, id);
  return host.saveFile({ suggestedName: record.fileName, filters: [{ name: fileFilterName, extensions: ['docx'] }], bytes });
}
