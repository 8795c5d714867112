import { inspectPackage, type PackageInfo } from '../../db/exchange';
import type { FileFilter, HostApi } from '../../host/hostApi';
import { openHostSource, type HostFileSource } from '../../host/streams';
import { hostFailure, type FailureMessage } from './exchangeMessages';

/** What opening a package file came to: nothing (cancelled, or the host could not open it), or the file held open with its header or the reason it could not be read. */
export type OpenedPackage =
  | { source: null; failure: FailureMessage | null }
  | { source: HostFileSource; info: PackageInfo }
  | { source: HostFileSource; info?: undefined; error: unknown };

/**
 * The step every dialog that reads a package starts with: the file dropped onto the window
 * (`given`) or one the user picks, opened, and its header read. The file stays open even when
 * its header is unreadable, so the dialog holds and closes it like any other.
 */
export async function openPackage(host: HostApi, filters: FileFilter[], given?: HostFileSource): Promise<OpenedPackage> {
  const opened = given ? { ok: true as const, value: given } : await openHostSource(host, { filters });
  if (!opened.ok) return { source: null, failure: opened.error.code === 'cancelled' ? null : hostFailure(opened.error) };
  try {
    return { source: opened.value, info: await inspectPackage(() => opened.value.open()) };
  } catch (error) {
    return { source: opened.value, error };
  }
}
