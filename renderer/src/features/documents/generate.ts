import type { HamkorlikDb } from '../../db/db';
import { getCaseFile } from '../../db/repositories/cases';
import { getWorkingGroup, listAgencies, listSpecialists, listTeams } from '../../db/repositories/directory';
import { documentBytes, registerDocument, textOverrides } from '../../db/repositories/documents';
import { listMahallas } from '../../db/repositories/mahallas';
import { getOfficeProfile } from '../../db/repositories/office';
import { listUsers } from '../../db/repositories/users';
import { documentFileName, type DocumentKind, type DocumentRecord } from '../../domain/documentRegister';
import { DomainError } from '../../domain/errors';
import type { OfficeProfile } from '../../domain/office';
import { agreementModel } from '../../documents/familyAgreement';
import { agreementData, decisionData, type AgreementForm, type DecisionForm } from '../../documents/fromRecords';
import { decisionModel } from '../../documents/hokimDecision';
import { writeDocx } from '../../documents/docxWriter';
import type { DocLanguage, DocModel } from '../../documents/model';
import { documentTexts } from '../../documents/texts';
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
  input: { kind: DocumentKind; model: DocModel; number: string; date: DocumentRecord['date']; caseId: string | null; fileFilterName: string; params: Record<string, unknown> },
): Promise<Generated> {
  const bytes = await writeDocx(input.model);
  // The file is named in the document's language, whatever language the screen speaks.
  const fileName = documentFileName(documentTexts(input.model.language).t(`fileName.${input.kind}`), input.number, input.model.language);
  const record = await registerDocument(
    db,
    { kind: input.kind, number: input.number, date: input.date, caseId: input.caseId, language: input.model.language, title: input.model.title, fileName, params: input.params },
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
