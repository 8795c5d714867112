import type { ByteSink, ByteSource } from '../exchange';
import { VOLUME_NAME, type HostApi, type HostError, type HostResult, type ReadStreamRequest, type SavedFile, type WriteStreamRequest } from './hostApi';

/** What one append or read carries across the bridge: large enough to keep IPC overhead small, small enough for a 4 GB PC. */
export const STREAM_CHUNK = 1024 * 1024;
/** The host's limit for one append or read (hostApi.ts, electron/main/ipc/schemas.ts). */
export const MAX_STREAM_CHUNK = 16 * 1024 * 1024;

/**
 * A host failure met inside streaming code. Exchange code awaits `sink.write` and iterates a source,
 * which cannot return a HostResult, so the failure travels as this exception and is turned back
 * into a HostError (`errors:host.<code>`) where the flow started.
 */
export class HostStreamError extends Error {
  constructor(readonly error: HostError) {
    super(error.detail ? `host: ${error.code} (${error.detail})` : `host: ${error.code}`);
    this.name = 'HostStreamError';
  }
}

/**
 * The bytes of a view in a buffer of their own. IPC clones a typed array with its whole underlying
 * buffer, so a 1 MiB view of a 64 MiB block would carry 64 MiB across the bridge.
 */
function compact(view: Uint8Array): Uint8Array {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice();
}

/** Where a streamed write goes: a file the user picks in the save dialog, or an automatic backup in the app's data folder. */
export type WriteTarget = WriteStreamRequest | { automaticBackup: string; expectedBytes?: number };
/** What a streamed read opens: a file the user picks, or an automatic backup by name. */
export type ReadTarget = ReadStreamRequest | { automaticBackup: string };

/** A file being written through the host: the exchange writer's ByteSink, then commit or abort. */
export interface HostFileSink extends ByteSink {
  /** The name the user chose in the save dialog. */
  readonly name: string;
  /** Bytes handed to write() so far (some may still be buffered). */
  readonly bytesWritten: number;
  /** Sends what is buffered and lets the host verify and rename the file into place. */
  commit(): Promise<HostResult<SavedFile>>;
  /** Drops the temp file: the file the user chose keeps what it had. Safe after a failure or twice. */
  abort(): Promise<void>;
}

/**
 * Asks the user where to save (the host's dialog), then gives a sink over the host's atomic streamed
 * write. Small writes are gathered into chunks of about `chunkSize`, large ones are cut to the host's
 * 16 MiB limit. After a failed append the host has already dropped its temp file; the sink then
 * throws on every write and commit reports the first error.
 */
export async function openHostSink(host: HostApi, request: WriteTarget, options: { chunkSize?: number } = {}): Promise<HostResult<HostFileSink>> {
  const opened =
    'automaticBackup' in request
      ? await host.automaticBackupWriteOpen({ name: request.automaticBackup, ...(request.expectedBytes === undefined ? {} : { expectedBytes: request.expectedBytes }) })
      : await host.writeStreamOpen(request);
  if (!opened.ok) return opened;
  const { streamId, name } = opened.value;
  const chunkSize = Math.min(Math.max(1, options.chunkSize ?? STREAM_CHUNK), MAX_STREAM_CHUNK);
  let buffer = new Uint8Array(chunkSize);
  let buffered = 0;
  let written = 0;
  let failure: HostError | null = null;
  let closed = false;
  // Read through a function: a flush awaited in between may have set it, which narrowing cannot see.
  const failed = (): HostError | null => failure;

  const append = async (bytes: Uint8Array) => {
    for (let offset = 0; offset < bytes.byteLength; offset += MAX_STREAM_CHUNK) {
      const result = await host.writeStreamAppend(streamId, compact(bytes.subarray(offset, offset + MAX_STREAM_CHUNK)));
      if (!result.ok) {
        failure = result.error;
        throw new HostStreamError(result.error);
      }
    }
  };
  const flush = async () => {
    if (buffered === 0) return;
    const full = buffer.subarray(0, buffered);
    // A fresh buffer: the host (or its bridge) may still hold the one just sent.
    buffer = new Uint8Array(chunkSize);
    buffered = 0;
    await append(full);
  };
  const usable = () => {
    if (failure) throw new HostStreamError(failure);
    if (closed) throw new HostStreamError({ code: 'unknown-stream', detail: 'sink closed' });
  };

  const sink: HostFileSink = {
    name,
    get bytesWritten() {
      return written;
    },
    async write(chunk) {
      usable();
      written += chunk.byteLength;
      if (buffered + chunk.byteLength <= chunkSize) {
        buffer.set(chunk, buffered);
        buffered += chunk.byteLength;
        if (buffered === chunkSize) await flush();
        return;
      }
      await flush();
      if (chunk.byteLength >= chunkSize) await append(chunk);
      else {
        buffer.set(chunk, 0);
        buffered = chunk.byteLength;
      }
    },
    async commit() {
      if (failure) return { ok: false, error: failure };
      if (closed) return { ok: false, error: { code: 'unknown-stream', detail: 'sink closed' } };
      try {
        await flush();
      } catch {
        return { ok: false, error: failed() ?? { code: 'internal' } };
      }
      closed = true;
      const result = await host.writeStreamCommit(streamId);
      if (!result.ok) failure = result.error;
      return result;
    },
    async abort() {
      if (closed) return;
      closed = true;
      buffered = 0;
      // After a failed append the host has forgotten the stream already ('unknown-stream'): nothing to undo.
      await host.writeStreamAbort(streamId).catch(() => undefined);
    },
  };
  return { ok: true, value: sink };
}

/**
 * Saves what `produce` writes as one file the user picks: opens the sink (a cancelled dialog comes
 * back as the host's `cancelled`), runs `produce`, and commits only if it finished. Any failure or
 * abort inside `produce` aborts the write, so the file the user chose keeps its previous content.
 * Host failures come back as a HostResult; anything else `produce` throws (an ExchangeError, an
 * AbortError) is rethrown after the abort.
 */
export async function writeThroughHost<T>(
  host: HostApi,
  request: WriteTarget,
  produce: (sink: HostFileSink) => Promise<T>,
  options: { chunkSize?: number } = {},
): Promise<HostResult<{ file: SavedFile; value: T }>> {
  const opened = await openHostSink(host, request, options);
  if (!opened.ok) return opened;
  const sink = opened.value;
  let value: T;
  try {
    value = await produce(sink);
  } catch (error) {
    await sink.abort();
    if (error instanceof HostStreamError) return { ok: false, error: error.error };
    throw error;
  }
  const committed = await sink.commit();
  return committed.ok ? { ok: true, value: { file: committed.value, value } } : committed;
}

/** A file the user picked, open for reading by offset as often as needed until it is closed. */
export interface HostFileSource {
  readonly name: string;
  readonly size: number;
  /**
   * For a file in volumes (`name.002.hmk`): how many of its volumes are read, from the first on up to
   * the first one missing. When the package then ends early, the message can say a volume is missing.
   */
  readonly volumes?: number;
  /**
   * A fresh pass over the whole file from its first byte. The host asks the user for the file only
   * once (at open), so a flow that reads twice (look at the header, later restore) calls this again.
   * A failed read throws HostStreamError.
   */
  open(): ByteSource;
  /** Releases the file. Further passes fail with `unknown-stream`. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Asks the user for a file (the host's open dialog) and gives a re-openable source over the host's
 * streamed reads. Each pass reads `chunkSize` bytes at a time and asks for the next chunk while the
 * reader works on the current one.
 */
export async function openHostSource(host: HostApi, request: ReadTarget, options: { chunkSize?: number } = {}): Promise<HostResult<HostFileSource>> {
  const opened = 'automaticBackup' in request ? await host.automaticBackupReadOpen(request.automaticBackup) : await host.readStreamOpen(request);
  if (!opened.ok) return opened;
  const { streamId, name, size, volumes } = opened.value;
  const chunkSize = Math.min(Math.max(1, options.chunkSize ?? STREAM_CHUNK), MAX_STREAM_CHUNK);
  let closed = false;

  const read = async (offset: number): Promise<Uint8Array> => {
    if (closed) throw new HostStreamError({ code: 'unknown-stream', detail: 'source closed' });
    const result = await host.readStreamRead(streamId, offset, Math.min(chunkSize, size - offset));
    if (!result.ok) throw new HostStreamError(result.error);
    return result.value;
  };

  async function* pass(): AsyncGenerator<Uint8Array> {
    let offset = 0;
    let next: Promise<Uint8Array> | null = offset < size ? read(offset) : null;
    try {
      while (next) {
        const chunk = await next;
        next = null;
        if (chunk.byteLength === 0) return; // the file shrank under us: the package reader says 'truncated'
        offset += chunk.byteLength;
        if (offset < size) {
          next = read(offset);
          next.catch(() => undefined); // awaited on the next round; a reader that stops early must not see it as unhandled
        }
        yield chunk;
      }
    } finally {
      // A pass left early (the reader found damage) may leave a read in flight; let it settle.
      await next?.catch(() => undefined);
    }
  }

  return {
    ok: true,
    value: {
      name,
      size,
      ...(volumes === undefined ? {} : { volumes }),
      open: () => pass(),
      async close() {
        if (closed) return;
        closed = true;
        await host.readStreamClose(streamId).catch(() => undefined);
      },
    },
  };
}

type DroppedFile = Blob & { readonly name: string };

/**
 * A file dropped onto the window, as a re-openable source like a picked one: the page reads it
 * itself (File.slice), in Electron and in a browser alike, `chunkSize` bytes at a time. Several
 * files dropped together are taken when they are the volumes of one file (see {@link droppedVolumes}).
 */
export function droppedFileSource(file: DroppedFile, options: { chunkSize?: number } = {}): HostFileSource {
  return blobsSource(file.name, [file], VOLUME_NAME.test(file.name) ? 1 : undefined, options);
}

/**
 * Files dropped together that are volumes of one file (`name.001.hmk`, `name.002.hmk`…), as one
 * source read end to end from the first volume up to the first one missing; null when they are not
 * all volumes of one file, or its first volume is not among them.
 */
export function droppedVolumes(files: readonly DroppedFile[], options: { chunkSize?: number } = {}): HostFileSource | null {
  const volumes = new Map<number, DroppedFile>();
  let whole: string | null = null;
  for (const file of files) {
    const match = VOLUME_NAME.exec(file.name);
    if (!match) return null;
    const name = `${match[1]}${match[3]}`;
    if (whole !== null && name !== whole) return null;
    whole = name;
    volumes.set(Number(match[2]), file);
  }
  const inOrder: DroppedFile[] = [];
  for (let n = 1; volumes.has(n); n += 1) inOrder.push(volumes.get(n)!);
  if (inOrder.length === 0) return null;
  return blobsSource(inOrder[0]!.name, inOrder, inOrder.length, options);
}

function blobsSource(name: string, parts: readonly Blob[], volumes: number | undefined, options: { chunkSize?: number }): HostFileSource {
  const chunkSize = Math.min(Math.max(1, options.chunkSize ?? STREAM_CHUNK), MAX_STREAM_CHUNK);
  let closed = false;
  async function* pass(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      for (let offset = 0; offset < part.size; offset += chunkSize) {
        if (closed) throw new HostStreamError({ code: 'unknown-stream', detail: 'source closed' });
        let chunk: ArrayBuffer;
        try {
          chunk = await part.slice(offset, offset + chunkSize).arrayBuffer();
        } catch (error) {
          // The file was moved or deleted after the drop (Chromium: NotReadableError).
          throw new HostStreamError({ code: 'io', detail: error instanceof Error ? error.name : 'read' });
        }
        yield new Uint8Array(chunk);
      }
    }
  }
  return {
    name,
    size: parts.reduce((sum, part) => sum + part.size, 0),
    ...(volumes === undefined ? {} : { volumes }),
    open: () => pass(),
    close: async () => {
      closed = true;
    },
  };
}
