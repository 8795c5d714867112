import type { IsoDate } from '../domain/dates';
import type { Agency, MahallaTeam, Specialist, WorkingGroup } from '../domain/directory';
import type { FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import { cleanText, type TriLingualText } from '../domain/names';
import { cyrToLat, detectScript, latToCyr } from '../domain/translit';
import type { OfficeProfile } from '../domain/office';
import { isChildOn, type Membership, type Person } from '../domain/person';
import { findDistrict } from '../domain/regions';
import type { User } from '../domain/user';
import type { AgreementData, AgreementMember } from './familyAgreement';
import type { DecisionData, DecisionPerson } from './hokimDecision';

/**
 * From stored records to what the builders print: pure, so the forms, the register and the tests
 * all fill documents the same way. The forms add what no record holds (number, date, place …).
 */

const EMPTY: TriLingualText = { uzLatn: '', uzCyrl: '', ru: '' };

export function officePlace(office: OfficeProfile): { region: TriLingualText; district: TriLingualText } {
  const found = findDistrict(office.districtCode);
  return { region: found?.region.name ?? EMPTY, district: found?.district.name ?? EMPTY };
}

export interface DecisionForm {
  number: string;
  date: IsoDate;
  place: string;
  issuer: string;
  citations: string;
  extraPoints: string[];
}

export interface DirectoryRecords {
  agencies: readonly Agency[];
  specialists: readonly Specialist[];
  teams: readonly MahallaTeam[];
  workingGroup: WorkingGroup | undefined;
  mahallas: readonly Mahalla[];
  users: readonly User[];
}

export function decisionData(office: OfficeProfile, directory: DirectoryRecords, form: DecisionForm): DecisionData {
  const agencies = new Map(directory.agencies.map((agency) => [agency.id, agency]));
  const specialists = new Map(directory.specialists.map((specialist) => [specialist.id, specialist]));
  const users = new Map(directory.users.map((user) => [user.id, user]));
  const person = (specialistId: string): DecisionPerson | null => {
    const specialist = specialists.get(specialistId);
    if (!specialist) return null;
    return { fullName: specialist.fullName, position: specialist.position, agency: agencies.get(specialist.agencyId)?.name ?? null };
  };
  const teams = directory.mahallas
    .map((mahalla) => ({ mahalla, team: directory.teams.find((team) => team.mahallaId === mahalla.id && team.deletedAt === null) }))
    .filter((entry): entry is { mahalla: Mahalla; team: MahallaTeam } => !!entry.team && (entry.team.members.length > 0 || !!entry.team.coordinatorUserId))
    .map(({ mahalla, team }) => {
      const coordinator = team.coordinatorUserId ? users.get(team.coordinatorUserId) : undefined;
      // A coordinator listed in the directory prints with the position and agency kept there in three languages.
      const coordinatorAsSpecialist = coordinator && directory.specialists.find((specialist) => specialist.userId === coordinator.id && specialist.deletedAt === null);
      return {
        mahalla: mahalla.name,
        // A coordinator who is also a member prints once, as the coordinator.
        members: team.members.filter((member) => member.specialistId !== coordinatorAsSpecialist?.id).flatMap((member) => {
          const found = person(member.specialistId);
          return found ? [{ ...found, role: member.role }] : [];
        }),
        coordinator: coordinatorAsSpecialist ? person(coordinatorAsSpecialist.id) : coordinator ? { fullName: coordinator.fullName, position: positionInScripts(coordinator.position), agency: null } : null,
      };
    });
  return {
    ...officePlace(office),
    ...form,
    hokim: office.hokim,
    deputyHokim: office.deputyHokim,
    workingGroup: (directory.workingGroup?.members ?? []).flatMap((member) => {
      const found = person(member.specialistId);
      return found ? [{ ...found, role: member.role }] : [];
    }),
    teams,
  };
}

/** A position typed once, in one script, spelled for documents in both (Russian documents take the Cyrillic). */
function positionInScripts(position: string): TriLingualText {
  const clean = cleanText(position);
  const cyrl = detectScript(clean) === 'cyrl' ? clean : latToCyr(clean);
  return { uzLatn: detectScript(clean) === 'cyrl' ? cyrToLat(clean) : clean, uzCyrl: cyrl, ru: cyrl };
}

export interface AgreementForm {
  number: string;
  date: IsoDate;
  place: string;
  months: number;
  reviewMonths: number;
  /** The persons who sign for the family. */
  signatoryIds: string[];
}

export interface CaseRecords {
  kase: FamilyCase;
  members: readonly { membership: Membership; person: Person }[];
  mahalla: Mahalla | undefined;
  caseManager: User | undefined;
}

/** Members covered by the agreement: those in the family on its date, the head first, then by birth. */
export function agreementMembers(records: CaseRecords, date: IsoDate): { membership: Membership; person: Person }[] {
  return records.members
    .filter(({ membership }) => membership.deletedAt === null && membership.from <= date && (membership.to === null || membership.to >= date))
    .sort((a, b) => (a.membership.relation === 'head' ? -1 : b.membership.relation === 'head' ? 1 : a.person.birthDate.localeCompare(b.person.birthDate)));
}

/** Adults who sign by default: the head and the adult spouse or guardian. */
export function defaultSignatories(records: CaseRecords, date: IsoDate): string[] {
  return agreementMembers(records, date)
    .filter(({ membership, person }) => !isChildOn(person.birthDate, date) && ['head', 'spouse', 'guardian'].includes(membership.relation))
    .map(({ person }) => person.id);
}

export function agreementData(office: OfficeProfile, records: CaseRecords, form: AgreementForm): AgreementData {
  const address = records.kase.address;
  const found = findDistrict(address.districtCode);
  const members: AgreementMember[] = agreementMembers(records, form.date).map(({ membership, person }) => ({
    surname: person.surname,
    firstName: person.firstName,
    patronymic: person.patronymic,
    relation: membership.relation,
    sex: person.sex,
    birthDate: person.birthDate,
    signs: form.signatoryIds.includes(person.id) && !isChildOn(person.birthDate, form.date),
    pinfl: person.pinfl,
    document: person.document,
  }));
  return {
    number: form.number,
    date: form.date,
    place: form.place,
    caseNumber: records.kase.caseNumber,
    service: office.name,
    head: office.head,
    caseManager: { fullName: records.caseManager?.fullName ?? { latn: '', cyrl: '', typed: 'latn' }, phone: records.caseManager?.phone ?? null },
    address: {
      region: found?.region.name ?? EMPTY,
      district: found?.district.name ?? EMPTY,
      mahalla: records.mahalla?.name ?? null,
      street: address.street,
      house: address.house,
      apartment: address.apartment,
    },
    members,
    months: form.months,
    reviewMonths: form.reviewMonths,
  };
}
