import { basename } from 'node:path';
import type { FileFilter, HostApi } from '../../../renderer/src/host/hostApi';
import { AtomicWriter, writeFileAtomic } from './atomicFile';
import type { FileRegistry } from './fileRegistry';
import type { FsPort } from './fsPort';
import { catching, fail, fromNodeError, ok } from './result';

/** The file dialogs, injected: Electron's native dialogs in the app, a temp folder in the e2e host. */
export interface DialogPort {
  /** Resolves to the chosen path, or null when the user cancels. */
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
}

export interface FileDeps {
  fs: FsPort;
  dialogs: DialogPort;
  registry: FileRegistry;
}

type FileHandlers = Pick<
  HostApi,
  | 'saveFile'
  | 'openFile'
  | 'writeStreamOpen'
  | 'writeStreamAppend'
  | 'writeStreamCommit'
  | 'writeStreamAbort'
  | 'readStreamOpen'
  | 'readStreamRead'
  | 'readStreamClose'
>;

/** Saving, opening and streaming files the user picks. */
export function createFileHandlers({ fs, dialogs, registry }: FileDeps): FileHandlers {
  return catching({
    async saveFile({ suggestedName, filters, bytes }) {
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return fail('cancelled');
      const { size } = await writeFileAtomic(fs, path, bytes);
      return ok({ fileId: registry.rememberFile(path), name: basename(path), size });
    },

    async openFile({ filters, maxBytes }) {
      const path = await dialogs.chooseOpenPath(filters);
      if (!path) return fail('cancelled');
      const size = await sizeOf(fs, path);
      if (size > maxBytes) return fail('too-large', `size:${size} max:${maxBytes}`);
      const bytes = await readRange(fs, path, size);
      return ok({ name: basename(path), size: bytes.byteLength, bytes });
    },

    async writeStreamOpen({ suggestedName, filters, expectedBytes }) {
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return fail('cancelled');
      return ok({ streamId: await openWriter(fs, registry, path, expectedBytes), name: basename(path) });
    },

    async writeStreamAppend(streamId, chunk) {
      const writer = registry.writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      try {
        await writer.append(chunk);
      } catch (error) {
        registry.writers.delete(streamId); // the writer aborted itself; the stream is over
        throw error;
      }
      return ok(undefined);
    },

    async writeStreamCommit(streamId) {
      const writer = registry.writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      registry.writers.delete(streamId);
      const { size } = await writer.commit();
      return ok({ fileId: registry.rememberFile(writer.target), name: basename(writer.target), size });
    },

    async writeStreamAbort(streamId) {
      const writer = registry.writers.get(streamId);
      if (!writer) return fail('unknown-stream');
      registry.writers.delete(streamId);
      await writer.abort();
      return ok(undefined);
    },

    async readStreamOpen({ filters }) {
      const path = await dialogs.chooseOpenPath(filters);
      if (!path) return fail('cancelled');
      const { streamId, size } = await openReader(fs, registry, path);
      registry.rememberFile(path);
      return ok({ streamId, name: basename(path), size });
    },

    async readStreamRead(streamId, offset, length) {
      const reader = registry.readers.get(streamId);
      if (!reader) return fail('unknown-stream');
      const wanted = Math.max(0, Math.min(length, reader.size - offset));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      try {
        while (filled < wanted) {
          const { bytesRead } = await reader.handle.read(buffer, filled, wanted - filled, offset + filled);
          if (bytesRead === 0) break; // the file shrank under us; return what exists
          filled += bytesRead;
        }
      } catch (error) {
        throw fromNodeError(error, 'read');
      }
      return ok(filled === wanted ? buffer : buffer.subarray(0, filled));
    },

    async readStreamClose(streamId) {
      const reader = registry.readers.get(streamId);
      if (!reader) return fail('unknown-stream');
      registry.readers.delete(streamId);
      await reader.handle.close().catch(() => undefined);
      return ok(undefined);
    },
  });
}

/** An atomic write to `path` (see AtomicWriter), registered for the stream handlers: its stream id. */
export async function openWriter(fs: FsPort, registry: FileRegistry, path: string, expectedBytes: number | undefined): Promise<string> {
  const writer = await AtomicWriter.create(fs, path, expectedBytes);
  const streamId = registry.newStreamId();
  registry.writers.set(streamId, writer);
  return streamId;
}

/** `path` open for reading by range, registered for the stream handlers. */
export async function openReader(fs: FsPort, registry: FileRegistry, path: string): Promise<{ streamId: string; size: number }> {
  const size = await sizeOf(fs, path);
  let handle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    throw fromNodeError(error, 'open');
  }
  const streamId = registry.newStreamId();
  registry.readers.set(streamId, { handle, size });
  return { streamId, size };
}

export async function sizeOf(fs: FsPort, path: string): Promise<number> {
  try {
    const stats = await fs.stat(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return stats.size;
  } catch (error) {
    throw fromNodeError(error, 'stat');
  }
}

export async function readRange(fs: FsPort, path: string, size: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(size);
  let handle;
  try {
    handle = await fs.open(path, 'r');
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  } catch (error) {
    throw fromNodeError(error, 'read');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
