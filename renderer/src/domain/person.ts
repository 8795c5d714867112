import type { IsoDate } from './dates';
import type { BiScriptText } from './names';
import type { RecordMeta } from './record';

export type Sex = 'male' | 'female';

/** Disability as recorded in Uzbekistan: groups I–III for adults, "disabled child" under 18. */
export type DisabilityGroup = 'group1' | 'group2' | 'group3' | 'child';

/**
 * A person, separate from any case: the same child can belong to one family's case now and to a
 * relative's case later (memberships link them). Names are kept in both Uzbek scripts.
 */
export interface Person extends RecordMeta {
  surname: BiScriptText;
  firstName: BiScriptText;
  patronymic: BiScriptText | null;
  sex: Sex;
  birthDate: IsoDate;
  /** Optional: newborns and some adults have none yet. Validated when present. */
  pinfl: string | null;
  /** The user saw the check-digit warning and kept the number (the algorithm is not official). */
  pinflCheckAccepted: boolean;
  /** Passport or ID card, `AA1234567`. */
  document: string | null;
  /** School or kindergarten and grade/group, for children. */
  education: { institution: string; grade: string } | null;
  employment: string | null;
  disability: DisabilityGroup | null;
  /** Working abroad: where and since when. */
  migration: { country: string; since: IsoDate } | null;
  healthNotes: string;
  /** Folded surname, first name and birth date: the soft duplicate check's index (kept by the repository). */
  dupKey: string;
}

/** How a member is related to the head of the family. */
export type Relation =
  | 'head'
  | 'spouse'
  | 'child'
  | 'stepchild'
  | 'grandchild'
  | 'parent'
  | 'sibling'
  | 'grandparent'
  | 'otherRelative'
  | 'guardian'
  | 'other';

export const RELATIONS: readonly Relation[] = ['head', 'spouse', 'child', 'stepchild', 'grandchild', 'parent', 'sibling', 'grandparent', 'otherRelative', 'guardian', 'other'];

/** A person's place in a case over a period; `to` is set when they leave the family. */
export interface Membership extends RecordMeta {
  caseId: string;
  personId: string;
  relation: Relation;
  from: IsoDate;
  to: IsoDate | null;
}

/** Full years between a birth date and a day, as the law counts age. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Under 18 on the given day. */
export function isChildOn(birthDate: IsoDate, day: IsoDate): boolean {
  return ageOn(birthDate, day) < 18;
}

/** "Surname First Patronymic" in one script. */
export function fullName(person: Pick<Person, 'surname' | 'firstName' | 'patronymic'>, script: 'latn' | 'cyrl'): string {
  return [person.surname[script], person.firstName[script], person.patronymic?.[script]].filter(Boolean).join(' ');
}
