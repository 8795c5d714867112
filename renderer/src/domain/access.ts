import type { Role } from './user';

/**
 * Who may do what: the permission table of the office, pure, so the data layer (repositories and
 * the access middleware) and the UI ask the same questions and get the same answers.
 *
 * | role          | cases it reads                              | cases it changes            | office                         |
 * |---------------|---------------------------------------------|-----------------------------|--------------------------------|
 * | administrator | all (to purge deleted ones)                 | purge only                  | accounts, office, mahallas, audit |
 * | supervisor    | all                                         | all; closes, reopens, deletes, restores | audit                 |
 * | caseManager   | the ones they manage and their mahallas'    | the ones they manage        |                                |
 * | specialist    | their team's mahallas'                      | none yet (their own actions and assessments come with the case work) | |
 * | viewer        | none                                        | none                        | reports                        |
 *
 * Every role but the viewer reads reports too. A user may hold several roles; the union applies.
 */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** The mahallas whose cases the user reads: a case manager's own, a specialist's team's. */
  mahallaIds: readonly string[];
}

/** What a case-level check needs to know about the case. */
export interface CaseScope {
  caseManagerId: string;
  address: { mahallaId: string };
}

export type CaseAction = 'read' | 'change' | 'close' | 'reopen' | 'delete' | 'restore' | 'purge';

export type OfficeAction =
  | 'createCase'
  | 'listCases'
  | 'manageAccounts'
  | 'manageOffice'
  | 'readAudit'
  | 'readReports'
  /** Case-number sequences and other counters written as a side effect of case work. */
  | 'caseCounters';

const has = (actor: Actor, role: Role) => actor.roles.includes(role);

export function canDo(actor: Actor, action: OfficeAction): boolean {
  switch (action) {
    case 'createCase':
    case 'caseCounters':
      return has(actor, 'supervisor') || has(actor, 'caseManager');
    case 'listCases':
      return has(actor, 'administrator') || has(actor, 'supervisor') || has(actor, 'caseManager') || has(actor, 'specialist');
    case 'manageAccounts':
    case 'manageOffice':
      return has(actor, 'administrator');
    case 'readAudit':
      return has(actor, 'administrator') || has(actor, 'supervisor');
    case 'readReports':
      return actor.roles.length > 0;
  }
}

/** Whether the actor reads every case of the office, so lists need no per-case filtering. */
export function readsAllCases(actor: Actor): boolean {
  return has(actor, 'administrator') || has(actor, 'supervisor');
}

function inMahallas(actor: Actor, kase: CaseScope): boolean {
  return actor.mahallaIds.includes(kase.address.mahallaId);
}

function manages(actor: Actor, kase: CaseScope): boolean {
  return has(actor, 'caseManager') && kase.caseManagerId === actor.userId;
}

export function canOnCase(actor: Actor, action: CaseAction, kase: CaseScope): boolean {
  switch (action) {
    case 'read':
      return readsAllCases(actor) || manages(actor, kase) || ((has(actor, 'caseManager') || has(actor, 'specialist')) && inMahallas(actor, kase));
    case 'change':
      return has(actor, 'supervisor') || manages(actor, kase);
    // Closing is the supervisor's approval of the case manager's work; so is undoing it.
    case 'close':
    case 'reopen':
    case 'delete':
    case 'restore':
      return has(actor, 'supervisor');
    case 'purge':
      return has(actor, 'administrator');
  }
}

/**
 * A case as it will be after a change must also be the actor's to change: a case manager cannot
 * hand their case to a colleague (that is the supervisor's call) nor create one for someone else.
 */
export function canStoreCase(actor: Actor, before: CaseScope | null, after: CaseScope): boolean {
  if (before && !canOnCase(actor, 'change', before)) return false;
  if (!before && !canDo(actor, 'createCase')) return false;
  return canOnCase(actor, 'change', after);
}

/** Tables every case write touches; the access middleware refuses them to roles that change no case. */
export const CASE_TABLES = ['cases', 'persons', 'memberships', 'caseHistory'] as const;

/**
 * The middleware's coarse check, table by table: a backstop under the repositories' per-case
 * checks, so code that forgets a check still cannot write where the role never may.
 */
export function tableAccess(actor: Actor, table: string, mode: 'read' | 'write'): boolean {
  const caseTable = (CASE_TABLES as readonly string[]).includes(table);
  if (caseTable) {
    if (mode === 'read') return canDo(actor, 'listCases');
    return canDo(actor, 'createCase') || has(actor, 'administrator');
  }
  switch (table) {
    case 'audit':
      // Everyone's actions are written to the audit (views, refusals); only some may read it.
      return mode === 'write' || canDo(actor, 'readAudit');
    case 'users':
    case 'caseStats':
      return mode === 'read' || canDo(actor, 'manageAccounts');
    case 'officeProfile':
    case 'mahallas':
      return mode === 'read' || canDo(actor, 'manageOffice');
    case 'settings':
      return mode === 'read' || canDo(actor, 'manageOffice');
    default:
      return mode === 'read' || canDo(actor, 'manageOffice');
  }
}
