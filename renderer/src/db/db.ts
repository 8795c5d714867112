import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { AuditEntry, AuditOp } from '../domain/audit';
import { DomainError } from '../domain/errors';
import type { Assessment } from '../domain/assessment';
import type { CaseConference, MonitoringRecord, Placement, ServiceRecord } from '../domain/caseWork';
import type { Agency, MahallaTeam, Specialist, WorkingGroup } from '../domain/directory';
import type { DocumentFile, DocumentRecord, DocumentTextOverride } from '../domain/documentRegister';
import type { CaseHistoryEntry, FamilyCase } from '../domain/familyCase';
import type { Mahalla } from '../domain/mahalla';
import type { Membership, Person } from '../domain/person';
import type { WriteContext } from '../domain/record';
import type { OfficeProfile } from '../domain/office';
import type { FamilyPlan, PlanRevision } from '../domain/plan';
import type { ExchangeBase, ExchangeLogEntry } from '../domain/exchange';
import type { User } from '../domain/user';
import { createAccessMiddleware } from './accessMiddleware';
import { createAuditMiddleware, type WriteSession } from './auditMiddleware';
import { createCaseStatsMiddleware, type CaseStat } from './caseStatsMiddleware';
import { createFieldsMiddleware } from './fieldsMiddleware';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

/**
 * An account's password, apart from the user record: an Argon2id hash in the encoded form that
 * carries its own parameters, and the failed-login count that drives the delay. Keyed by user id.
 * Only the accounts repository reads or writes it (the access middleware enforces that).
 */
export interface Credential {
  id: string;
  hash: string;
  changedAt: string;
  /** Set when an administrator set the password: the user chooses their own at the next login. */
  mustChange: boolean;
  failedAttempts: number;
  lastFailedAt: string | null;
}

/** A key–value setting of the office (its data is carried by backups, unlike UI preferences). */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The office database. Opened through the active-database pointer (see activeDatabase.ts), never
 * by a fixed name, so that a restore can be staged into a new database and swapped in.
 * Writes use strict durability: a case file saved before a power cut must still be there after it.
 * Every write is audited and needs a session (who is writing, on which installation).
 */
export class HamkorlikDb extends Dexie {
  officeProfile!: Table<OfficeProfile, string>;
  settings!: Table<Setting, string>;
  users!: Table<User, string>;
  mahallas!: Table<Mahalla, string>;
  cases!: Table<FamilyCase, string>;
  persons!: Table<Person, string>;
  memberships!: Table<Membership, string>;
  caseHistory!: Table<CaseHistoryEntry, string>;
  audit!: Table<AuditEntry, string>;
  caseStats!: Table<CaseStat, string>;
  credentials!: Table<Credential, string>;
  agencies!: Table<Agency, string>;
  specialists!: Table<Specialist, string>;
  teams!: Table<MahallaTeam, string>;
  workingGroup!: Table<WorkingGroup, string>;
  documents!: Table<DocumentRecord, string>;
  documentFiles!: Table<DocumentFile, string>;
  documentTexts!: Table<DocumentTextOverride, string>;
  assessments!: Table<Assessment, string>;
  plans!: Table<FamilyPlan, string>;
  planRevisions!: Table<PlanRevision, string>;
  services!: Table<ServiceRecord, string>;
  monitorings!: Table<MonitoringRecord, string>;
  conferences!: Table<CaseConference, string>;
  placements!: Table<Placement, string>;
  exchangeBases!: Table<ExchangeBase, string>;
  exchangeLog!: Table<ExchangeLogEntry, string>;

  /** Who is writing; set when a user starts working. Writes without one are refused. */
  session: WriteSession | null = null;
  /** The clock records are stamped with; tests fix it. */
  clock: () => Date = () => new Date();

  constructor(name: string, options: DexieOptions = {}, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const version of versions) {
      const declared = this.version(version.version).stores(version.stores);
      if (version.upgrade) declared.upgrade(version.upgrade);
    }
    this.use(createAccessMiddleware(() => this.session, (session, table, mode) => {
      if (session) this.logLater('refused', { table, recordId: '*', detail: `${mode} ${table}`, userId: session.userId });
    }));
    this.use(createAuditMiddleware(() => this.session, () => this.clock()));
    this.use(createCaseStatsMiddleware());
    this.use(createFieldsMiddleware(versions[versions.length - 1]?.version ?? 0));
  }

  /**
   * Records an event that is not a change — a case viewed, an action refused, a login — in the
   * audit, in a transaction of its own (a refusal's own transaction is being aborted).
   */
  async logEvent(op: Exclude<AuditOp, 'create' | 'update' | 'delete' | 'bulk'>, entry: { table: string; recordId: string; detail?: string; userId?: string }): Promise<void> {
    const session = this.session;
    const userId = entry.userId ?? session?.userId;
    if (!userId) return;
    const record: AuditEntry = {
      id: crypto.randomUUID(),
      at: this.clock().toISOString(),
      userId,
      installationId: session?.installationId ?? this.installationId,
      table: entry.table,
      recordId: entry.recordId,
      op,
      changes: [],
      ...(entry.detail ? { detail: entry.detail } : {}),
    };
    await Dexie.ignoreTransaction(() => this.transaction('rw', this.audit, () => this.audit.add(record)));
  }

  /**
   * `logEvent` from where no write may start: inside a live query (Dexie forbids writes there) or a
   * transaction about to abort. The entry is written a moment later, outside both; a failure to
   * write it is reported to the console, never thrown at the code that was refused.
   */
  logLater(op: Parameters<HamkorlikDb['logEvent']>[0], entry: Parameters<HamkorlikDb['logEvent']>[1]): void {
    const userId = entry.userId ?? this.session?.userId;
    setTimeout(() => this.logEvent(op, { ...entry, ...(userId ? { userId } : {}) }).catch((error: unknown) => console.error('audit', error)), 0);
  }

  /** This PC's installation id, for entries written before anyone logs in (failed logins). */
  installationId = '';

  /** The stamp for records written now by the session's user. */
  writeContext(): WriteContext {
    if (!this.session) throw new DomainError('noSession');
    return { userId: this.session.userId, installationId: this.session.installationId, now: this.clock() };
  }
}
