import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { Actor } from '../domain/access';
import { diffRecords, redactSecrets, type AuditEntry } from '../domain/audit';
import { DomainError } from '../domain/errors';
import { grantOf } from './grants';
import { isUpgrade, mutationKeys } from './mutationKeys';

/** Who is working: set at first-run setup and at login, cleared at logout. */
export interface WriteSession extends Actor {
  installationId: string;
}

export const AUDIT_TABLE = 'audit';
/**
 * Not audited: derived counters kept by another middleware from audited writes, and the exchange's
 * base copies — each a copy of a record whose own writes are audited, kept only for the next merge;
 * auditing them would store every transferred record in the audit a second time.
 */
const UNAUDITED_TABLES = new Set(['caseStats', 'exchangeBases']);

/**
 * Dexie middleware that audits every write to every table, in the same transaction as the write:
 * it adds the audit table to each read-write transaction, reads the records' previous versions,
 * lets the write through, then stores field-level changes. A write without a session is refused,
 * so no change can be anonymous. Schema upgrades are not audited (they run before any session).
 */
export function createAuditMiddleware(session: () => WriteSession | null, now: () => Date = () => new Date()): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'audit',
    // Below Dexie's own middlewares (cache, observability): they need Dexie's async zone, which
    // this middleware's awaits leave. The cost: live queries are not woken by audit rows alone.
    level: -2,
    create(down) {
      // Databases opened at a schema older than the audit table (only in migration tests) pass through.
      if (!down.schema.tables.some((table) => table.name === AUDIT_TABLE)) return down;
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope = mode === 'readwrite' && !stores.includes(AUDIT_TABLE) ? [...stores, AUDIT_TABLE] : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name === AUDIT_TABLE || UNAUDITED_TABLES.has(name)) return table;
          return { ...table, mutate: (req) => auditedMutate(down, table, req, session, now) };
        },
      };
    },
  };
}

async function auditedMutate(
  core: DBCore,
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  session: () => WriteSession | null,
  now: () => Date,
) {
  if (isUpgrade(req)) return table.mutate(req);
  // A transaction granted an actor (a failed login, before anyone is logged in) writes as that actor;
  // one granted bulk mode (imports, purges) gets one summary entry per table instead of one per record.
  const granted = grantOf(req.trans);
  if (granted?.restore) return table.mutate(req);
  const who = granted?.actor ?? session();
  const bulk = granted?.bulk;
  if (!who) throw new DomainError('noSession', `write to ${table.name} without a user`);

  const keys = await mutationKeys(table, req);
  // New records and bulk batches have no previous version worth reading.
  const before = keys.length && req.type !== 'add' && !bulk ? await table.getMany({ trans: req.trans, keys }) : [];
  const response = await table.mutate(req);
  const afterByKey = new Map<unknown, unknown>();
  if (req.type === 'add' || req.type === 'put') {
    const extract = table.schema.primaryKey.extractKey;
    req.values.forEach((value, index) => afterByKey.set(extract ? extract(value) : (req.keys?.[index] ?? response.results?.[index]), value));
  }

  const at = now().toISOString();
  const base = { at, userId: who.userId, installationId: who.installationId, table: table.name };
  let entries: AuditEntry[];
  if (bulk) {
    const recordIds = (keys.length ? keys : [...afterByKey.keys()]).map(String);
    entries = [{ ...base, id: crypto.randomUUID(), recordId: '*', op: 'bulk', changes: [], bulk: { kind: bulk.kind, count: recordIds.length, recordIds } }];
  } else {
    entries = [];
    const allKeys = keys.length ? keys : [...afterByKey.keys()];
    allKeys.forEach((key, index) => {
      const previous = before[index] as Record<string, unknown> | undefined;
      const next = (req.type === 'delete' || req.type === 'deleteRange' ? undefined : afterByKey.get(key)) as Record<string, unknown> | undefined;
      const changes = redactSecrets(table.name, diffRecords(previous, next), String(key));
      if (!changes.length && previous) return; // a rewrite that changed nothing worth recording
      const op = !previous ? 'create' : next ? 'update' : 'delete';
      entries.push({ ...base, id: crypto.randomUUID(), recordId: String(key), op, changes });
    });
  }
  if (entries.length) await core.table(AUDIT_TABLE).mutate({ type: 'add', trans: req.trans, values: entries });
  return response;
}
