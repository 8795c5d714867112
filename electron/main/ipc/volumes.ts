import { basename, dirname, extname, join } from 'node:path';
import { AtomicWriter, ensureFreeSpace, step } from './atomicFile';
import type { FileHandlePort, FsPort } from './fsPort';
import { HostFailure } from './result';

/**
 * FAT32, on most USB sticks, takes no file of 4 GiB or more. A file written in volumes cuts itself
 * at 4095 MiB, a little under that limit.
 */
export const FAT32_VOLUME_BYTES = 4095 * 1024 * 1024;
/** More volumes than this is no backup a person would carry; the number also stays three digits. */
export const MAX_VOLUMES = 999;

/**
 * The name of volume `n` of `target`: its number before the extension, three digits
 * (`Hamkorlik-Chilonzor-05.12.2026.hmk` → `Hamkorlik-Chilonzor-05.12.2026.002.hmk`), so that the
 * volumes sort together and keep the extension the open dialog filters on.
 */
export function volumePath(target: string, n: number): string {
  const extension = extname(target);
  return `${target.slice(0, target.length - extension.length)}.${String(n).padStart(3, '0')}${extension}`;
}

/** `VOLUME_NAME` of renderer/src/host/hostApi.ts (electron/ may only `import type` from there): held equal by volumes.test.ts. */
export const VOLUME_NAME = /^(.*)\.(\d{3})(\.[^./\\]+)$/u;

/** Which volume `path` names, and the name of the whole file: null for a path that names no volume. */
export function parseVolumePath(path: string): { target: string; n: number } | null {
  const match = VOLUME_NAME.exec(path);
  if (!match) return null;
  const n = Number(match[2]);
  return n >= 1 ? { target: `${match[1]}${match[3]}`, n } : null;
}

/** What the stream handlers need of a writer: one file, or one file in volumes. */
export interface StreamWriter {
  /** The file the user chose. */
  readonly target: string;
  append(chunk: Uint8Array): Promise<void>;
  /** Verifies and renames into place; `path` is where the file (its first volume) now is. */
  commit(): Promise<{ size: number; path: string; volumes?: number }>;
  abort(): Promise<void>;
}

/** {@link AtomicWriter} as a {@link StreamWriter}. */
export function singleFileWriter(writer: AtomicWriter): StreamWriter {
  return {
    target: writer.target,
    append: (chunk) => writer.append(chunk),
    commit: async () => ({ ...(await writer.commit()), path: writer.target }),
    abort: () => writer.abort(),
  };
}

/**
 * Writes one file as volumes of at most `volumeBytes` each, every volume an {@link AtomicWriter}
 * beside the target. The commit seals (fsync, read back, verify) every volume before it renames
 * any, so a failure up to then leaves the previous file and its volumes as they were. Bytes that
 * fit one volume make one plain file under the chosen name, one atomic rename; volumes of an older
 * file of that name are then removed. More make `name.001.ext`, `name.002.ext`…: renaming several
 * files is not one atomic step, so every file of the previous one — the plain file of that name and
 * all its volumes, however many — is first moved aside (`.name.002.hmk.previous`) and put back if a
 * step fails, so a failure leaves the previous file whole, never half old and half new, and a reader
 * that gathers the volumes never takes one that is not part of this file.
 */
export class VolumeWriter implements StreamWriter {
  private readonly volumes: AtomicWriter[];
  private size = 0;
  /** Set by abort (the window closing while an append is under way): no new volume is started after it. */
  private aborted = false;

  private constructor(
    private readonly fs: FsPort,
    readonly target: string,
    private readonly volumeBytes: number,
    first: AtomicWriter,
  ) {
    this.volumes = [first];
  }

  static async create(fs: FsPort, target: string, volumeBytes: number, expectedBytes?: number): Promise<VolumeWriter> {
    if (!Number.isInteger(volumeBytes) || volumeBytes < 1) throw new HostFailure('invalid-argument', `volumeBytes:${volumeBytes}`);
    if (expectedBytes !== undefined) await ensureFreeSpace(fs, dirname(target), expectedBytes);
    return new VolumeWriter(fs, target, volumeBytes, await AtomicWriter.create(fs, volumePath(target, 1)));
  }

  async append(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    try {
      while (offset < chunk.byteLength) {
        let current = this.volumes[this.volumes.length - 1]!;
        if (this.aborted) throw new HostFailure('cancelled', 'aborted');
        if (current.bytesWritten >= this.volumeBytes) {
          if (this.volumes.length >= MAX_VOLUMES) throw new HostFailure('too-large', `volumes:${MAX_VOLUMES}`);
          current = await AtomicWriter.create(this.fs, volumePath(this.target, this.volumes.length + 1));
          this.volumes.push(current);
          // Aborted while the volume was being created: it goes with the others.
          if (this.aborted) await current.abort();
        }
        const take = Math.min(chunk.byteLength - offset, this.volumeBytes - current.bytesWritten);
        await current.append(chunk.subarray(offset, offset + take));
        offset += take;
        this.size += take;
      }
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  async commit(): Promise<{ size: number; path: string; volumes: number }> {
    const count = this.volumes.length;
    const names = count === 1 ? [this.target] : this.volumes.map((_, i) => volumePath(this.target, i + 1));
    try {
      for (const volume of this.volumes) await volume.seal();
    } catch (error) {
      await this.abort();
      throw error;
    }
    // One file is one rename over the target: atomic, nothing to set aside. Volumes replace every file
    // of the previous one: the plain file of that name and all its volumes, a longer run's last ones
    // included (a reader gathering the volumes would take them as part of this file).
    const previous = count > 1 ? [...((await this.exists(this.target)) ? [this.target] : []), ...(await this.existingVolumes())] : [];
    const aside: { name: string; moved: string }[] = [];
    const published: string[] = [];
    try {
      for (const name of previous) {
        const moved = join(dirname(name), `.${basename(name)}.previous`);
        await step('rename', () => this.fs.rename(name, moved));
        aside.push({ name, moved });
      }
      for (const [i, volume] of this.volumes.entries()) {
        await volume.publish(names[i]!);
        published.push(names[i]!);
      }
    } catch (error) {
      // Best effort, on the drive that just refused a rename: the new volumes go, the previous come back.
      for (const name of published) await this.fs.unlink(name).catch(() => undefined);
      for (const { name, moved } of aside) await this.fs.rename(moved, name).catch(() => undefined);
      await this.abort();
      throw error;
    }
    for (const { moved } of aside) await this.fs.unlink(moved).catch(() => undefined);
    // A plain file replaced volumes of an older, larger backup of that name: they go too (left, they
    // would still open as that older backup). The new file is whole either way.
    if (count === 1) for (const name of await this.existingVolumes()) await this.fs.unlink(name).catch(() => undefined);
    return { size: this.size, path: names[0]!, volumes: count };
  }

  /** The volumes of a file of the target's name that are there now, from the first up to the first missing. */
  private async existingVolumes(): Promise<string[]> {
    const found: string[] = [];
    for (let k = 1; k <= MAX_VOLUMES && (await this.exists(volumePath(this.target, k))); k += 1) found.push(volumePath(this.target, k));
    return found;
  }

  private async exists(path: string): Promise<boolean> {
    try {
      return (await this.fs.stat(path)).isFile();
    } catch {
      return false;
    }
  }

  async abort(): Promise<void> {
    this.aborted = true;
    await Promise.all(this.volumes.map((volume) => volume.abort()));
  }
}

/** One part of what a read stream reads: a whole file, or one volume of a file written in volumes. */
export interface ReadPart {
  handle: FileHandlePort;
  size: number;
}

/**
 * The files to read for `path`: the file alone, or, when it names a volume (`name.002.hmk`), every
 * volume of its file from the first, in order, up to the first that is missing. Without a first
 * volume the picked file is read alone; a missing later one shows as the package ending early, which
 * the reader reports.
 */
export async function volumesToRead(fs: FsPort, path: string): Promise<string[]> {
  const volume = parseVolumePath(path);
  if (!volume) return [path];
  const paths: string[] = [];
  for (let n = 1; n <= MAX_VOLUMES; n += 1) {
    const candidate = volumePath(volume.target, n);
    try {
      if (!(await fs.stat(candidate)).isFile()) break;
    } catch (error) {
      // No first volume: the picked file is read alone. A whole file renamed by hand to `name.123.hmk`
      // opens as it is; a lone later volume is then refused by the package reader, and the page names
      // the missing volumes.
      if (n === 1) return [path];
      break;
    }
    paths.push(candidate);
  }
  return paths;
}

/** Reads `length` bytes at `offset` of the parts taken end to end; fewer where they end. */
export async function readAcross(parts: ReadPart[], offset: number, length: number): Promise<Uint8Array> {
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  const wanted = Math.max(0, Math.min(length, total - offset));
  const buffer = new Uint8Array(wanted);
  let filled = 0;
  let start = 0;
  for (const part of parts) {
    if (filled === wanted) break;
    const end = start + part.size;
    const position = offset + filled;
    if (position < end) {
      const inPart = Math.min(wanted - filled, end - position);
      let got = 0;
      while (got < inPart) {
        const { bytesRead } = await part.handle.read(buffer, filled + got, inPart - got, position - start + got);
        if (bytesRead === 0) return buffer.subarray(0, filled + got); // the file shrank under us
        got += bytesRead;
      }
      filled += got;
    }
    start = end;
  }
  return buffer;
}
