import type { HamkorlikDb } from '../db';
import { cleanPinfl } from '../../domain/pinfl';
import { personDupKey } from '../../domain/caseIndex';
import type { Person } from '../../domain/person';
import type { BiScriptText } from '../../domain/names';

/** A person already in the database who may be the one being entered, with the cases they belong to. */
export interface PersonMatch {
  person: Person;
  cases: { id: string; caseNumber: string }[];
}

export interface DuplicateReport {
  /** Same PINFL: a blocking warning; the user may link this person instead of entering a new one. */
  samePinfl: PersonMatch | null;
  /** Same folded name and birth date: a soft warning. */
  similar: PersonMatch[];
}

async function withCases(db: HamkorlikDb, person: Person): Promise<PersonMatch> {
  const memberships = await db.memberships.where('personId').equals(person.id).filter((m) => m.deletedAt === null).toArray();
  const cases = (await db.cases.bulkGet(memberships.map((m) => m.caseId))).flatMap((kase) =>
    kase && !kase.deletedAt ? [{ id: kase.id, caseNumber: kase.caseNumber }] : [],
  );
  return { person, cases };
}

/** Looks for the person being entered: by PINFL anywhere in the database, and by name and birth date. */
export async function findDuplicates(
  db: HamkorlikDb,
  entry: { pinfl?: string | null; surname: BiScriptText; firstName: BiScriptText; birthDate: string },
  exceptPersonId?: string,
): Promise<DuplicateReport> {
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
    samePinfl: samePinfl ? await withCases(db, samePinfl) : null,
    similar: await Promise.all(similar.map((person) => withCases(db, person))),
  };
}
