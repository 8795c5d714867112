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
    const staged = await directory.createStaged();
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

  it('deletes the staged database a cut-off restore left behind, and only that one', async () => {
    const options = memoryDexieOptions();
    const directory = new DatabaseDirectory(options);
    const live = await directory.openActive();
    const cutOff = await directory.createStaged();
    await cutOff.open();
    cutOff.session = SESSION;
    await cutOff.settings.put({ key: 'setupCompletedAt', value: 'half restored' });
    cutOff.close();
    live.close();
    const names = async () => (await (options.indexedDB as IDBFactory).databases()).map((info) => info.name).sort();
    expect(await names()).toContain(cutOff.name);

    const reopened = await new DatabaseDirectory(options).openActive();
    expect(reopened.name).toBe(live.name);
    expect(await names()).not.toContain(cutOff.name);

    // A restore that completed is not touched again.
    const completed = await directory.createStaged();
    await completed.open();
    completed.close();
    await directory.activate(completed.name);
    reopened.close();
    expect((await new DatabaseDirectory(options).openActive()).name).toBe(completed.name);
    expect(await names()).toEqual(expect.arrayContaining([live.name, completed.name]));
  });
});
