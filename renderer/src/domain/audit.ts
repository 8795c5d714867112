/**
 * The audit trail's record: who changed which record of which table, when, and how — field by
 * field, from what to what. Written below the repositories (db/auditMiddleware.ts), so every
 * write path is covered whether it comes from a form, an import, a merge or a restore.
 */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Changes (create, update, delete, bulk) are written by the audit middleware under every write;
 * the others by the app: a case viewed (the access log the law asks for), an action refused for
 * lack of permission, logins, failed logins and logouts.
 */
export type AuditOp = 'create' | 'update' | 'delete' | 'bulk' | 'view' | 'refused' | 'login' | 'loginFailed' | 'logout';
export const AUDIT_OPS: readonly AuditOp[] = ['create', 'update', 'delete', 'bulk', 'view', 'refused', 'login', 'loginFailed', 'logout'];

export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  installationId: string;
  table: string;
  recordId: string;
  op: AuditOp;
  changes: AuditChange[];
  /** For bulk writes (imports, restores): what the batch was, and how many records it wrote. */
  bulk?: { kind: string; count: number; recordIds: string[] };
  /** For refusals: what was refused (`read cases`, `change case`); for failed logins: the username typed. */
  detail?: string;
}

/** Fields whose values never enter the audit: that they changed is recorded, not what to. */
// A document's bytes are not secret, but a copy in the audit would double the database; the register has them.
const SECRET_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = { credentials: new Set(['hash']), documentFiles: new Set(['bytes']) };

/**
 * Settings whose value never enters the audit: the office's wrapped exchange keys. They are not the
 * key itself, but an old wrapped copy kept forever would let a leaked old passphrase open the key.
 */
const SECRET_SETTINGS: ReadonlySet<string> = new Set(['exchangeKeys']);

export function redactSecrets(table: string, changes: AuditChange[], recordId?: string): AuditChange[] {
  const secret = table === 'settings' && recordId !== undefined && SECRET_SETTINGS.has(recordId) ? new Set(['value']) : SECRET_FIELDS[table];
  return secret ? changes.map((change) => (secret.has(change.field) ? { field: change.field, from: null, to: null } : change)) : changes;
}

/** Fields that change on every write or are derived; listing them would bury the real changes. */
export const UNAUDITED_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'updatedBy', 'rev', 'searchKeys', 'summary', 'dupKey', 'sortName']);

/** Field-level differences between two versions of a record (top-level fields; nested values compared whole). */
export function diffRecords(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (UNAUDITED_FIELDS.has(field)) continue;
    const from = before?.[field];
    const to = after?.[field];
    if (!sameValue(from, to)) changes.push({ field, from: from ?? null, to: to ?? null });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
