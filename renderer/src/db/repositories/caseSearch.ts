import type { HamkorlikDb } from '../db';
import type { FamilyCase } from '../../domain/familyCase';
import { nameSearchKeys, parseQuery, rankCandidate, type QueryToken } from '../../domain/searchKey';

export interface SearchHit {
  kase: FamilyCase;
  score: number;
  /** How well the head of the family alone matches (null: only another member matched). */
  headScore: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when the query was too broad to rank every match: the user should type more. */
  truncated: boolean;
}

/** Ids read from the index per token before it counts as "too broad to narrow with". */
const MAX_IDS_PER_TOKEN = 20_000;
/** Records read and ranked per keystroke at most; beyond this the query is too broad anyway. */
const MAX_RANKED = 600;

/**
 * Finds cases by any member's name in any spelling, PINFL or case number, as the user types.
 * Each query word is looked up in the persisted `searchKeys` index (ids only, no records), the id
 * sets are intersected, and only the survivors are read and ranked: exact, then prefix, then folded.
 */
export async function searchCases(db: HamkorlikDb, text: string, limit = 50): Promise<SearchResult> {
  const query = parseQuery(text);
  if (query.tokens.length === 0) return { hits: [], truncated: false };

  const sets = await Promise.all(query.tokens.map((token) => idsFor(db, token)));
  const bounded = sets.filter((set) => !set.overflow).sort((a, b) => a.ids.size - b.ids.size);
  let candidates: string[];
  let truncated = false;
  if (bounded.length) {
    const [smallest, ...others] = bounded;
    candidates = [...smallest!.ids].filter((id) => others.every((other) => other.ids.has(id)));
  } else {
    // Every word is a one- or two-letter prefix: take the first matches in index (alphabetical) order.
    candidates = [...sets[0]!.ids];
    truncated = true;
  }
  if (candidates.length > MAX_RANKED) {
    candidates = candidates.slice(0, MAX_RANKED);
    truncated = true;
  }

  const records = await db.cases.bulkGet(candidates);
  const hits: SearchHit[] = [];
  for (const kase of records) {
    if (!kase || kase.deletedAt) continue;
    const score = rankCandidate(query, kase.searchKeys);
    if (score === null) continue;
    const head = kase.summary.head;
    const headScore = head ? rankCandidate(query, nameSearchKeys([head.surname.latn, head.surname.cyrl, head.firstName.latn, head.firstName.cyrl])) : null;
    hits.push({ kase, score, headScore });
  }
  // Equally good matches: families whose head matches come first, then by the head's name.
  hits.sort((a, b) => a.score - b.score || headRank(a) - headRank(b) || a.kase.sortName.localeCompare(b.kase.sortName));
  return { hits: hits.slice(0, limit), truncated: truncated || hits.length > limit };
}

const headRank = (hit: SearchHit) => hit.headScore ?? Number.MAX_SAFE_INTEGER;

async function idsFor(db: HamkorlikDb, token: QueryToken): Promise<{ ids: Set<string>; overflow: boolean }> {
  const ids = new Set<string>();
  let overflow = false;
  for (const { prefix } of token.ranges) {
    const keys = await db.cases.where('searchKeys').startsWith(prefix).limit(MAX_IDS_PER_TOKEN + 1).primaryKeys();
    if (keys.length > MAX_IDS_PER_TOKEN) overflow = true;
    for (const key of keys) ids.add(key);
  }
  return { ids, overflow };
}
