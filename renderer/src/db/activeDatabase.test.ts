import { describe, expect, it } from 'vitest';
import { DatabaseDirectory } from './activeDatabase';
import { memoryDexieOptions } from './testing';

const SESSION = { userId: 'u1', installationId: 'i1', roles: ['administrator' as const], mahallaIds: [] };

describe('active database pointer', () => {
  it('creates the first database on first run and reopens the same one later', async () => {
    const options = memoryDexieOptions();
    const first = await new DatabaseDirectory(options).openActive();
    first.session = SESSION;
    await first.settings.put({ key: 'setupCompletedAt', value: 'x' });
    first.close();
    const again = await new DatabaseDirectory(options).openActive();
    expect(again.name).toBe(first.name);
    expect(await again.settings.get('setupCompletedAt')).toEqual({ key: 'setupCompletedAt', value: 'x' });
  });

  it('swaps to a staged database only when told to, keeping the old one', async () => {
    const options = memoryDexieOptions();
    const directory = new DatabaseDirectory(options);
    const live = await directory.openActive();
    live.session = SESSION;
    await live.settings.put({ key: 'setupCompletedAt', value: 'old' });
    const staged = directory.createStaged();
    await staged.open();
    staged.session = SESSION;
    await staged.settings.put({ key: 'setupCompletedAt', value: 'restored' });
    expect(await directory.activeName()).toBe(live.name);
    await directory.activate(staged.name);
    const reopened = await new DatabaseDirectory(options).openActive();
    expect(reopened.name).toBe(staged.name);
    expect((await reopened.settings.get('setupCompletedAt'))?.value).toBe('restored');
    expect((await live.settings.get('setupCompletedAt'))?.value).toBe('old');
  });
});
