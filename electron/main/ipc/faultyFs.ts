import type { FsPort } from './fsPort';

export type FsStep = 'open' | 'write' | 'sync' | 'close' | 'read' | 'rename' | 'unlink' | 'stat' | 'statfs' | 'readdir' | 'mkdir';

export interface Fault {
  step: FsStep;
  /** errno code the failing call throws, e.g. `EIO`, `ENOSPC`. */
  code: string;
  /** Only calls whose path contains this text fail (handle calls use the path they were opened with). */
  pathIncludes?: string;
  /** How many matching calls fail before the fault clears itself; default 1. */
  times?: number;
  /** For `write`: how many bytes the call writes to disk before failing (a pulled USB stick). */
  partialBytes?: number;
  /** For `read` during verification: flip a bit instead of failing (a flaky stick returns wrong data). */
  corrupt?: boolean;
}

/**
 * A test double around a real FsPort that fails chosen steps. Used by unit tests and by the
 * e2e host to show that a fault at any step leaves the user's previous file intact. Never wired in main.
 */
export function withFaults(inner: FsPort, faults: Fault[]): FsPort {
  const take = (step: FsStep, path: string): Fault | undefined => {
    const index = faults.findIndex((f) => f.step === step && (!f.pathIncludes || path.includes(f.pathIncludes)));
    if (index < 0) return undefined;
    const fault = faults[index]!;
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) faults.splice(index, 1);
    else fault.times = left;
    return fault;
  };
  const error = (fault: Fault, step: string, path: string) =>
    Object.assign(new Error(`${fault.code}: injected fault at ${step} ${path}`), { code: fault.code });
  const guard = async <T>(step: FsStep, path: string, run: () => Promise<T>): Promise<T> => {
    const fault = take(step, path);
    if (fault) throw error(fault, step, path);
    return run();
  };

  return {
    async open(path, flags) {
      const handle = await guard('open', path, () => inner.open(path, flags));
      return {
        async write(buffer, offset, length, position) {
          const fault = take('write', path);
          if (fault) {
            if (fault.partialBytes) await handle.write(buffer, offset, Math.min(length, fault.partialBytes), position);
            throw error(fault, 'write', path);
          }
          return handle.write(buffer, offset, length, position);
        },
        async read(buffer, offset, length, position) {
          const fault = take('read', path);
          if (fault && !fault.corrupt) throw error(fault, 'read', path);
          const result = await handle.read(buffer, offset, length, position);
          if (fault?.corrupt && result.bytesRead > 0) buffer[offset] = buffer[offset]! ^ 0x01;
          return result;
        },
        sync: () => guard('sync', path, () => handle.sync()),
        // close(2) lets the descriptor go even when it reports an error (a write-back that failed).
        async close() {
          const fault = take('close', path);
          await handle.close();
          if (fault) throw error(fault, 'close', path);
        },
      };
    },
    rename: (from, to) => guard('rename', to, () => inner.rename(from, to)),
    unlink: (path) => guard('unlink', path, () => inner.unlink(path)),
    stat: (path) => guard('stat', path, () => inner.stat(path)),
    statfs: (path) => guard('statfs', path, () => inner.statfs(path)),
    readdir: (path) => guard('readdir', path, () => inner.readdir(path)),
    mkdir: (path, options) => guard('mkdir', path, () => inner.mkdir(path, options)),
  };
}
