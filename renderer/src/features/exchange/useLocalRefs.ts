import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { listSpecialists } from '../../db/repositories/directory';
import { listMahallas } from '../../db/repositories/mahallas';
import { listUsers } from '../../db/repositories/users';
import type { Specialist } from '../../domain/directory';
import type { Mahalla } from '../../domain/mahalla';
import type { User } from '../../domain/user';

/** This office's records a transfer's reference entries are matched to and its conflicts are named by. */
export interface LocalRefs {
  /** Every account, inactive ones too: an old case manager is still named; only active ones are offered for a match. */
  users: readonly User[];
  mahallas: readonly Mahalla[];
  /** Removed ones too, for naming; only current ones are offered for a match. */
  specialists: readonly Specialist[];
}

export const NO_LOCAL_REFS: LocalRefs = { users: [], mahallas: [], specialists: [] };

/** The office's accounts, mahallas and specialists, kept current; undefined while the first read runs. */
export function useLocalRefs(): LocalRefs | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => ({ users: await listUsers(db), mahallas: await listMahallas(db), specialists: await listSpecialists(db, { withRemoved: true }) }), [db]);
}
