import { formatDate, toIsoDate } from '../../domain/dates';
import type { OfficeProfile } from '../../domain/office';
import { findDistrict } from '../../domain/regions';
import type { FileFilter } from '../../host/hostApi';

/** The extension of every Hamkorlik exchange package (backups now, transfers later). */
export const PACKAGE_EXTENSION = 'hmk';
/** A backup older than this is flagged on the page. */
export const BACKUP_MAX_AGE_DAYS = 7;

/**
 * The office's name as it goes into file names: the district's Latin name without its last word
 * ("tumani", "shahri") and without apostrophes, so it survives any USB stick's file system.
 */
export function officeShortName(office: Pick<OfficeProfile, 'districtCode'> | undefined): string {
  const district = office ? findDistrict(office.districtCode)?.district : undefined;
  if (!district) return office?.districtCode ?? '';
  const words = district.name.uzLatn.split(/\s+/u);
  const name = (words.length > 1 ? words.slice(0, -1) : words).join('-');
  return name.replace(/[ʻʼ'`’‘]/gu, '').replace(/[^\p{L}\p{N}-]/gu, '');
}

/**
 * `Hamkorlik-<office>-<dd.mm.yyyy>.hmk`. A safety copy made before a restore adds the time, so it
 * never takes the name of the day's backup the user may be restoring from.
 */
export function backupFileName(office: Pick<OfficeProfile, 'districtCode'> | undefined, now: Date, options: { withTime?: boolean } = {}): string {
  const short = officeShortName(office);
  const date = formatDate(toIsoDate(now));
  const time = options.withTime ? `-${String(now.getHours()).padStart(2, '0')}.${String(now.getMinutes()).padStart(2, '0')}` : '';
  return `Hamkorlik${short ? `-${short}` : ''}-${date}${time}.${PACKAGE_EXTENSION}`;
}

/**
 * `Hamkorlik-transfer-<office>-<dd.mm.yyyy>.hmk` (and `-receipt-` for a receipt): the sending
 * office's name, so the receiving office sees at once where the file comes from.
 */
export function transferFileName(office: Pick<OfficeProfile, 'districtCode'> | undefined, now: Date, kind: 'transfer' | 'receipt' = 'transfer'): string {
  const short = officeShortName(office);
  return `Hamkorlik-${kind}${short ? `-${short}` : ''}-${formatDate(toIsoDate(now))}.${PACKAGE_EXTENSION}`;
}

/**
 * Of the last backup's size, what the next one is taken to need at least. A backup only grows with
 * the office's work (deletions leave tombstones); a purge can shrink it, so the estimate stays well
 * under the last size: a drive refused up front surely could not have held the file.
 */
export const EXPECTED_SHARE_OF_LAST_BACKUP = 0.8;

/**
 * The bytes a backup is expected to take at least, for the host's free-space check before anything
 * is written: from the last backup of the same kind (with or without document bytes), and, with
 * the documents, their stored bytes (`documentBytes`, see storedDocumentBytes), which a first backup
 * knows too; undefined when there is nothing to go by (the check then happens as the disk fills).
 */
export function expectedBackupBytes(last: { size?: number; includesDocumentBytes?: boolean } | undefined, includeDocumentBytes: boolean, documentBytes = 0): number | undefined {
  const fromLast = last?.size && last.includesDocumentBytes === includeDocumentBytes ? Math.floor(last.size * EXPECTED_SHARE_OF_LAST_BACKUP) : 0;
  const expected = Math.max(fromLast, includeDocumentBytes ? documentBytes : 0);
  return expected > 0 ? expected : undefined;
}

/** FAT32, on most USB sticks, takes no file of 4 GiB or more. */
export const FAT32_FILE_LIMIT = 4 * 1024 ** 3;

/**
 * Whether the backup dialog offers "split into volumes" before any failure: the last backup was
 * written in volumes, or the next one is expected (as {@link expectedBackupBytes}) not to fit FAT32.
 */
export function volumesLikelyNeeded(last: { size?: number; includesDocumentBytes?: boolean; volumes?: number } | undefined, includeDocumentBytes: boolean, documentBytes = 0): boolean {
  if (last?.volumes) return true;
  return (expectedBackupBytes(last, includeDocumentBytes, documentBytes) ?? 0) >= FAT32_FILE_LIMIT;
}

/** The names of a file's first two volumes, as the host writes them (`name.001.hmk`, `name.002.hmk`); held equal to its `volumePath` by electron/main/ipc/volumes.test.ts. */
export function volumeNames(fileName: string): [string, string] {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  return [`${stem}.001${extension}`, `${stem}.002${extension}`];
}

/** The dialogs' filter; `name` is translated by the caller. */
export function packageFilters(name: string): FileFilter[] {
  return [{ name, extensions: [PACKAGE_EXTENSION] }];
}

/** Whole days since the last backup (null: never made) and whether that is too long. */
export function backupAge(lastBackupAt: string | null, now: Date): { days: number | null; stale: boolean } {
  if (!lastBackupAt) return { days: null, stale: true };
  const made = new Date(lastBackupAt).getTime();
  if (Number.isNaN(made)) return { days: null, stale: true };
  const days = Math.max(0, Math.floor((now.getTime() - made) / 86_400_000));
  return { days, stale: days > BACKUP_MAX_AGE_DAYS };
}
