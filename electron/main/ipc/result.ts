import type { HostError, HostErrorCode, HostResult } from '../../../renderer/src/host/hostApi';

export const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });

export const fail = (code: HostErrorCode, detail?: string): { ok: false; error: HostError } =>
  detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } };

/** A failure that a handler throws deep inside a step; the glue turns it back into data. */
export class HostFailure extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'HostFailure';
  }
}

/** Maps a Node errno error met at `step` to a host error code the UI can translate. */
export function fromNodeError(error: unknown, step: string): HostFailure {
  if (error instanceof HostFailure) return error;
  const errno = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
  const detail = `${step}:${errno}`;
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new HostFailure('disk-full', detail);
    case 'EFBIG':
      // A FAT32 drive (most USB sticks) refuses a file past 4 GB.
      return new HostFailure('too-large-for-drive', detail);
    case 'ENOENT':
      return new HostFailure('not-found', detail);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'EBUSY':
      return new HostFailure('not-allowed', detail);
    default:
      return new HostFailure('io', detail);
  }
}

type AsyncResultFns = Record<string, (...args: never[]) => Promise<HostResult<unknown>>>;

/** Wraps handlers so a failure thrown in any step comes back as data, whoever calls them. */
export function catching<T extends AsyncResultFns>(handlers: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const failure = error instanceof HostFailure ? error : fromUnknown(error);
        return fail(failure.code, failure.detail);
      }
    };
  }
  return wrapped as T;
}

function fromUnknown(error: unknown): HostFailure {
  if (typeof error === 'object' && error !== null && 'code' in error) return fromNodeError(error, 'unknown');
  return new HostFailure('internal', error instanceof Error ? error.message.slice(0, 500) : 'unknown');
}
