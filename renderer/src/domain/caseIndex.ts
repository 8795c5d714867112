import type { IsoDate } from './dates';
import type { CaseSummary, FamilyCase } from './familyCase';
import { isChildOn, type Membership, type Person } from './person';
import { foldToken, headNameKeys, idSearchKeys, nameSearchKeys, personPairKeys } from './searchKey';

/** What the repository derives from a case and its members and stores with the case. */
export interface CaseIndex {
  summary: CaseSummary;
  sortName: string;
  searchKeys: string[];
}

type Member = { membership: Pick<Membership, 'relation' | 'to'>; person: Pick<Person, 'surname' | 'firstName' | 'birthDate' | 'pinfl'> };

/**
 * The case's list summary, its sort key and its search keys. Every member counts for search,
 * former ones too (a child who moved to relatives is still looked for under this family), but
 * only current members for the summary. Patronymics are left out of the keys: nobody searches
 * by them, and each key costs index space at 100,000 families.
 */
export function buildCaseIndex(kase: Pick<FamilyCase, 'caseNumber'>, members: readonly Member[], today: IsoDate): CaseIndex {
  const current = members.filter((member) => member.membership.to === null);
  const head = current.find((member) => member.membership.relation === 'head')?.person ?? null;
  const keys = new Set<string>(idSearchKeys({ caseNumber: kase.caseNumber }));
  for (const { person } of members) {
    for (const key of nameSearchKeys([person.surname.latn, person.surname.cyrl, person.firstName.latn, person.firstName.cyrl])) keys.add(key);
    for (const key of personPairKeys([person.surname.latn, person.surname.cyrl], [person.firstName.latn, person.firstName.cyrl], false)) keys.add(key);
    for (const key of idSearchKeys({ pinfl: person.pinfl })) keys.add(key);
  }
  if (head) {
    for (const key of headNameKeys([head.surname.latn, head.surname.cyrl, head.firstName.latn, head.firstName.cyrl])) keys.add(key);
    for (const key of personPairKeys([head.surname.latn, head.surname.cyrl], [head.firstName.latn, head.firstName.cyrl], true)) keys.add(key);
  }
  return {
    summary: {
      head: head ? { surname: head.surname, firstName: head.firstName } : null,
      members: current.length,
      children: current.filter((member) => isChildOn(member.person.birthDate, today)).length,
    },
    sortName: head ? `${head.surname.latn} ${head.firstName.latn}`.toLocaleLowerCase('uz') : '',
    searchKeys: [...keys],
  };
}

/** Same folded surname, first name and birth date: the soft "is this the same person?" check. */
export function personDupKey(person: Pick<Person, 'surname' | 'firstName' | 'birthDate'>): string {
  return `${foldToken(person.surname.latn)}|${foldToken(person.firstName.latn)}|${person.birthDate}`;
}
