import { describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { rowsOf } from './PackageSummary';

describe('the counts a picked file shows', () => {
  it('reference entries count under their table, bookkeeping and unnamed tables as one "other" row', async () => {
    // Named as the summary names them: a table with a name of its own in the UI's language.
    const i18n = await initI18n('ru');
    const named = (table: string) => i18n.exists(`exchange:tables.${table}`);
    const rows = rowsOf({ cases: 2, persons: 7, users: 1, ref_users: 3, ref_mahallas: 2, ref_teams: 1, transfer: 1, lineage: 4, somethingNew: 5 }, named);
    expect(rows).toEqual({ cases: 2, persons: 7, users: 4, mahallas: 2, teams: 1, other: 10 });
    // Nothing is lost in the grouping: the rows add up to the file's records.
    expect(Object.values(rows).reduce((a, b) => a + b, 0)).toBe(26);
    // A table called "other" joins the other row rather than hiding it.
    expect(rowsOf({ other: 2, lineage: 1 }, named)).toEqual({ other: 3 });
  });
});
