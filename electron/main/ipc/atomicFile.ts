import { createHash, randomBytes, type Hash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileHandlePort, FsPort } from './fsPort';
import { fromNodeError, HostFailure } from './result';

const READ_BACK_CHUNK = 1024 * 1024;
/** Headroom kept free beyond the file itself, so the OS and the database are not starved. */
const FREE_SPACE_MARGIN = 8 * 1024 * 1024;

/**
 * Writes a file so that the previous version survives any failure before the final rename:
 * data goes to a temp file beside the target, is fsynced, read back and compared by SHA-256,
 * and only then renamed over the target; the folder is fsynced last so the rename itself is durable.
 * A USB stick pulled mid-write leaves at most a stray `.tmp` file, never a half-written target.
 */
export class AtomicWriter {
  private readonly hash: Hash = createHash('sha256');
  private written = 0;
  private done = false;
  private sealed = false;

  private constructor(
    private readonly fs: FsPort,
    readonly target: string,
    private readonly tempPath: string,
    private handle: FileHandlePort | null,
  ) {}

  /** Creates the temp file; refuses up front when `expectedBytes` will not fit on the disk. */
  static async create(fs: FsPort, target: string, expectedBytes?: number): Promise<AtomicWriter> {
    const folder = dirname(target);
    if (expectedBytes !== undefined) await ensureFreeSpace(fs, folder, expectedBytes);
    const tempPath = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    let handle: FileHandlePort;
    try {
      handle = await fs.open(tempPath, 'wx');
    } catch (error) {
      throw fromNodeError(error, 'open');
    }
    return new AtomicWriter(fs, target, tempPath, handle);
  }

  get bytesWritten(): number {
    return this.written;
  }

  async append(chunk: Uint8Array): Promise<void> {
    const handle = this.requireOpen();
    try {
      let offset = 0;
      while (offset < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, null);
        if (bytesWritten <= 0) throw new HostFailure('io', 'write:short');
        offset += bytesWritten;
      }
    } catch (error) {
      await this.abort();
      throw fromNodeError(error, 'write');
    }
    this.hash.update(chunk);
    this.written += chunk.byteLength;
  }

  /** Makes the written bytes the target's content; on any failure the target is untouched. */
  async commit(): Promise<{ size: number }> {
    await this.seal();
    return this.publish(this.target);
  }

  /**
   * The first half of a commit: fsync, close, read back and verify the temp file. A file written in
   * volumes seals every volume before it publishes any, so a bad volume leaves all the old ones.
   */
  async seal(): Promise<void> {
    const handle = this.requireOpen();
    const expected = this.hash.digest('hex');
    try {
      await step('fsync', () => handle.sync());
      this.handle = null;
      await step('close', () => handle.close());
      const actual = await step('verify', () => hashFile(this.fs, this.tempPath));
      if (actual !== expected) throw new HostFailure('verify-failed', 'verify:hash-mismatch');
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.sealed = true;
  }

  /** The second half: renames the sealed temp file to `target` (the writer's own, or a volume's final name). */
  async publish(target: string): Promise<{ size: number }> {
    if (!this.sealed || this.done) throw new HostFailure('unknown-stream', 'not sealed');
    try {
      await step('rename', () => this.fs.rename(this.tempPath, target));
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.done = true;
    await syncFolder(this.fs, dirname(target));
    return { size: this.written };
  }

  /** Drops the temp file; the target keeps whatever it had. Safe to call twice. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
    await this.fs.unlink(this.tempPath).catch(() => undefined);
  }

  private requireOpen(): FileHandlePort {
    if (this.done || !this.handle) throw new HostFailure('unknown-stream', 'closed');
    return this.handle;
  }
}

/** Writes a whole buffer atomically (see {@link AtomicWriter}). */
export async function writeFileAtomic(fs: FsPort, target: string, bytes: Uint8Array): Promise<{ size: number }> {
  const writer = await AtomicWriter.create(fs, target, bytes.byteLength);
  await writer.append(bytes);
  return writer.commit();
}

/** Refuses with `disk-full` when the folder's volume lacks room for `bytes` plus a margin. */
export async function ensureFreeSpace(fs: FsPort, folder: string, bytes: number): Promise<void> {
  let free: number;
  try {
    const stats = await fs.statfs(folder);
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return; // Some file systems cannot report free space; the write itself will say ENOSPC.
  }
  if (free < bytes + FREE_SPACE_MARGIN) throw new HostFailure('disk-full', `need:${bytes} free:${free}`);
}

async function hashFile(fs: FsPort, path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.open(path, 'r');
  try {
    const buffer = new Uint8Array(READ_BACK_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** Makes a rename durable. Windows cannot open folders for fsync; there the rename is left to NTFS's journal. */
async function syncFolder(fs: FsPort, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort by design: the target already holds the verified content.
  }
}

/** Runs one file-system call, its failure as the host's error naming the step. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw fromNodeError(error, name);
  }
}
