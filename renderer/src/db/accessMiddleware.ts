import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { canDo, tableAccess } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { WriteSession } from './auditMiddleware';
import { grantOf, type Grant } from './grants';
import { isUpgrade } from './mutationKeys';

export const CREDENTIALS_TABLE = 'credentials';
const AUDIT_TABLE = 'audit';

/** Tables the app reads before anyone has logged in: the setup gate, the login screen. */
const READABLE_WITHOUT_SESSION = new Set(['settings', 'officeProfile', 'users', 'mahallas']);

/** Keys of settings that case work writes as a side effect (the case-number sequences). */
const CASE_COUNTER_KEY = /^caseSequence:/u;
/** The setting a supervisor's backup writes: when and to which file the last one was made. */
const LAST_BACKUP_KEY = 'lastBackup';
/** The setting every user's session writes after the PC's automatic backup. */
const LAST_AUTOMATIC_BACKUP_KEY = 'lastAutomaticBackup';

export type RefusalListener = (session: WriteSession | null, table: string, mode: 'read' | 'write') => void;

/**
 * The data layer's backstop for permissions, table by table (domain/access.ts `tableAccess`):
 * under the repositories' per-case checks, so no code path — a forgotten check, a future import —
 * can read or write a table the logged-in user's roles never may. The credentials table opens only
 * to transactions the accounts repository was granted (grants.ts); the audit only grows, except
 * for an administrator's purge. Refusals are reported to `onRefused` (the audit) and thrown as
 * `forbidden`.
 */
export function createAccessMiddleware(session: () => WriteSession | null, onRefused: RefusalListener): Middleware<DBCore> {
  const allowed = (table: string, mode: 'read' | 'write', trans: unknown, req?: DBCoreMutateRequest): boolean => {
    const granted: Grant | undefined = grantOf(trans);
    if (granted?.restore) return true;
    if (table === CREDENTIALS_TABLE) return !!granted?.credentials;
    const who = granted?.actor ?? session();
    if (table === AUDIT_TABLE && mode === 'write') {
      // Everyone's actions are appended (views, refusals, failed logins); changing entries is a purge's alone.
      return req?.type === 'add' || (!!who && canDo(who, 'manageOffice'));
    }
    // Before login the app reads what the gate and the login screen show.
    if (!who) return mode === 'read' && READABLE_WITHOUT_SESSION.has(table);
    if (tableAccess(who, table, mode)) return true;
    if (granted?.reports && mode === 'read' && table !== AUDIT_TABLE && canDo(who, 'readReports')) return true;
    if (granted?.automaticBackup && mode === 'read' && canDo(who, 'automaticBackup')) return true;
    if (table === 'settings' && mode === 'write' && !!req && canDo(who, 'automaticBackup') && settingKeys(req).every((key) => key === LAST_AUTOMATIC_BACKUP_KEY)) return true;
    if (table === AUDIT_TABLE && mode === 'read' && granted?.caseAudit) return true;
    if (table === 'settings' && mode === 'write' && !!req && canDo(who, 'backup') && settingKeys(req).every((key) => key === LAST_BACKUP_KEY)) return true;
    return table === 'settings' && mode === 'write' && !!req && canDo(who, 'caseCounters') && settingKeys(req).every((key) => CASE_COUNTER_KEY.test(key));
  };
  const refuse = (table: string, mode: 'read' | 'write') => {
    onRefused(session(), table, mode);
    return new DomainError('forbidden', `${mode} ${table}`);
  };

  return {
    stack: 'dbcore',
    name: 'access',
    // Above the audit and counters (their own writes go below it), below Dexie's layers. Synchronous checks only.
    level: -1,
    create(down) {
      // Databases opened at a schema older than accounts (only in migration tests) pass through.
      if (!down.schema.tables.some((table) => table.name === CREDENTIALS_TABLE)) return down;
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const guardRead =
            <R extends { trans: unknown }, T>(read: (req: R) => Promise<T>) =>
            (req: R): Promise<T> =>
              isUpgrade(req) || allowed(name, 'read', req.trans) ? read(req) : Promise.reject(refuse(name, 'read'));
          return {
            ...table,
            get: guardRead(table.get.bind(table)),
            getMany: guardRead(table.getMany.bind(table)),
            query: guardRead(table.query.bind(table)),
            openCursor: guardRead(table.openCursor.bind(table)),
            count: guardRead(table.count.bind(table)),
            mutate(req) {
              if (isUpgrade(req) || allowed(name, 'write', req.trans, req)) return table.mutate(req);
              return Promise.reject(refuse(name, 'write'));
            },
          } satisfies DBCoreTable;
        },
      };
    },
  };
}

function settingKeys(req: DBCoreMutateRequest): string[] {
  if (req.type === 'add' || req.type === 'put') return req.values.map((value) => String((value as { key?: unknown }).key));
  if (req.type === 'delete') return req.keys.map(String);
  return ['*'];
}
