import type { HamkorlikDb } from '../db';
import { canOnCase, readsAllCases } from '../../domain/access';
import type { FamilyCase } from '../../domain/familyCase';
import { requireOffice } from './guard';
import { foldVariants, KEY_PREFIX, parseQuery, rankCandidate, rawToken, type QueryToken, type SearchQuery } from '../../domain/searchKey';

export interface SearchHit {
  kase: FamilyCase;
  /** Lower is better: the match tier (exact, prefix, folded exact, folded prefix …), see below. */
  score: number;
  /** Whether the match was on the head of the family (such families come first among equals). */
  headMatch: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when more cases match than were returned: the user may type more. */
  truncated: boolean;
}

/** Candidates read for queries that must be checked against records (3+ words, numbers with words). */
const VERIFY_WINDOW = 400;

/**
 * The last letter typed may be the start of a letter pair that folds to one letter ("S" of "Sh",
 * "K" of "Kh"): its folded prefix is widened to what the pair would fold to, so the results do not
 * vanish for one keystroke.
 */
const PAIR_STARTS: Record<string, string[]> = { s: ['š'], c: ['č'], k: ['h'], d: ['j'], z: ['j'], t: ['s', 'š'] };

function foldedPrefixes(token: QueryToken, last: boolean): string[] {
  const variants = foldVariants(token.text).filter(Boolean);
  if (!last) return variants;
  const widened = new Set(variants);
  for (const variant of variants) for (const next of PAIR_STARTS[variant.at(-1) ?? ''] ?? []) widened.add(variant.slice(0, -1) + next);
  return [...widened];
}

interface Range {
  key: string;
  exact: boolean;
  score: number;
  head: boolean;
}

/**
 * Finds cases by any member's name in any spelling, PINFL or case number, as the user types —
 * from the persisted `searchKeys` index, reading only as many keys as will be shown:
 * - one word: ranges in rank order (exact spelling, then prefix, then folded exact, then folded
 *   prefix; at each level the head of the family first), each read only up to the limit;
 * - two words: the surname–first-name pair keys (either order), head pairs first;
 * - more words, or a number with words: a window of candidates from the narrowest range, checked
 *   against each record's keys.
 */
export async function searchCases(db: HamkorlikDb, text: string, limit = 50): Promise<SearchResult> {
  const actor = requireOffice(db, 'listCases');
  if (readsAllCases(actor)) return searchAll(db, text, limit);
  // A user who reads part of the office sees only their cases among the hits; reading a wider
  // window keeps the page full when other mahallas' families rank first.
  const wide = await searchAll(db, text, limit * 8);
  const hits = wide.hits.filter((hit) => canOnCase(actor, 'read', hit.kase));
  return { hits: hits.slice(0, limit), truncated: hits.length > limit || wide.truncated };
}

async function searchAll(db: HamkorlikDb, text: string, limit: number): Promise<SearchResult> {
  const query = parseQuery(text);
  if (query.tokens.length === 0) return { hits: [], truncated: false };
  const names = query.tokens.filter((token) => token.kind === 'name');
  const ids = query.tokens.filter((token) => token.kind === 'id');

  return db.transaction('r', db.cases, async () => {
    if (ids.length === 0 && names.length === 1) return fromRanges(db, singleWordRanges(names[0]!), limit);
    if (ids.length === 0 && names.length === 2) return fromRanges(db, pairRanges(names[0]!, names[1]!), limit);
    if (ids.length === 1 && names.length === 0) return fromRanges(db, idRanges(ids[0]!), limit);
    const narrowest = ids[0] ? idRanges(ids[0]) : names.length >= 2 ? pairRanges(names[0]!, names[1]!) : singleWordRanges(names[0]!);
    return verified(db, query, narrowest, limit);
  });
}

function singleWordRanges(token: QueryToken): Range[] {
  const raw = rawToken(token.text);
  const folded = foldedPrefixes(token, true);
  const ranges: Range[] = [];
  for (const [exact, score] of [
    [true, 0],
    [false, 1],
  ] as const) {
    ranges.push({ key: KEY_PREFIX.headRaw + raw, exact, score, head: true }, { key: KEY_PREFIX.raw + raw, exact, score, head: false });
  }
  for (const [exact, score] of [
    [true, 2],
    [false, 3],
  ] as const) {
    for (const head of [true, false]) for (const variant of folded) ranges.push({ key: (head ? KEY_PREFIX.headFolded : KEY_PREFIX.folded) + variant, exact, score, head });
  }
  return ranges;
}

function pairRanges(first: QueryToken, second: QueryToken): Range[] {
  const ranges: Range[] = [];
  for (const head of [true, false]) {
    for (const a of foldedPrefixes(first, false)) {
      for (const b of foldedPrefixes(second, true)) ranges.push({ key: `${head ? KEY_PREFIX.headPair : KEY_PREFIX.pair}${a} ${b}`, exact: false, score: 3, head });
    }
  }
  return ranges;
}

function idRanges(token: QueryToken): Range[] {
  return token.probes.flatMap((probe) => [
    { key: probe.prefix, exact: true, score: 0, head: false },
    { key: probe.prefix, exact: false, score: 1, head: false },
  ]);
}

/** Reads the ranges in order, each up to what is still needed, and shows the cases found. */
async function fromRanges(db: HamkorlikDb, ranges: Range[], limit: number): Promise<SearchResult> {
  const found = new Map<string, { score: number; head: boolean }>();
  let truncated = false;
  const index = db.cases.where('searchKeys');
  for (const range of ranges) {
    const need = limit - found.size;
    if (need <= 0) {
      truncated = true;
      break;
    }
    const collection = range.exact ? index.equals(range.key) : index.startsWith(range.key);
    // Earlier ranges may already hold some of these cases: read enough to still find `need` new ones.
    const keys = await collection.limit(limit).primaryKeys();
    for (const id of keys) if (!found.has(id) && found.size < limit) found.set(id, { score: range.score, head: range.head });
  }
  truncated ||= found.size >= limit;
  const entries = [...found.entries()].slice(0, limit);
  const records = await db.cases.bulkGet(entries.map(([id]) => id));
  const hits: SearchHit[] = [];
  entries.forEach(([, rank], i) => {
    const kase = records[i];
    if (kase && !kase.deletedAt) hits.push({ kase, score: rank.score, headMatch: rank.head });
  });
  hits.sort(byRank);
  return { hits, truncated };
}

/** For queries the index cannot answer alone: a window of candidates checked against their keys. */
async function verified(db: HamkorlikDb, query: SearchQuery, ranges: Range[], limit: number): Promise<SearchResult> {
  const ids = new Set<string>();
  const index = db.cases.where('searchKeys');
  for (const range of ranges) {
    if (ids.size >= VERIFY_WINDOW) break;
    for (const id of await index.startsWith(range.key).limit(VERIFY_WINDOW).primaryKeys()) ids.add(id);
  }
  const hits: SearchHit[] = [];
  for (const kase of await db.cases.bulkGet([...ids].slice(0, VERIFY_WINDOW))) {
    if (!kase || kase.deletedAt) continue;
    const score = rankCandidate(query, kase.searchKeys);
    if (score !== null) hits.push({ kase, score, headMatch: headMatches(query, kase.searchKeys) });
  }
  hits.sort(byRank);
  return { hits: hits.slice(0, limit), truncated: ids.size >= VERIFY_WINDOW || hits.length > limit };
}

function headMatches(query: SearchQuery, keys: readonly string[]): boolean {
  const head = keys.filter((key) => key.startsWith(KEY_PREFIX.headRaw) || key.startsWith(KEY_PREFIX.headFolded)).map((key) => (key.startsWith(KEY_PREFIX.headRaw) ? KEY_PREFIX.raw : KEY_PREFIX.folded) + key.slice(2));
  const names = { ...query, tokens: query.tokens.filter((token) => token.kind === 'name') };
  return names.tokens.length > 0 && rankCandidate(names, head) !== null;
}

const byRank = (a: SearchHit, b: SearchHit) => a.score - b.score || Number(b.headMatch) - Number(a.headMatch) || a.kase.sortName.localeCompare(b.kase.sortName);
