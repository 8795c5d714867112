import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecordSet } from '../db/bulkLoad';
import { HamkorlikDb } from '../db/db';
import { searchCases, type SearchHit } from '../db/repositories/caseSearch';
import { memoryDexieOptions } from '../db/testing';
import type { Person } from '../domain/person';
import { demoOffice } from './demoOffice';
import querySet from './fixtures/searchQuerySet.json';
import { GENERATOR_TODAY } from './generator';

interface Expectation {
  minHits?: number;
  maxHits?: number;
  topHeadsMatch?: number;
  sameOrderAs?: string;
  sameSetAs?: string;
  topMember?: { n: number; field: 'surname' | 'firstName'; script: 'latn' | 'cyrl'; equals: string };
  topHead?: { n: number; surname: string; firstName: string };
  topCaseNumbers?: string[];
  caseNumbersInTop?: { n: number; numbers: string[] };
}

const ALL = 5000;
let db: HamkorlikDb;
let personsByCase: Map<string, Person[]>;
const results = new Map<string, SearchHit[]>();
const run = async (query: string) => {
  if (!results.has(query)) results.set(query, (await searchCases(db, query, ALL)).hits);
  return results.get(query)!;
};

beforeAll(async () => {
  const { set, userId, installationId } = demoOffice(querySet.generator);
  db = new HamkorlikDb('query-set', memoryDexieOptions());
  await db.open();
  db.session = { userId, installationId, roles: ['administrator', 'supervisor'], mahallaIds: [] };
  await loadRecordSet(db, { ...set, history: [] }, GENERATOR_TODAY);
  const persons = new Map(set.persons.map((p) => [p.id, p]));
  personsByCase = new Map();
  for (const m of set.memberships) personsByCase.set(m.caseId, [...(personsByCase.get(m.caseId) ?? []), persons.get(m.personId)!]);
}, 60_000);

describe('the committed search query set', () => {
  for (const { query, why, expect: rawExpectation } of querySet.queries) {
    const expectation = rawExpectation as Expectation;
    it(`"${query}": ${why}`, async () => {
      const hits = await run(query);
      const ids = hits.map((hit) => hit.kase.id);
      if (expectation.minHits !== undefined) expect(hits.length).toBeGreaterThanOrEqual(expectation.minHits);
      if (expectation.maxHits !== undefined) expect(hits.length).toBeLessThanOrEqual(expectation.maxHits);
      if (expectation.topHeadsMatch) {
        expect(hits.slice(0, expectation.topHeadsMatch).every((hit) => hit.headMatch)).toBe(true);
      }
      if (expectation.sameOrderAs) expect(ids).toEqual((await run(expectation.sameOrderAs)).map((hit) => hit.kase.id));
      if (expectation.sameSetAs) expect(new Set(ids)).toEqual(new Set((await run(expectation.sameSetAs)).map((hit) => hit.kase.id)));
      if (expectation.topMember) {
        const { n, field, script, equals } = expectation.topMember;
        const top = hits.slice(0, n);
        expect(top).toHaveLength(n);
        for (const hit of top) {
          const names = (personsByCase.get(hit.kase.id) ?? []).map((person) => person[field][script]);
          expect(names, hit.kase.caseNumber).toContain(equals);
        }
      }
      if (expectation.topHead) {
        const { n, surname, firstName } = expectation.topHead;
        for (const hit of hits.slice(0, n)) expect([hit.kase.summary.head?.surname.latn, hit.kase.summary.head?.firstName.latn]).toEqual([surname, firstName]);
      }
      if (expectation.topCaseNumbers) expect(hits.slice(0, expectation.topCaseNumbers.length).map((hit) => hit.kase.caseNumber)).toEqual(expectation.topCaseNumbers);
      if (expectation.caseNumbersInTop) {
        const top = hits.slice(0, expectation.caseNumbersInTop.n).map((hit) => hit.kase.caseNumber);
        expect(top.sort()).toEqual([...expectation.caseNumbersInTop.numbers].sort());
      }
    });
  }
});
