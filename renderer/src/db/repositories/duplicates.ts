import type { HamkorlikDb } from '../db';
import { canOnCase, type Actor } from '../../domain/access';
import { requireOffice } from './guard';
import { cleanPinfl } from '../../domain/pinfl';
import { personDupKey } from '../../domain/caseIndex';
import type { Person } from '../../domain/person';
import type { BiScriptText } from '../../domain/names';

/** What is shown of a match whose cases the user may not read: who, not what the file says of them. */
export type PersonIdentity = Pick<Person, 'id' | 'surname' | 'firstName' | 'patronymic' | 'birthDate' | 'sex'>;

/**
 * A person already in the database who may be the one being entered, with the cases they belong to.
 * `readable`: the user may read one of those cases (or the person is in none), so may see the
 * person and link them; otherwise only the identity and the case numbers are given, enough to ask
 * the supervisor, and no link.
 */
export interface PersonMatch {
  person: PersonIdentity;
  readable: boolean;
  cases: { id: string; caseNumber: string; readable: boolean }[];
}

export interface DuplicateReport {
  /** Same PINFL: a blocking warning; the user may link this person instead of entering a new one. */
  samePinfl: PersonMatch | null;
  /** Same folded name and birth date: a soft warning. */
  similar: PersonMatch[];
}

async function withCases(db: HamkorlikDb, actor: Actor, person: Person): Promise<PersonMatch> {
  const memberships = await db.memberships.where('personId').equals(person.id).filter((m) => m.deletedAt === null).toArray();
  const cases = (await db.cases.bulkGet(memberships.map((m) => m.caseId))).flatMap((kase) =>
    kase && !kase.deletedAt ? [{ id: kase.id, caseNumber: kase.caseNumber, readable: canOnCase(actor, 'read', kase) }] : [],
  );
  const readable = cases.length === 0 || cases.some((kase) => kase.readable);
  const { id, surname, firstName, patronymic, birthDate, sex } = person;
  return { person: readable ? person : { id, surname, firstName, patronymic, birthDate, sex }, readable, cases };
}

/** Looks for the person being entered: by PINFL anywhere in the database, and by name and birth date. */
export async function findDuplicates(
  db: HamkorlikDb,
  entry: { pinfl?: string | null; surname: BiScriptText; firstName: BiScriptText; birthDate: string },
  exceptPersonId?: string,
): Promise<DuplicateReport> {
  // Only those who open cases need to look for duplicates; what they see of others' cases is limited (see PersonMatch).
  const actor = requireOffice(db, 'createCase');
  const pinfl = entry.pinfl ? cleanPinfl(entry.pinfl) : '';
  const samePinfl = /^\d{14}$/u.test(pinfl)
    ? await db.persons.where('pinfl').equals(pinfl).filter((p) => p.deletedAt === null && p.id !== exceptPersonId).first()
    : undefined;
  const similar =
    entry.surname.latn && entry.firstName.latn && entry.birthDate
      ? await db.persons
          .where('dupKey')
          .equals(personDupKey(entry as Pick<Person, 'surname' | 'firstName' | 'birthDate'>))
          .filter((p) => p.deletedAt === null && p.id !== exceptPersonId && p.id !== samePinfl?.id)
          .limit(5)
          .toArray()
      : [];
  return {
    samePinfl: samePinfl ? await withCases(db, actor, samePinfl) : null,
    similar: await Promise.all(similar.map((person) => withCases(db, actor, person))),
  };
}
