import { writeReceipt, writeTransfer, type ReceiptRecord, type TransferKeys } from '../../db/exchange';
import type { HamkorlikDb } from '../../db/db';
import type { ExchangePeer, TransferMode } from '../../domain/exchange';
import type { ByteSink } from '../../exchange';
import type { HostApi, HostResult, SavedFile, WriteStreamRequest } from '../../host/hostApi';
import { HostStreamError, openHostSink, type HostFileSink } from '../../host/streams';
import { packageFilters } from './backupFile';

/**
 * A sink that stops the write at the user's Cancel and counts the bytes going out. writeTransfer
 * takes no signal or progress callback of its own, so both are done here, between the writer and
 * the host: a Cancel throws on the next write, before the database records anything.
 */
function watchedSink(sink: ByteSink, signal: AbortSignal, onBytes: (bytes: number) => void): ByteSink {
  let bytes = 0;
  return {
    async write(chunk) {
      signal.throwIfAborted();
      await sink.write(chunk);
      bytes += chunk.byteLength;
      onBytes(bytes);
    },
  };
}

/**
 * Writes a transfer package of `caseIds` into a file the user picks (the host's atomic streamed
 * write). The log names the file as the user saved it. A cancelled dialog or a failed write comes
 * back as the host's error; the user's Cancel and exchange failures are thrown, the file dropped.
 */
export async function saveTransfer(
  services: { host: HostApi; db: HamkorlikDb },
  keys: TransferKeys,
  options: {
    caseIds: readonly string[];
    mode: TransferMode;
    includeDocumentBytes: boolean;
    fileName: string;
    filterName: string;
    signal: AbortSignal;
    onBytes: (bytes: number) => void;
  },
): Promise<HostResult<{ file: SavedFile; counts: Record<string, number>; leftOut: { conferences: number; documents: number } }>> {
  const { host, db } = services;
  const written = await writeRecorded(host, { suggestedName: options.fileName, filters: packageFilters(options.filterName) }, (sink, commit) =>
    writeTransfer(db, keys, watchedSink(sink, options.signal, options.onBytes), {
      caseIds: options.caseIds,
      mode: options.mode,
      includeDocumentBytes: options.includeDocumentBytes,
      fileName: sink.name,
      commit,
    }),
  );
  return written.ok ? { ok: true, value: { file: written.value.file, counts: written.value.value.counts, leftOut: written.value.value.leftOut } } : written;
}

/**
 * Writes a file whose writing the database records (a transfer marks its cases, a receipt logs
 * itself): `write` calls `commit` to have the host put the file in place before it records
 * anything, so a failed rename or a full stick leaves the database as it was. A cancelled dialog
 * or a failed write comes back as the host's error; anything else is thrown, the file dropped.
 */
async function writeRecorded<T>(
  host: HostApi,
  request: WriteStreamRequest,
  write: (sink: HostFileSink, commit: () => Promise<void>) => Promise<T>,
): Promise<HostResult<{ file: SavedFile; value: T }>> {
  const opened = await openHostSink(host, request);
  if (!opened.ok) return opened;
  const sink = opened.value;
  let file: SavedFile | null = null;
  try {
    const value = await write(sink, async () => {
      const committed = await sink.commit();
      if (!committed.ok) throw new HostStreamError(committed.error);
      file = committed.value;
    });
    return { ok: true, value: { file: file!, value } };
  } catch (error) {
    // The file is in place but its sending is not recorded (the database refused the write): a
    // custody file handed over now would leave the cases held by both offices. The user is told.
    if (file) throw new FileNotRecorded(file, error);
    await sink.abort();
    if (error instanceof HostStreamError) return { ok: false, error: error.error };
    throw error;
  }
}

/** A transfer or receipt file saved whole whose recording in this office's database then failed (`cause`). */
export class FileNotRecorded extends Error {
  constructor(
    readonly file: SavedFile,
    override readonly cause: unknown,
  ) {
    super(`saved but not recorded: ${file.name}`);
    this.name = 'FileNotRecorded';
  }
}

/** Writes the receipt of an applied custody transfer into a file the user picks, under the same secret as the transfer. */
export async function saveReceipt(
  services: { host: HostApi; db: HamkorlikDb },
  keys: TransferKeys,
  receipt: ReceiptRecord,
  options: { peer: ExchangePeer; fileName: string; filterName: string },
): Promise<HostResult<SavedFile>> {
  const { host, db } = services;
  // As for a transfer: the exchange log says "receipt written" only once the file is in place.
  const written = await writeRecorded(host, { suggestedName: options.fileName, filters: packageFilters(options.filterName) }, (sink, commit) =>
    writeReceipt(db, keys, sink, receipt, { peer: options.peer, fileName: sink.name, commit }),
  );
  return written.ok ? { ok: true, value: written.value.file } : written;
}
