import { recordBackupMade, storedDocumentBytes, writeBackup, type ExchangeProgress, type OfficeKeys } from '../../db/exchange';
import type { HamkorlikDb } from '../../db/db';
import type { HostApi, HostResult, SavedFile } from '../../host/hostApi';
import { writeThroughHost } from '../../host/streams';
import { getSetting } from '../../db/repositories/settings';
import { expectedBackupBytes, packageFilters } from './backupFile';

/**
 * Writes a backup of the whole database into a file the user picks and records it as the last
 * backup. A cancelled dialog or a failed write comes back as the host's error; the user's Cancel
 * (the signal) and exchange failures are thrown, after the half-written file has been dropped.
 */
export async function saveBackup(
  services: { host: HostApi; db: HamkorlikDb },
  keys: OfficeKeys,
  options: {
    fileName: string;
    /** The translated name of the file type in the save dialog. */
    filterName: string;
    includeDocumentBytes: boolean;
    /** Write the file in volumes a FAT32 stick takes (see WriteStreamRequest.inVolumes). */
    inVolumes?: boolean;
    onProgress: (progress: ExchangeProgress) => void;
    signal: AbortSignal;
  },
): Promise<HostResult<{ file: SavedFile; counts: Record<string, number> }>> {
  const { host, db } = services;
  const documentBytes = options.includeDocumentBytes ? await storedDocumentBytes(db) : 0;
  const expectedBytes = expectedBackupBytes(await getSetting(db, 'lastBackup'), options.includeDocumentBytes, documentBytes);
  const target = {
    suggestedName: options.fileName,
    filters: packageFilters(options.filterName),
    ...(expectedBytes === undefined ? {} : { expectedBytes }),
    ...(options.inVolumes ? { inVolumes: true } : {}),
  };
  const written = await writeThroughHost(host, target, async (sink) => {
    const result = await writeBackup(db, keys, sink, { includeDocumentBytes: options.includeDocumentBytes, onProgress: options.onProgress, signal: options.signal });
    // A Cancel pressed as the last block went out still means "no file"; past here the file is kept.
    options.signal.throwIfAborted();
    options.onProgress({ phase: 'checking', table: '', done: 0, total: 0 });
    return result;
  });
  if (!written.ok) return written;
  const { name, size, volumes } = written.value.file;
  await recordBackupMade(db, name, { size, includesDocumentBytes: options.includeDocumentBytes, ...(volumes ? { volumes } : {}) });
  return { ok: true, value: { file: written.value.file, counts: written.value.value.counts } };
}
