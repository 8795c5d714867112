import type { HamkorlikDb } from '../db';
import type { FamilyCase } from '../../domain/familyCase';
import { foldVariants, KEY_PREFIX, parseQuery, type QueryToken } from '../../domain/searchKey';

export interface SearchHit {
  kase: FamilyCase;
  score: number;
  /** Whether the head of the family matches every name word (such families come first among equals). */
  headMatch: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when the query was too broad to rank every match: the user should type more. */
  truncated: boolean;
}

/** Ids read from one index range before a word counts as "too broad to narrow with". */
const MAX_IDS_PER_RANGE = 20_000;
const NO_MATCH = 4;

interface TokenMatches {
  /** Best tier of this word per case id. */
  tiers: Map<string, number>;
  /** Cases whose head matches this word. */
  head: Set<string>;
  /** False when a range held more ids than were read: the word cannot narrow the candidates. */
  complete: boolean;
}

/**
 * Finds cases by any member's name in any spelling, PINFL or case number, as the user types.
 * Everything is decided from the persisted `searchKeys` index with batched key-only reads: for each
 * word, which cases have a key equal to it or starting with it, raw or folded, and whether the head
 * matches. Only the cases shown are read. Ranking: exact, then prefix, then folded (see searchKey.ts);
 * among equals, families whose head matches first.
 */
export async function searchCases(db: HamkorlikDb, text: string, limit = 50): Promise<SearchResult> {
  const query = parseQuery(text);
  if (query.tokens.length === 0) return { hits: [], truncated: false };
  const matches = await Promise.all(query.tokens.map((token) => matchToken(db, token)));

  // Narrow with the complete words, smallest first; if every word is too broad, keep the first one's matches.
  const complete = matches.filter((m) => m.complete).sort((a, b) => a.tiers.size - b.tiers.size);
  const base = complete[0] ?? matches[0]!;
  const scored: { id: string; score: number; headMatch: boolean }[] = [];
  for (const id of base.tiers.keys()) {
    let worst = 0;
    let sum = 0;
    let headMatch = true;
    let matchedAll = true;
    for (const token of matches) {
      const tier = token.tiers.get(id);
      if (tier === undefined) {
        if (token.complete) {
          matchedAll = false;
          break;
        }
        // A broad word's ids were cut short: it may still match; rank it as the weakest match.
        worst = NO_MATCH;
        sum += NO_MATCH;
        headMatch = false;
        continue;
      }
      if (tier > worst) worst = tier;
      sum += tier;
      if (!token.head.has(id)) headMatch = false;
    }
    if (matchedAll) scored.push({ id, score: worst * query.stride + sum, headMatch });
  }
  scored.sort((a, b) => a.score - b.score || Number(b.headMatch) - Number(a.headMatch) || (a.id < b.id ? -1 : 1));

  const top = scored.slice(0, limit);
  const records = await db.cases.bulkGet(top.map((entry) => entry.id));
  const hits: SearchHit[] = [];
  top.forEach((entry, index) => {
    const kase = records[index];
    if (kase && !kase.deletedAt) hits.push({ kase, score: entry.score, headMatch: entry.headMatch });
  });
  // Within what is shown, equal matches read alphabetically by the head's name.
  hits.sort((a, b) => a.score - b.score || Number(b.headMatch) - Number(a.headMatch) || a.kase.sortName.localeCompare(b.kase.sortName));
  return { hits, truncated: matches.some((m) => !m.complete) || scored.length > limit };
}

async function matchToken(db: HamkorlikDb, token: QueryToken): Promise<TokenMatches> {
  const index = db.cases.where('searchKeys');
  const tiers = new Map<string, number>();
  let complete = true;
  const note = (ids: string[], tier: number) => {
    for (const id of ids) {
      const current = tiers.get(id);
      if (current === undefined || tier < current) tiers.set(id, tier);
    }
  };
  const headPrefixes = token.kind === 'name' ? foldVariants(token.text).filter(Boolean).map((variant) => KEY_PREFIX.head + variant) : [];
  const [probeResults, headResults] = await Promise.all([
    Promise.all(
      token.probes.map(async (probe) => {
        const [exact, prefixed] = await Promise.all([
          index.equals(probe.prefix).primaryKeys(),
          index.startsWith(probe.prefix).limit(MAX_IDS_PER_RANGE + 1).primaryKeys(),
        ]);
        return { probe, exact, prefixed };
      }),
    ),
    Promise.all(headPrefixes.map((prefix) => index.startsWith(prefix).limit(MAX_IDS_PER_RANGE).primaryKeys())),
  ]);
  for (const { probe, exact, prefixed } of probeResults) {
    if (prefixed.length > MAX_IDS_PER_RANGE) complete = false;
    note(prefixed.slice(0, MAX_IDS_PER_RANGE), probe.partial);
    note(exact, probe.exact);
  }
  return { tiers, head: new Set(headResults.flat()), complete };
}
