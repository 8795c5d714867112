import type { TriLingualText } from './names';

/**
 * What the office keeps about case transfers between offices (issue 7): the base copies the
 * three-way merge compares against, and the exchange log. Pure types; db/exchange writes them.
 */

/** Custody transfer moves the case to the other office; copy leaves both offices working on it. */
export const TRANSFER_MODES = ['custody', 'copy'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** An office as a package names it (the header's `source`). */
export interface ExchangePeer {
  districtCode: string;
  officeName: TriLingualText;
  installationId: string;
}

/**
 * The copy of one record as it was last sent to or received from another office: the merge's
 * `base`. Keyed `table:id` (`exchangeBaseKey`) by the id the record travels under, so one record has
 * one base whichever office it last travelled with; `peer` and `at` say which and when. `recordId`
 * is the local record's id: the same, except for a person linked by PINFL to a local person.
 */
export interface ExchangeBase {
  key: string;
  table: string;
  recordId: string;
  record: unknown;
  /** The other office; null for a transfer written with no recipient named. */
  peer: ExchangePeer | null;
  at: string;
  direction: 'sent' | 'received';
  /**
   * The exchanges whose content `record` is, and every exchange this office's copy of the record
   * descends from (exchange/lineage.ts): the merge uses this base only if the incoming copy
   * descends from one of `transfers`. Absent on bases stored before 07.12.2026, which are trusted.
   */
  transfers?: string[];
  ancestry?: string[];
}

export function exchangeBaseKey(table: string, id: string): string {
  return `${table}:${id}`;
}

/** How one conflict was decided, as the log keeps it: the field, the three values and the choice. */
export interface LoggedDecision {
  table: string;
  recordId: string;
  path: string[];
  take: 'local' | 'incoming' | 'custom';
  base: unknown;
  local: unknown;
  incoming: unknown;
  value: unknown;
}

/**
 * One exchange event: a transfer sent or received, a receipt written or imported. Written in the
 * same transaction as what it describes, so the log never claims a change that did not happen.
 */
export interface ExchangeLogEntry {
  id: string;
  at: string;
  userId: string;
  installationId: string;
  kind: 'transfer' | 'receipt';
  direction: 'export' | 'import';
  /** The transfer this entry is about (a receipt names the transfer it answers). */
  transferId: string;
  mode: TransferMode | null;
  peer: ExchangePeer | null;
  fileName: string | null;
  caseIds: string[];
  /** Records per table in the file. */
  counts: Record<string, number>;
  /** Imports: records per outcome (new, same, takeIncoming, keepLocal, merged, conflict). */
  outcomes?: Record<string, number>;
  /** Imports: every record written, with its outcome (the case whose custody alone moved as `custody`). */
  written?: { table: string; recordId: string; outcome: string }[];
  decisions?: LoggedDecision[];
  /** Imports: incoming person ids linked to a local person with the same PINFL. */
  linkedPersons?: { incomingId: string; localId: string }[];
  /** Imports: referenced records (users, mahallas …) with no local match, kept as the sender's ids. */
  unmatchedRefs?: string[];
  /** Imports: purges that removed edits (`table:id`). */
  purgedEdits?: string[];
}
