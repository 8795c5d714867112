import { useLiveQuery } from 'dexie-react-hooks';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import { myWork, type MyWork } from '../../db/repositories/myWork';
import { canDo } from '../../domain/access';
import { toIsoDate } from '../../domain/dates';

/** The logged-in user's work for today, live: overdue and due cases, approvals waiting. */
export function useMyWork(): MyWork | undefined {
  const { db } = useServices();
  const actor = useActor();
  const today = toIsoDate(new Date());
  return useLiveQuery(() => (actor && canDo(actor, 'listCases') ? myWork(db, today) : undefined), [db, actor, today]);
}
