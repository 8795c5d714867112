import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureStorageFor, requestPersistentStorage } from './storage';

function stubStorage(storage: Partial<StorageManager> | undefined) {
  vi.stubGlobal('navigator', { storage });
}

afterEach(() => vi.unstubAllGlobals());

describe('storage checks', () => {
  it('says storageFull before a write that would not fit', async () => {
    stubStorage({ estimate: async () => ({ usage: 900 * 2 ** 20, quota: 1000 * 2 ** 20 }), persisted: async () => true });
    await expect(ensureStorageFor(80 * 2 ** 20)).rejects.toMatchObject({ code: 'storageFull' });
    await expect(ensureStorageFor(10 * 2 ** 20)).resolves.toBeUndefined();
  });

  it('lets the write try when the browser cannot estimate', async () => {
    stubStorage(undefined);
    await expect(ensureStorageFor(10 ** 12)).resolves.toBeUndefined();
  });

  it('asks for persistence only when not yet persisted, and survives a refusal', async () => {
    const persist = vi.fn(async () => false);
    stubStorage({ persisted: async () => false, persist });
    expect(await requestPersistentStorage()).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
    stubStorage({ persisted: async () => true, persist });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });
});
