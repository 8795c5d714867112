import type { HamkorlikDb } from '../db';
import {
  agencyDraftSchema,
  mahallaTeamDraftSchema,
  specialistDraftSchema,
  WORKING_GROUP_ID,
  workingGroupDraftSchema,
  type Agency,
  type AgencyDraft,
  type MahallaTeam,
  type MahallaTeamDraft,
  type Specialist,
  type SpecialistDraft,
  type WorkingGroup,
  type WorkingGroupDraft,
} from '../../domain/directory';
import { DomainError } from '../../domain/errors';
import { newRecordMeta, touched } from '../../domain/record';
import { requireOffice } from './guard';

/**
 * The interagency directory. Administrators and supervisors keep it (the access middleware refuses
 * other writers too); everyone reads it. Agencies and specialists are never removed while a team
 * or the working group names them, so a printed composition never loses a member silently.
 */

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: unknown } }): T {
  if (!result.success) throw new DomainError('invalid', JSON.stringify(result.error.issues));
  return result.data;
}

const alive = <T extends { deletedAt: string | null }>(record: T | undefined): record is T => !!record && record.deletedAt === null;

export async function listAgencies(db: HamkorlikDb): Promise<Agency[]> {
  const all = await db.agencies.filter((agency) => agency.deletedAt === null).toArray();
  return all.sort((a, b) => a.name.uzLatn.localeCompare(b.name.uzLatn, 'uz'));
}

export async function saveAgency(db: HamkorlikDb, id: string | null, draft: AgencyDraft): Promise<Agency> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  const data = parsed(agencyDraftSchema.safeParse(draft));
  return db.transaction('rw', db.agencies, async () => {
    const current = id ? await db.agencies.get(id) : undefined;
    if (id && !alive(current)) throw new DomainError('notFound', id);
    const next: Agency = current ? touched(current, data, context) : { ...newRecordMeta(context), ...data };
    await db.agencies.put(next);
    return next;
  });
}

export async function deleteAgency(db: HamkorlikDb, id: string): Promise<void> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  await db.transaction('rw', db.agencies, db.specialists, async () => {
    const current = await db.agencies.get(id);
    if (!alive(current)) throw new DomainError('notFound', id);
    const staff = await db.specialists.where('agencyId').equals(id).filter((s) => s.deletedAt === null).count();
    if (staff > 0) throw new DomainError('inUse', String(staff));
    await db.agencies.put({ ...touched(current, {}, context), deletedAt: context.now.toISOString() });
  });
}

/** The directory's specialists; `withRemoved`: those removed from it too, for naming who a case's records still point to. */
export async function listSpecialists(db: HamkorlikDb, options: { withRemoved?: boolean } = {}): Promise<Specialist[]> {
  const all = await db.specialists.filter((specialist) => options.withRemoved === true || specialist.deletedAt === null).toArray();
  return all.sort((a, b) => a.fullName.latn.localeCompare(b.fullName.latn, 'uz'));
}

export async function saveSpecialist(db: HamkorlikDb, id: string | null, draft: SpecialistDraft): Promise<Specialist> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  const data = parsed(specialistDraftSchema.safeParse(draft));
  return db.transaction('rw', [db.specialists, db.agencies, db.mahallas, db.users], async () => {
    const current = id ? await db.specialists.get(id) : undefined;
    if (id && !alive(current)) throw new DomainError('notFound', id);
    if (!alive(await db.agencies.get(data.agencyId))) throw new DomainError('invalid', 'agencyId');
    const mahallas = await db.mahallas.bulkGet(data.mahallaIds);
    if (mahallas.some((mahalla) => !alive(mahalla))) throw new DomainError('invalid', 'mahallaIds');
    if (data.userId) {
      if (!(await db.users.get(data.userId))) throw new DomainError('invalid', 'userId');
      // One account is one specialist: the link says whose actions are whose.
      const other = await db.specialists.where('userId').equals(data.userId).filter((s) => s.deletedAt === null && s.id !== id).first();
      if (other) throw new DomainError('duplicate', other.id);
    }
    const next: Specialist = current ? touched(current, data, context) : { ...newRecordMeta(context), ...data };
    await db.specialists.put(next);
    return next;
  });
}

/** A specialist named by a team or the working group stays until taken out of them. */
export async function deleteSpecialist(db: HamkorlikDb, id: string): Promise<void> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  await db.transaction('rw', [db.specialists, db.teams, db.workingGroup], async () => {
    const current = await db.specialists.get(id);
    if (!alive(current)) throw new DomainError('notFound', id);
    const teams = await db.teams.filter((team) => team.deletedAt === null && team.members.some((member) => member.specialistId === id)).count();
    const group = await db.workingGroup.get(WORKING_GROUP_ID);
    const inGroup = !!group?.members.some((member) => member.specialistId === id);
    if (teams > 0 || inGroup) throw new DomainError('inUse', String(teams + (inGroup ? 1 : 0)));
    await db.specialists.put({ ...touched(current, {}, context), deletedAt: context.now.toISOString() });
  });
}

export async function listTeams(db: HamkorlikDb): Promise<MahallaTeam[]> {
  return db.teams.filter((team) => team.deletedAt === null).toArray();
}

async function assertSpecialists(db: HamkorlikDb, ids: readonly string[]): Promise<void> {
  const found = await db.specialists.bulkGet([...ids]);
  if (found.some((specialist) => !alive(specialist))) throw new DomainError('invalid', 'specialistId');
}

/** Saves the team of a mahalla; a mahalla has one team, so saving for a mahalla that has one updates it. */
export async function saveTeam(db: HamkorlikDb, draft: MahallaTeamDraft): Promise<MahallaTeam> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  const data = parsed(mahallaTeamDraftSchema.safeParse(draft));
  return db.transaction('rw', [db.teams, db.specialists, db.mahallas, db.users], async () => {
    if (!alive(await db.mahallas.get(data.mahallaId))) throw new DomainError('invalid', 'mahallaId');
    await assertSpecialists(db, data.members.map((member) => member.specialistId));
    if (data.coordinatorUserId && !(await db.users.get(data.coordinatorUserId))) throw new DomainError('invalid', 'coordinatorUserId');
    const current = await db.teams.where('mahallaId').equals(data.mahallaId).filter((team) => team.deletedAt === null).first();
    const next: MahallaTeam = current ? touched(current, data, context) : { ...newRecordMeta(context), ...data };
    await db.teams.put(next);
    return next;
  });
}

export async function deleteTeam(db: HamkorlikDb, id: string): Promise<void> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  await db.transaction('rw', db.teams, async () => {
    const current = await db.teams.get(id);
    if (!alive(current)) throw new DomainError('notFound', id);
    await db.teams.put({ ...touched(current, {}, context), deletedAt: context.now.toISOString() });
  });
}

export async function getWorkingGroup(db: HamkorlikDb): Promise<WorkingGroup | undefined> {
  return db.workingGroup.get(WORKING_GROUP_ID);
}

export async function saveWorkingGroup(db: HamkorlikDb, draft: WorkingGroupDraft): Promise<WorkingGroup> {
  requireOffice(db, 'manageDirectory');
  const context = db.writeContext();
  const data = parsed(workingGroupDraftSchema.safeParse(draft));
  return db.transaction('rw', [db.workingGroup, db.specialists], async () => {
    await assertSpecialists(db, data.members.map((member) => member.specialistId));
    const current = await db.workingGroup.get(WORKING_GROUP_ID);
    const next: WorkingGroup = current ? touched(current, data, context) : { ...newRecordMeta(context, WORKING_GROUP_ID), ...data };
    await db.workingGroup.put(next);
    return next;
  });
}
