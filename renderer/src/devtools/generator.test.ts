import { describe, expect, it } from 'vitest';
import { caseDraftSchema, missingForStage, personDraftSchema } from '../domain/caseDraft';
import type { IsoDate } from '../domain/dates';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import { ageOn, type Membership, type Person } from '../domain/person';
import { parsePinfl } from '../domain/pinfl';
import { findDistrict } from '../domain/regions';
import { applyCaseEvent, STAGES, type CaseEvent, type OpenStage, type StageFacts } from '../domain/stages';
import { cyrToLat, detectScript, latToCyr } from '../domain/translit';
import { isVulnerabilityCode } from '../domain/vulnerability';
import { createRng, cyrillicSpellingKind, GENERATOR_TODAY, generateOffice, weightedTable, type GeneratedOffice } from './generator';

const today = GENERATOR_TODAY;
const office = generateOffice({ families: 1500, seed: 42 });
const regional = generateOffice({ families: 600, seed: 3, districts: 6 });

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;
const stageIndex = (stage: string) => STAGES.indexOf(stage as (typeof STAGES)[number]);

function byCase<T extends { caseId: string }>(records: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const record of records) {
    const list = map.get(record.caseId);
    if (list) list.push(record);
    else map.set(record.caseId, [record]);
  }
  return map;
}

function share(count: number, total: number): number {
  return (100 * count) / total;
}

describe('createRng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('keeps int within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const value = rng.int(3, 7);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    for (let i = 0; i < 1000; i += 1) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('picks by weight, from a table or inline, and honours chance', () => {
    const rng = createRng(2);
    const table = weightedTable(['a', 'b', 'c'], [1, 0, 3]);
    const counts = { a: 0, b: 0, c: 0 };
    const inline = { a: 0, b: 0, c: 0 };
    let hits = 0;
    for (let i = 0; i < 8000; i += 1) {
      counts[rng.weighted(table) as 'a' | 'b' | 'c'] += 1;
      inline[rng.weightedPick(['a', 'b', 'c'] as const, [1, 0, 3])] += 1;
      if (rng.chance(0.25)) hits += 1;
    }
    for (const tally of [counts, inline]) {
      expect(tally.b).toBe(0);
      expect(tally.c / tally.a).toBeGreaterThan(2.6);
      expect(tally.c / tally.a).toBeLessThan(3.4);
    }
    expect(hits / 8000).toBeGreaterThan(0.22);
    expect(hits / 8000).toBeLessThan(0.28);
    expect(() => weightedTable(['a'], [0])).toThrow(RangeError);
  });
});

describe('generateOffice: determinism', () => {
  it('gives deep-equal output for the same options and different output for another seed', () => {
    const a = generateOffice({ families: 300, seed: 5 });
    const b = generateOffice({ families: 300, seed: 5 });
    const c = generateOffice({ families: 300, seed: 6 });
    expect(b).toEqual(a);
    expect(c.cases.map((k) => k.id)).not.toEqual(a.cases.map((k) => k.id));
    expect(c.persons.map((p) => p.surname.latn)).not.toEqual(a.persons.map((p) => p.surname.latn));
  });

  it('keeps a regional office deterministic too, and rejects bad options', () => {
    expect(generateOffice({ families: 200, seed: 3, districts: 4 })).toEqual(generateOffice({ families: 200, seed: 3, districts: 4 }));
    expect(generateOffice({ families: 0 }).cases).toEqual([]);
    expect(() => generateOffice({ families: -1 })).toThrow(RangeError);
    expect(() => generateOffice({ families: 10, districts: 0 })).toThrow(RangeError);
    expect(() => generateOffice({ families: 10, today: '2026-02-30' as IsoDate })).toThrow(RangeError);
  });
});

/** Collects broken rules as messages, so one expect reports them all (and thousands of records stay fast). */
function problems(check: (fail: (message: string) => void) => void): string[] {
  const found: string[] = [];
  check((message) => {
    if (found.length < 20) found.push(message);
  });
  return found;
}

function integrity(data: GeneratedOffice, day: IsoDate = today): string[] {
  return problems((fail) => {
    const caseIds = new Set(data.cases.map((c) => c.id));
    const personById = new Map(data.persons.map((p) => [p.id, p]));
    const userById = new Map(data.users.map((u) => [u.id, u]));
    const mahallaById = new Map(data.mahallas.map((m) => [m.id, m]));

    // Ids are UUID v4-shaped and unique across every kind of record.
    const all = [...data.users, ...data.mahallas, ...data.cases, ...data.persons, ...data.memberships, ...data.history];
    if (new Set(all.map((r) => r.id)).size !== all.length) fail('duplicate ids');
    for (const record of all) {
      if (!UUID_V4.test(record.id)) fail(`id ${record.id}`);
      if (!userById.has(record.createdBy)) fail(`createdBy ${record.id}`);
      if (record.rev !== 1 || record.deletedAt !== null || record.updatedAt !== record.createdAt || record.updatedBy !== record.createdBy) fail(`meta ${record.id}`);
      if (record.createdAt.slice(0, 10) > day) fail(`future ${record.id}`);
    }

    const seenPersons = new Set<string>();
    for (const membership of data.memberships) {
      const person = personById.get(membership.personId);
      if (!caseIds.has(membership.caseId) || !person) fail(`dangling membership ${membership.id}`);
      if (seenPersons.has(membership.personId)) fail(`person in two cases ${membership.personId}`);
      seenPersons.add(membership.personId);
      if (person && (membership.from < person.birthDate || membership.from > day)) fail(`membership dates ${membership.id}`);
      if (membership.to !== null) fail(`membership ended ${membership.id}`);
    }
    if (seenPersons.size !== data.persons.length) fail('persons without a membership');

    const members = byCase(data.memberships);
    for (const kase of data.cases) {
      const heads = (members.get(kase.id) ?? []).filter((m) => m.relation === 'head').length;
      if (heads !== 1) fail(`${heads} heads in ${kase.id}`);
      const manager = userById.get(kase.caseManagerId);
      if (!manager || manager.roles.join() !== 'caseManager' || manager.installationId !== kase.installationId) fail(`case manager of ${kase.id}`);
      if (mahallaById.get(kase.address.mahallaId)?.installationId !== kase.installationId) fail(`mahalla of ${kase.id}`);
      if (kase.custody.districtCode !== kase.address.districtCode) fail(`custody of ${kase.id}`);
      if (findDistrict(kase.address.districtCode)?.region.code !== kase.address.regionCode) fail(`region of ${kase.id}`);
      if (kase.searchKeys.length !== 0 || kase.sortName !== '') fail(`index keys of ${kase.id}`);
    }
    for (const entry of data.history) if (!caseIds.has(entry.caseId)) fail(`dangling history ${entry.id}`);
  });
}

describe('generateOffice: referential integrity', () => {
  it('links every record of a district office', () => expect(integrity(office)).toEqual([]));
  it('links every record of a regional office', () => expect(integrity(regional)).toEqual([]));

  it('dates everything on or before another today', () => {
    const earlier = '2024-03-01' as IsoDate;
    const data = generateOffice({ families: 300, seed: 9, today: earlier });
    expect(integrity(data, earlier)).toEqual([]);
    const dates = [...data.persons.map((p) => p.birthDate), ...data.cases.flatMap((c) => [c.referral.date, c.consent?.date ?? c.referral.date, c.closure?.date ?? c.referral.date])];
    expect(dates.every((date) => date <= earlier)).toBe(true);
    expect(data.cases.every((c) => c.referral.date >= '2021-03-01')).toBe(true);
  });

  it('spreads a regional office over districts of several regions, each with its own installation and mahallas', () => {
    const districts = regional.office.districts;
    expect(districts).toHaveLength(6);
    expect(new Set(districts.map((d) => d.districtCode)).size).toBe(6);
    expect(new Set(districts.map((d) => d.regionCode)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(districts.map((d) => d.installationId)).size).toBe(6);
    for (const district of districts) {
      expect(findDistrict(district.districtCode)?.region.code).toBe(district.regionCode);
      const cases = regional.cases.filter((c) => c.custody.districtCode === district.districtCode);
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.every((c) => c.installationId === district.installationId)).toBe(true);
      const mahallas = regional.mahallas.filter((m) => m.installationId === district.installationId);
      expect(mahallas.length).toBeGreaterThanOrEqual(15);
      expect(mahallas.length).toBeLessThanOrEqual(40);
      const users = regional.users.filter((u) => u.installationId === district.installationId);
      expect(users.filter((u) => u.roles.includes('administrator'))).toHaveLength(1);
    }
    expect(regional.office.districtCode).toBe(districts[0]!.districtCode);
  });

  it('has one administrator and case managers for about every 150 open families (at least 3)', () => {
    const open = office.cases.filter((c) => c.stage !== 'closed').length;
    const managers = office.users.filter((u) => u.roles.includes('caseManager'));
    expect(office.users.filter((u) => u.roles.includes('administrator'))).toHaveLength(1);
    expect(managers).toHaveLength(Math.max(3, Math.ceil(open / 150)));
    expect(new Set(office.cases.map((c) => c.caseManagerId)).size).toBe(managers.length);
    for (const user of office.users) {
      expect(detectScript(user.fullName.latn)).toBe('latn');
      expect(user.fullName.cyrl).toBe(latToCyr(user.fullName.latn));
    }
    expect(office.mahallas.length).toBeGreaterThanOrEqual(15);
    expect(office.mahallas.length).toBeLessThanOrEqual(40);
    for (const { name } of office.mahallas) {
      expect(detectScript(name.uzLatn)).toBe('latn');
      expect(detectScript(name.uzCyrl)).toBe('cyrl');
      expect(detectScript(name.ru)).toBe('cyrl');
    }
  });
});

describe('generateOffice: persons', () => {
  it('gives valid PINFLs that agree with sex and birth date, unique, to about 90% of persons', () => {
    const pinfls = office.persons.flatMap((p) => (p.pinfl ? [p.pinfl] : []));
    expect(new Set(pinfls).size).toBe(pinfls.length);
    const coverage = share(pinfls.length, office.persons.length);
    expect(coverage).toBeGreaterThan(85);
    expect(coverage).toBeLessThan(95);
    const wrong = problems((fail) => {
      for (const person of office.persons) {
        if (!person.pinfl) continue;
        const parsed = parsePinfl(person.pinfl, today);
        if (!parsed.valid || !parsed.checkDigitOk || parsed.facts.sex !== person.sex || parsed.facts.birthDate !== person.birthDate) {
          fail(`${person.pinfl} ${person.sex} ${person.birthDate}`);
        }
      }
    });
    expect(wrong).toEqual([]);
    const regionalPinfls = regional.persons.flatMap((p) => (p.pinfl ? [p.pinfl] : []));
    expect(new Set(regionalPinfls).size).toBe(regionalPinfls.length);
  });

  it('passes the app’s own person validation', () => {
    const schema = personDraftSchema(today);
    const invalid = problems((fail) => {
      for (const person of office.persons.slice(0, 1500)) {
        const { surname, firstName, patronymic, sex, birthDate, pinfl, pinflCheckAccepted, document, education, employment, disability, migration, healthNotes } = person;
        const result = schema.safeParse({ surname, firstName, patronymic, sex, birthDate, pinfl, pinflCheckAccepted, document, education, employment, disability, migration, healthNotes });
        if (!result.success) fail(`${person.id}: ${JSON.stringify(result.error.issues)}`);
      }
    });
    expect(invalid).toEqual([]);
  });

  it('mixes how names were typed: ~55% Uzbek Latin, ~30% Uzbek Cyrillic, ~15% Russian spelling', () => {
    const latn = office.persons.filter((p) => p.surname.typed === 'latn').length;
    expect(share(latn, office.persons.length)).toBeGreaterThan(45);
    expect(share(latn, office.persons.length)).toBeLessThan(65);
    // Russian or Uzbek Cyrillic, told apart by surnames whose two spellings differ (Кадыров / Қодиров).
    let ru = 0;
    let uz = 0;
    for (const person of office.persons) {
      if (person.surname.typed !== 'cyrl') continue;
      const kind = cyrillicSpellingKind(person.surname.cyrl);
      expect(kind).toBeDefined();
      if (kind === 'ru') ru += 1;
      else if (kind === 'uz') uz += 1;
    }
    const cyrl = office.persons.length - latn;
    // Of the classifiable Cyrillic ones, a third (15 of 45) are Russian spellings.
    expect(share(ru, ru + uz)).toBeGreaterThan(33.3 - 10);
    expect(share(ru, ru + uz)).toBeLessThan(33.3 + 10);
    expect(share(cyrl, office.persons.length)).toBeGreaterThan(35);
    expect(share(cyrl, office.persons.length)).toBeLessThan(55);
    expect(cyrillicSpellingKind('Кадыров')).toBe('ru');
    expect(cyrillicSpellingKind('Қодиров')).toBe('uz');
    expect(cyrillicSpellingKind('Каримов')).toBe('both');
  });

  it('fills the other script by transliteration, and Russian spellings get their Latin by cyrToLat', () => {
    const texts = new Set(office.persons.flatMap((p) => [p.surname, p.firstName, ...(p.patronymic ? [p.patronymic] : [])]));
    expect(texts.size).toBeGreaterThan(300);
    for (const text of texts) {
      if (text.typed === 'latn') expect(text.cyrl).toBe(latToCyr(text.latn));
      else expect(text.latn).toBe(cyrToLat(text.cyrl));
      expect(detectScript(text.latn)).toBe('latn');
      expect(detectScript(text.cyrl)).toBe('cyrl');
    }
    const russian = office.persons.find((p) => p.surname.cyrl === 'Ходжаев' || p.surname.cyrl === 'Кадыров' || p.surname.cyrl === 'Джураев');
    expect(russian).toBeDefined();
  });

  it('has very common surnames and patronymics of the -ovich/-ovna kind that match sex', () => {
    const counts = new Map<string, number>();
    for (const person of office.persons) {
      const stem = person.surname.latn.replace(/a$/u, '');
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(counts.size).toBeGreaterThan(100);
    expect(share(sorted[0]!, office.persons.length)).toBeGreaterThan(3);
    expect(share(sorted[0]! + sorted[1]! + sorted[2]!, office.persons.length)).toBeGreaterThan(9);
    for (const person of office.persons) {
      if (!person.patronymic) continue;
      expect(person.patronymic.latn).toMatch(person.sex === 'male' ? /(ovich|yevich|evich)$/u : /(ovna|yevna|evna)$/u);
      if (person.sex === 'female') expect(person.surname.latn).toMatch(/(ova|eva|yeva)$/u);
    }
  });

  it('builds plausible families: a head, 1–6 children (mean 2–3), ~4.5 persons, children with the father’s surname', () => {
    const members = byCase(office.memberships);
    const personById = new Map(office.persons.map((p) => [p.id, p]));
    let children = 0;
    let sameSurname = 0;
    let fatherLed = 0;
    let migrants = 0;
    let singles = 0;
    for (const kase of office.cases) {
      const list = members.get(kase.id)!;
      const kids = list.filter((m) => m.relation === 'child' || m.relation === 'stepchild' || m.relation === 'grandchild');
      expect(kids.length).toBeGreaterThanOrEqual(1);
      expect(kids.length).toBeLessThanOrEqual(7);
      children += kids.length;
      const head = personById.get(list.find((m) => m.relation === 'head')!.personId)!;
      const spouse = list.find((m) => m.relation === 'spouse');
      if (!spouse && list.some((m) => m.relation === 'child')) singles += 1;
      if (list.some((m) => personById.get(m.personId)!.migration)) migrants += 1;
      const headAge = ageOn(head.birthDate, today);
      if (head.sex === 'male') {
        expect(headAge).toBeGreaterThanOrEqual(20);
        expect(headAge).toBeLessThanOrEqual(56);
        for (const kid of list.filter((m) => m.relation === 'child')) {
          fatherLed += 1;
          if (personById.get(kid.personId)!.surname.latn.replace(/a$/u, '') === head.surname.latn) sameSurname += 1;
        }
      }
      for (const kid of kids) {
        const age = ageOn(personById.get(kid.personId)!.birthDate, today);
        expect(age).toBeGreaterThanOrEqual(0);
        expect(age).toBeLessThanOrEqual(23);
      }
      // The summary the case list shows.
      expect(kase.summary.head).toEqual({ surname: head.surname, firstName: head.firstName });
      expect(kase.summary.members).toBe(list.length);
      expect(kase.summary.children).toBe(list.filter((m) => ageOn(personById.get(m.personId)!.birthDate, today) < 18).length);
    }
    const mean = children / office.cases.length;
    expect(mean).toBeGreaterThan(2);
    expect(mean).toBeLessThan(3);
    const perFamily = office.persons.length / office.cases.length;
    expect(perFamily).toBeGreaterThan(4);
    expect(perFamily).toBeLessThan(5);
    expect(sameSurname / fatherLed).toBeGreaterThan(0.95);
    expect(share(migrants, office.cases.length)).toBeGreaterThan(5);
    expect(share(migrants, office.cases.length)).toBeLessThan(18);
    expect(share(singles, office.cases.length)).toBeGreaterThan(8);
    expect(share(singles, office.cases.length)).toBeLessThan(24);
  });
});

/** Replays a case's history through the stage machine, rebuilding each event from its entry. */
function replay(kase: FamilyCase, entries: CaseHistoryEntry[], fail: (message: string) => void): StageFacts {
  let facts: StageFacts = { stage: 'identification', eligibility: null, agreement: null, closure: null };
  const closes = entries.filter((e) => e.kind === 'close').length;
  let closeSeen = 0;
  for (const entry of entries.slice(1)) {
    const date = entry.createdAt.slice(0, 10) as IsoDate;
    let event: CaseEvent;
    switch (entry.kind) {
      case 'advance':
        event = { type: 'advance', to: entry.to as OpenStage, reason: entry.reason };
        break;
      case 'decideEligibility':
        event =
          entry.to === 'closed'
            ? { type: 'decideEligibility', decision: 'notEligible', reason: entry.reason, date }
            : { type: 'decideEligibility', decision: 'eligible', reason: entry.reason, date, criteria: kase.eligibility?.confirmedCriteria ?? kase.vulnerability, ...(kase.eligibility?.riskLevel ? { riskLevel: kase.eligibility.riskLevel } : {}) };
        break;
      case 'signAgreement':
        event = { type: 'signAgreement', signedDate: date, number: kase.agreement?.number ?? '?' };
        break;
      case 'close': {
        closeSeen += 1;
        // Only a close that ends the history made the case's closure; earlier ones were reopened.
        const outcome = closeSeen === closes && entries.at(-1) === entry && kase.closure ? kase.closure.outcome : 'refused';
        if (outcome === 'notEligible') fail(`${kase.caseNumber}: notEligible through close`);
        event = { type: 'close', outcome: outcome as 'refused', reason: entry.reason, date };
        break;
      }
      case 'reopen':
        event = { type: 'reopen', reason: entry.reason };
        break;
      case 'urgentAction':
        if (!entry.action || entry.action.dueDate < date) fail(`${kase.caseNumber}: urgent action`);
        event = { type: 'urgentAction', reason: entry.reason };
        break;
      default:
        fail(`${kase.caseNumber}: unexpected ${entry.kind}`);
        return facts;
    }
    const result = applyCaseEvent(facts, event, { today, userId: entry.createdBy });
    if (!result.ok) {
      fail(`${kase.caseNumber}: ${entry.kind} refused (${result.refusal})`);
      return facts;
    }
    if (result.change.from !== entry.from || result.change.to !== entry.to) fail(`${kase.caseNumber}: ${entry.kind} ${entry.from}→${entry.to}`);
    facts = result.facts;
  }
  return facts;
}

describe('generateOffice: cases and their history', () => {
  const history = byCase(office.history);
  const members = byCase(office.memberships);
  const personById = new Map<string, Person>(office.persons.map((p) => [p.id, p]));

  it('numbers cases uniquely per installation and year, in creation order', () => {
    for (const data of [office, regional]) {
      const numbers = data.cases.map((c) => c.caseNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      const sequences = new Map<string, { at: string; seq: number }[]>();
      for (const kase of data.cases) {
        const match = /^(\d{7})-([0-9A-F]{4})-(\d{4})-(\d{4,})$/u.exec(kase.caseNumber);
        expect(match).not.toBeNull();
        const [, district, installation, year, seq] = match!;
        expect(district).toBe(kase.custody.districtCode);
        expect(installation).toBe(kase.installationId.slice(0, 4).toUpperCase());
        expect(year).toBe(kase.createdAt.slice(0, 4));
        const key = `${installation}-${year}`;
        sequences.set(key, [...(sequences.get(key) ?? []), { at: kase.createdAt, seq: Number(seq) }]);
      }
      for (const list of sequences.values()) {
        list.sort((a, b) => a.seq - b.seq);
        expect(list.map((x) => x.seq)).toEqual(list.map((_, i) => i + 1));
        for (let i = 1; i < list.length; i += 1) expect(list[i]!.at >= list[i - 1]!.at).toBe(true);
      }
    }
  });

  it('keeps stage facts consistent with the stage', () => {
    const agreementFrom = stageIndex('inDepthAssessment');
    for (const kase of office.cases) {
      const stage = stageIndex(kase.stage);
      expect(kase.closure !== null).toBe(kase.stage === 'closed');
      if (kase.stage === 'identification') expect(kase.eligibility).toBeNull();
      if (kase.stage !== 'closed' && stage >= stageIndex('agreement')) expect(kase.eligibility?.decision).toBe('eligible');
      if (kase.stage !== 'closed' && stage >= agreementFrom) expect(kase.agreement).not.toBeNull();
      if (kase.agreement) {
        expect(kase.stage === 'closed' || stage >= stageIndex('agreement')).toBe(true);
        expect(kase.eligibility?.decision).toBe('eligible');
        expect(kase.agreement.signedDate >= kase.eligibility!.date).toBe(true);
      }
      expect(kase.closure?.outcome === 'notEligible').toBe(kase.eligibility?.decision === 'notEligible');
      if (kase.eligibility) expect(kase.eligibility.decidedBy).toBe(kase.caseManagerId);
      for (const code of kase.vulnerability) expect(isVulnerabilityCode(code)).toBe(true);
      expect(kase.vulnerability.length).toBeGreaterThanOrEqual(1);
      expect(kase.vulnerability.length).toBeLessThanOrEqual(4);
      expect(new Set(kase.vulnerability).size).toBe(kase.vulnerability.length);
    }
  });

  it('has a history that replays through the stage machine to the case’s facts', () => {
    const wrong = problems((fail) => {
      for (const kase of office.cases) {
        const entries = history.get(kase.id)!;
        const first = entries[0]!;
        if (first.kind !== 'created' || first.from !== null || first.to !== 'identification' || first.createdAt !== kase.createdAt) fail(`${kase.caseNumber}: first entry`);
        for (let i = 1; i < entries.length; i += 1) {
          if (entries[i]!.createdAt < entries[i - 1]!.createdAt) fail(`${kase.caseNumber}: history out of order`);
          if (entries[i]!.from !== entries[i - 1]!.to) fail(`${kase.caseNumber}: broken chain at ${i}`);
        }
        if (entries.at(-1)!.to !== kase.stage) fail(`${kase.caseNumber}: ends at ${entries.at(-1)!.to}, case at ${kase.stage}`);
        const facts = replay(kase, entries, fail);
        if (JSON.stringify(facts) !== JSON.stringify({ stage: kase.stage, eligibility: kase.eligibility, agreement: kase.agreement, closure: kase.closure })) {
          fail(`${kase.caseNumber}: replay gives ${JSON.stringify(facts)}`);
        }
        // Consent is taken when the family enters primary assessment.
        const firstAssessment = entries.find((e) => e.kind === 'advance' && e.to === 'primaryAssessment');
        if ((kase.consent?.date ?? null) !== (firstAssessment ? firstAssessment.createdAt.slice(0, 10) : null)) fail(`${kase.caseNumber}: consent`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('dates referrals within three years before today, before the case was opened', () => {
    const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    for (const kase of office.cases) {
      expect(kase.referral.date >= threeYearsAgo).toBe(true);
      expect(kase.referral.date <= kase.createdAt.slice(0, 10)).toBe(true);
    }
  });

  it('looks like a real office: a third closed, open cases mostly in implementation or monitoring, self-sufficiency the usual outcome', () => {
    const closed = office.cases.filter((c) => c.stage === 'closed');
    expect(share(closed.length, office.cases.length)).toBeGreaterThan(28);
    expect(share(closed.length, office.cases.length)).toBeLessThan(42);
    const open = office.cases.filter((c) => c.stage !== 'closed');
    const late = open.filter((c) => c.stage === 'implementation' || c.stage === 'monitoring');
    expect(share(late.length, open.length)).toBeGreaterThan(55);
    for (const stage of STAGES) expect(office.cases.some((c) => c.stage === stage)).toBe(true);
    const outcomes = new Map<string, number>();
    for (const kase of closed) outcomes.set(kase.closure!.outcome, (outcomes.get(kase.closure!.outcome) ?? 0) + 1);
    const [top] = [...outcomes].sort((a, b) => b[1] - a[1]);
    expect(top![0]).toBe('selfSufficient');
    for (const outcome of ['notEligible', 'movedAway', 'refused']) expect(outcomes.get(outcome)).toBeGreaterThan(0);
    expect(office.history.some((e) => e.kind === 'reopen')).toBe(true);
    expect(office.history.some((e) => e.kind === 'urgentAction')).toBe(true);
  });

  it('passes the app’s own case validation and stage requirements', () => {
    const schema = caseDraftSchema(today);
    const invalid = problems((fail) => {
      for (const kase of office.cases.slice(0, 600)) {
        const { address, phones, referral, vulnerability, riskLevel, consent, caseManagerId } = kase;
        const result = schema.safeParse({ address, phones, referral, vulnerability, riskLevel, consent, caseManagerId });
        if (!result.success) fail(`${kase.caseNumber}: ${JSON.stringify(result.error.issues)}`);
        // Phones are stored as normalizePhone leaves them.
        else if (JSON.stringify(result.data.phones) !== JSON.stringify(phones)) fail(`${kase.caseNumber}: phones ${phones.join()}`);
      }
      for (const kase of office.cases) {
        if (kase.stage === 'closed' || kase.stage === 'identification') continue;
        const list = members.get(kase.id)!.map((membership: Membership) => ({ membership, person: personById.get(membership.personId)! }));
        const missing = missingForStage(kase.stage, kase, list);
        if (missing.length > 0) fail(`${kase.caseNumber}: ${missing.join()}`);
      }
    });
    expect(invalid).toEqual([]);
  });
});
