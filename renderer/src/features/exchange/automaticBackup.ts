import { getSetting } from '../../db/repositories/settings';
import type { DatabaseDirectory } from '../../db/activeDatabase';
import type { HamkorlikDb } from '../../db/db';
import { changedSinceAutomaticBackup, exchangeStatus, keptOfficeKeys, recordAutomaticBackupMade, storedDocumentBytes, writeBackup, type ExchangeProgress } from '../../db/exchange';
import { type AutomaticBackup, type HostApi, type HostError } from '../../host/hostApi';
import { writeThroughHost } from '../../host/streams';
import { expectedBackupBytes } from './backupFile';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';

/** How many automatic backups the data folder keeps: a working week and a bit. */
export const AUTOMATIC_BACKUPS_KEPT = 7;
/** "Daily": once the last one is this old, so a PC switched on a little earlier the next morning still backs up. */
export const AUTOMATIC_BACKUP_AFTER_MS = 20 * 60 * 60 * 1000;

/** `auto-2026-12-05T07-53-12.hmk`: UTC, so names sort in the order they were made. */
export function automaticBackupName(now: Date): string {
  return `auto-${now.toISOString().slice(0, 19).replace(/:/gu, '-')}.hmk`;
}

export function automaticBackupDue(lastAt: string | null | undefined, now: Date): boolean {
  if (!lastAt) return true;
  const last = Date.parse(lastAt);
  // A clock set back (or a date in the future from a restored backup) must not stop backups for good.
  return Number.isNaN(last) || last > now.getTime() || now.getTime() - last >= AUTOMATIC_BACKUP_AFTER_MS;
}

/** The automatic backups to delete so that the newest `keep` remain (by name, which sorts by time). */
export function automaticBackupsToRemove(backups: readonly AutomaticBackup[], keep: number): string[] {
  return [...backups]
    .map((backup) => backup.name)
    .sort()
    .reverse()
    .slice(Math.max(1, keep));
}

export type AutomaticBackupOutcome =
  | { made: { name: string; size: number }; removed: string[] }
  | { skipped: 'notDue' | 'notConfigured' | 'noKey' | 'unchanged' }
  | { failed: HostError };

/**
 * The PC's own backup into its data folder, with the office data key kept in the system's protected
 * storage (no passphrase asked): when it is due (or `force`), written and verified by the host like
 * any backup, then the oldest beyond AUTOMATIC_BACKUPS_KEPT removed. Skipped before exchange is set
 * up and while this PC keeps no key for the office's current slots (someone who knows the passphrase
 * makes one backup here, or sets exchange up, and that keeps it).
 */
export async function runAutomaticBackup(
  services: { db: HamkorlikDb; host: HostApi },
  now: Date,
  /**
   * `force`: whatever the time of the last one; `ifChanged`: only when the data changed since the last
   * one began (on exit); `onStart`: called once it is decided that a backup is written, before it starts;
   * `keepOlder`: remove none of the older ones (a restore's safety copy: the file being restored may be the oldest).
   */
  options: { force?: boolean; ifChanged?: boolean; onStart?: () => void; onProgress?: (progress: ExchangeProgress) => void; signal?: AbortSignal; keepOlder?: boolean } = {},
): Promise<AutomaticBackupOutcome> {
  const { db, host } = services;
  if (!(await exchangeStatus(db)).configured) return { skipped: 'notConfigured' };
  if (options.ifChanged && !(await changedSinceAutomaticBackup(db))) return { skipped: 'unchanged' };
  if (!options.force && !options.ifChanged && !automaticBackupDue((await getSetting(db, 'lastAutomaticBackup'))?.at, now)) return { skipped: 'notDue' };
  const keys = await keptOfficeKeys(db, host);
  if (!keys) return { skipped: 'noKey' };
  options.onStart?.();
  const name = automaticBackupName(now);
  // The newest automatic backup (always with the document bytes) tells the size to expect.
  const listed = await host.automaticBackupList();
  const expectedBytes = expectedBackupBytes(listed.ok ? { size: listed.value[0]?.size, includesDocumentBytes: true } : undefined, true, await storedDocumentBytes(db, { automatic: true }));
  const written = await writeThroughHost(host, { automaticBackup: name, ...(expectedBytes === undefined ? {} : { expectedBytes }) }, (sink) =>
    writeBackup(db, keys, sink, { includeDocumentBytes: true, automatic: true, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) }),
  );
  if (!written.ok) return { failed: written.error };
  await recordAutomaticBackupMade(db, written.value.file.name, now);
  const removed: string[] = [];
  const after = options.keepOlder ? null : await host.automaticBackupList();
  if (after?.ok) {
    for (const old of automaticBackupsToRemove(after.value, AUTOMATIC_BACKUPS_KEPT)) {
      if ((await host.automaticBackupRemove(old)).ok) removed.push(old);
    }
  }
  return { made: { name: written.value.file.name, size: written.value.file.size }, removed };
}

/**
 * Before this app upgrades the office database (the first start after an update), the PC backs it
 * up as it is, at its own schema version, into the data folder: an upgrade gone wrong can then be
 * undone by restoring that file (a restore stages it at its version and upgrades it again). Nobody
 * is logged in yet, so the PC writes it as "system". Skipped when nothing is to be upgraded, and
 * like any automatic backup when exchange is not set up or no key is kept here.
 */
export async function backupBeforeUpgrade(
  directory: DatabaseDirectory,
  host: HostApi,
  installationId: string,
  now: Date,
  /** Called when there is a database to back up, before the (possibly long) backup starts: the app says what it is doing. */
  onStart?: () => void,
): Promise<AutomaticBackupOutcome | { skipped: 'nothingToUpgrade' }> {
  const older = await directory.openOlderActive();
  if (!older) return { skipped: 'nothingToUpgrade' };
  try {
    onStart?.();
    older.installationId = installationId;
    older.session = { userId: SYSTEM_USER, installationId, roles: ['viewer'], mahallaIds: [] };
    return await runAutomaticBackup({ db: older, host }, now, { force: true });
  } finally {
    older.session = null;
    older.close();
  }
}

/** What the person at the PC decides when the copy before an upgrade failed. */
export type UpgradeBackupAnswer = 'retry' | 'continue';

/**
 * The copy before an upgrade as the app's start runs it: when it fails, the person at the PC is
 * told why and decides: try again (a stick pulled out, a full disk freed) or upgrade without it (the
 * earlier automatic backups remain). Never upgrades silently after a failed copy. Returns whether
 * the database is about to be upgraded.
 */
export async function backupBeforeUpgradeAsking(
  directory: DatabaseDirectory,
  host: HostApi,
  installationId: string,
  now: () => Date,
  ui: { onStart: () => void; askAfterFailure: (failure: FailureMessage) => Promise<UpgradeBackupAnswer> },
): Promise<{ upgrading: boolean }> {
  for (;;) {
    let failure: FailureMessage;
    try {
      const outcome = await backupBeforeUpgrade(directory, host, installationId, now(), ui.onStart);
      if (!('failed' in outcome)) return { upgrading: !('skipped' in outcome && outcome.skipped === 'nothingToUpgrade') };
      failure = hostFailure(outcome.failed);
    } catch (error) {
      failure = describeFailure(error);
    }
    if ((await ui.askAfterFailure(failure)) === 'continue') return { upgrading: true };
  }
}

/** Who the audit names for what the PC does by itself before anyone logs in. */
export const SYSTEM_USER = 'system';

