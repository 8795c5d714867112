import { DomainError } from '../domain/errors';

/**
 * The browser's storage quota, asked for before large writes: the office should hear "the disk
 * is nearly full" before a transfer is half-imported, not from a failed transaction.
 */
export interface StorageStatus {
  persisted: boolean;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Asks the browser not to evict the database under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** A margin kept free beyond the write itself, for indexes and the transaction log. */
const MARGIN_BYTES = 32 * 1024 * 1024;

/** Throws `storageFull` when `bytes` (with a margin) would not fit in the quota left. */
export async function ensureStorageFor(bytes: number): Promise<void> {
  const { usageBytes, quotaBytes } = await storageStatus();
  if (usageBytes === null || quotaBytes === null) return;
  if (quotaBytes - usageBytes < bytes + MARGIN_BYTES) {
    throw new DomainError('storageFull', `need ${bytes}, free ${quotaBytes - usageBytes}`);
  }
}
