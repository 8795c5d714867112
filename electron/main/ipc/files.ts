import { basename } from 'node:path';
import type { FileFilter, HostApi } from '../../../renderer/src/host/hostApi';
import { AtomicWriter, writeFileAtomic } from './atomicFile';
import type { FileRegistry } from './fileRegistry';
import type { FsPort } from './fsPort';
import { catching, fail, fromNodeError, ok } from './result';
import { FAT32_VOLUME_BYTES, parseVolumePath, readAcross, singleFileWriter, VolumeWriter, volumesToRead, type ReadPart, type StreamWriter } from './volumes';

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
  /**
   * The largest volume of a file written in volumes: a little under FAT32's 4 GiB in the app; the
   * e2e host sets a small one to play a FAT32 stick with a small database.
   */
  volumeBytes?: number;
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
export function createFileHandlers({ fs, dialogs, registry, volumeBytes = FAT32_VOLUME_BYTES }: FileDeps): FileHandlers {
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

    async writeStreamOpen({ suggestedName, filters, expectedBytes, inVolumes }) {
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return fail('cancelled');
      const streamId = inVolumes
        ? register(registry, await VolumeWriter.create(fs, path, volumeBytes, expectedBytes))
        : await openWriter(fs, registry, path, expectedBytes);
      return ok({ streamId, name: basename(path) });
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
      const { size, path, volumes } = await writer.commit();
      return ok({ fileId: registry.rememberFile(path), name: basename(path), size, ...(volumes && volumes > 1 ? { volumes } : {}) });
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
      const { streamId, size, volumes } = await openReader(fs, registry, path, { volumes: true });
      registry.rememberFile(path);
      // A file in volumes says how many were found, so that a missing one can be named when the package ends early.
      return ok({ streamId, name: basename(path), size, ...(parseVolumePath(path) ? { volumes } : {}) });
    },

    async readStreamRead(streamId, offset, length) {
      const reader = registry.readers.get(streamId);
      if (!reader) return fail('unknown-stream');
      try {
        return ok(await readAcross(reader.parts, offset, length));
      } catch (error) {
        throw fromNodeError(error, 'read');
      }
    },

    async readStreamClose(streamId) {
      const reader = registry.readers.get(streamId);
      if (!reader) return fail('unknown-stream');
      registry.readers.delete(streamId);
      await Promise.all(reader.parts.map((part) => part.handle.close().catch(() => undefined)));
      return ok(undefined);
    },
  });
}

/** An atomic write to `path` (see AtomicWriter), registered for the stream handlers: its stream id. */
export async function openWriter(fs: FsPort, registry: FileRegistry, path: string, expectedBytes: number | undefined): Promise<string> {
  return register(registry, singleFileWriter(await AtomicWriter.create(fs, path, expectedBytes)));
}

function register(registry: FileRegistry, writer: StreamWriter): string {
  const streamId = registry.newStreamId();
  registry.writers.set(streamId, writer);
  return streamId;
}

/**
 * `path` open for reading by range, registered for the stream handlers. With `volumes`, a path that
 * names a volume (`name.002.hmk`) opens its whole file: every volume from the first, end to end.
 */
export async function openReader(
  fs: FsPort,
  registry: FileRegistry,
  path: string,
  options: { volumes?: boolean } = {},
): Promise<{ streamId: string; size: number; volumes: number }> {
  const paths = options.volumes ? await volumesToRead(fs, path) : [path];
  const parts: ReadPart[] = [];
  try {
    for (const part of paths) {
      const size = await sizeOf(fs, part);
      try {
        parts.push({ handle: await fs.open(part, 'r'), size });
      } catch (error) {
        throw fromNodeError(error, 'open');
      }
    }
  } catch (error) {
    await Promise.all(parts.map((part) => part.handle.close().catch(() => undefined)));
    throw error;
  }
  const streamId = registry.newStreamId();
  const size = parts.reduce((sum, part) => sum + part.size, 0);
  registry.readers.set(streamId, { parts, size });
  return { streamId, size, volumes: parts.length };
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
