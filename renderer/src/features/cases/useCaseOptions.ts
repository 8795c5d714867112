import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { HamkorlikDb } from '../../db/db';
import { searchCases } from '../../db/repositories/caseSearch';
import type { FamilyCase } from '../../domain/familyCase';

/** How many cases a picker offers at once: the user types more to narrow. */
const OFFERED = 30;

/**
 * The cases a picker offers as the user types: the case search's hits for the text, or `browse`'s
 * cases while nothing is typed (keep `browse` stable, e.g. with useCallback). `searched` stays false
 * until the text typed now — and the current `browse` — has been answered: until then the picker
 * shows no options, because the last answer's cases would still be on screen and a quick click
 * could pick a family the user did not mean. `failed` says the answer is a search that failed, so
 * the picker says so instead of "no cases found" (typing again searches again).
 */
export function useCaseOptions(input: string, browse: (db: HamkorlikDb, limit: number) => Promise<FamilyCase[]>, enabled = true): { cases: FamilyCase[]; searched: boolean; failed: boolean } {
  const { db } = useServices();
  const [answer, setAnswer] = useState<{ text: string; browse: typeof browse; cases: FamilyCase[]; failed: boolean } | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const text = input.trim();
    // A short pause, so a name typed quickly is searched once.
    const timer = setTimeout(() => {
      const cases = text ? searchCases(db, text, OFFERED).then((result) => result.hits.map((hit) => hit.kase)) : browse(db, OFFERED);
      cases.then(
        (found) => current && setAnswer({ text, browse, cases: found, failed: false }),
        (error: unknown) => {
          console.error('case search failed', error);
          if (current) setAnswer({ text, browse, cases: [], failed: true });
        },
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [db, input, browse, enabled]);

  const searched = answer !== null && answer.text === input.trim() && answer.browse === browse;
  return { cases: searched ? answer.cases : [], searched, failed: searched && answer.failed };
}
