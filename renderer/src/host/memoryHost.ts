import { AUTOMATIC_BACKUP_NAME, type CloseAnswer, type HostApi, type HostResult, type SavedFile } from './hostApi';

/**
 * A host for unit tests of renderer logic: saved files land in a map, opened files come from a
 * queue the test fills. It records calls so tests can assert what the app asked of the machine.
 */
export interface MemoryHost extends HostApi {
  saved: Map<string, Uint8Array>;
  toOpen: { name: string; bytes: Uint8Array }[];
  calls: string[];
  /** Automatic backups in the "data folder", by name. */
  automaticBackups: Map<string, { bytes: Uint8Array; modifiedAt: string }>;
  /** The data key keepDataKey was given (a copy), or null. */
  keptKey: Uint8Array | null;
  /** The user closes the window: resolves the page's pending closeRequested (false when none is pending). */
  requestClose(): boolean;
  /** The page's answers to close requests, in order. */
  closeAnswers: CloseAnswer[];
}

export function createMemoryHost(): MemoryHost {
  const saved = new Map<string, Uint8Array>();
  const toOpen: { name: string; bytes: Uint8Array }[] = [];
  const calls: string[] = [];
  const automaticBackups = new Map<string, { bytes: Uint8Array; modifiedAt: string }>();
  const writing = new Map<string, { name: string; chunks: Uint8Array[]; automatic: boolean }>();
  const reading = new Map<string, Uint8Array>();
  const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
  const cancelled = { ok: false as const, error: { code: 'cancelled' as const } };
  const unknown = { ok: false as const, error: { code: 'unknown-stream' as const } };
  const invalidName = { ok: false as const, error: { code: 'invalid-argument' as const, detail: 'automatic backup name' } };
  const notFound = { ok: false as const, error: { code: 'not-found' as const } };
  const save = (name: string, bytes: Uint8Array): SavedFile => {
    saved.set(name, bytes);
    return { fileId: crypto.randomUUID(), name, size: bytes.byteLength };
  };
  const track = <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) => (...args: A) => {
    calls.push(name);
    return fn(...args);
  };

  let closeWaiter: (() => void) | null = null;

  const host: MemoryHost = {
    saved,
    toOpen,
    calls,
    automaticBackups,
    keptKey: null,
    closeAnswers: [],
    requestClose: () => {
      const waiter = closeWaiter;
      closeWaiter = null;
      waiter?.();
      return !!waiter;
    },
    appInfo: track('appInfo', async () =>
      ok({ version: 'test', locale: 'uz-UZ', dataFolder: '/memory', installationId: '00000000-0000-4000-8000-000000000001', host: 'memory' as const, platform: 'test' }),
    ),
    setLanguage: track('setLanguage', async () => ok(undefined)),
    saveFile: track('saveFile', async ({ suggestedName, bytes }) => ok(save(suggestedName, bytes))),
    openFile: track('openFile', async ({ maxBytes }) => {
      const next = toOpen.shift();
      if (!next) return cancelled;
      if (next.bytes.byteLength > maxBytes) return { ok: false as const, error: { code: 'too-large' as const } };
      return ok({ name: next.name, size: next.bytes.byteLength, bytes: next.bytes });
    }),
    writeStreamOpen: track('writeStreamOpen', async ({ suggestedName }) => {
      const streamId = crypto.randomUUID();
      writing.set(streamId, { name: suggestedName, chunks: [], automatic: false });
      return ok({ streamId, name: suggestedName });
    }),
    writeStreamAppend: track('writeStreamAppend', async (streamId, chunk) => {
      const stream = writing.get(streamId);
      if (!stream) return unknown;
      stream.chunks.push(chunk.slice());
      return ok(undefined);
    }),
    writeStreamCommit: track('writeStreamCommit', async (streamId) => {
      const stream = writing.get(streamId);
      if (!stream) return unknown;
      writing.delete(streamId);
      const bytes = new Uint8Array(stream.chunks.reduce((n, c) => n + c.byteLength, 0));
      let offset = 0;
      for (const chunk of stream.chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      if (stream.automatic) {
        automaticBackups.set(stream.name, { bytes, modifiedAt: new Date().toISOString() });
        return ok({ fileId: crypto.randomUUID(), name: stream.name, size: bytes.byteLength });
      }
      return ok(save(stream.name, bytes));
    }),
    writeStreamAbort: track('writeStreamAbort', async (streamId) => (writing.delete(streamId) ? ok(undefined) : unknown)),
    readStreamOpen: track('readStreamOpen', async () => {
      const next = toOpen.shift();
      if (!next) return cancelled;
      const streamId = crypto.randomUUID();
      reading.set(streamId, next.bytes);
      return ok({ streamId, name: next.name, size: next.bytes.byteLength });
    }),
    readStreamRead: track('readStreamRead', async (streamId, offset, length) => {
      const bytes = reading.get(streamId);
      return bytes ? ok(bytes.slice(offset, offset + length)) : unknown;
    }),
    readStreamClose: track('readStreamClose', async (streamId) => (reading.delete(streamId) ? ok(undefined) : unknown)),
    print: track('print', async () => ok(undefined)),
    printToPdf: track('printToPdf', async ({ suggestedName }) => ok(save(suggestedName, new TextEncoder().encode('%PDF-1.7')))),
    showInFolder: track('showInFolder', async () => ok(undefined)),
    openWithSystem: track('openWithSystem', async () => ok(undefined)),
    openExternal: track('openExternal', async () => ok(undefined)),
    automaticBackupList: track('automaticBackupList', async () =>
      ok(
        [...automaticBackups]
          .map(([name, { bytes, modifiedAt }]) => ({ name, size: bytes.byteLength, modifiedAt }))
          .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0)),
      ),
    ),
    automaticBackupWriteOpen: track('automaticBackupWriteOpen', async ({ name }) => {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName;
      const streamId = crypto.randomUUID();
      writing.set(streamId, { name, chunks: [], automatic: true });
      return ok({ streamId, name });
    }),
    automaticBackupReadOpen: track('automaticBackupReadOpen', async (name) => {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName;
      const backup = automaticBackups.get(name);
      if (!backup) return notFound;
      const streamId = crypto.randomUUID();
      reading.set(streamId, backup.bytes);
      return ok({ streamId, name, size: backup.bytes.byteLength });
    }),
    automaticBackupRemove: track('automaticBackupRemove', async (name) => {
      if (!AUTOMATIC_BACKUP_NAME.test(name)) return invalidName;
      automaticBackups.delete(name);
      return ok(undefined);
    }),
    keepDataKey: track('keepDataKey', async (key) => {
      host.keptKey = key ? key.slice() : null;
      return ok(undefined);
    }),
    keptDataKey: track('keptDataKey', async () => ok(host.keptKey ? host.keptKey.slice() : null)),
    closeRequested: track('closeRequested', () => new Promise((resolve) => (closeWaiter = () => resolve(ok(undefined))))),
    closeAnswer: track('closeAnswer', async (answer) => {
      host.closeAnswers.push(answer);
      return ok(undefined);
    }),
  };
  return host;
}
