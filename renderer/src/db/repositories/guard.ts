import type { HamkorlikDb } from '../db';
import type { WriteSession } from '../auditMiddleware';
import { canDo, canOnCase, canStoreCase, type CaseAction, type CaseScope, type OfficeAction } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { custodyLeft, type Custody } from '../../domain/familyCase';

/**
 * The repositories' permission checks (domain/access.ts decides). A refusal is written to the
 * audit — who tried what on which record — and thrown as `forbidden`, which screens translate.
 */
export function currentActor(db: HamkorlikDb): WriteSession {
  if (!db.session) throw new DomainError('noSession');
  return db.session;
}

function refused(db: HamkorlikDb, table: string, recordId: string, detail: string): DomainError {
  db.logLater('refused', { table, recordId, detail });
  return new DomainError('forbidden', detail);
}

export function requireOffice(db: HamkorlikDb, action: OfficeAction): WriteSession {
  const actor = currentActor(db);
  if (!canDo(actor, action)) throw refused(db, '*', '*', action);
  return actor;
}

/**
 * Also refuses every action but reading on a case whose custody was transferred to another office
 * (`caseTransferred`): the receiving office works on it now, and an edit here could only become a
 * conflict there. Every case-work repository checks through here, so this is the one place.
 */
export function requireCase(db: HamkorlikDb, action: CaseAction, kase: CaseScope & { id: string; custody?: Custody }): WriteSession {
  const actor = currentActor(db);
  if (!canOnCase(actor, action, kase)) throw refused(db, 'cases', kase.id, `${action} case`);
  if (action !== 'read' && custodyLeft(kase)) throw new DomainError('caseTransferred', kase.id);
  return actor;
}

/** A case written must be the actor's to change both before and after (see `canStoreCase`). */
export function requireStoreCase(db: HamkorlikDb, before: (CaseScope & { custody?: Custody }) | null, after: CaseScope & { id: string }): void {
  const actor = currentActor(db);
  if (!canStoreCase(actor, before, after)) throw refused(db, 'cases', after.id, before ? 'change case' : 'create case');
  if (before && custodyLeft(before)) throw new DomainError('caseTransferred', after.id);
}
