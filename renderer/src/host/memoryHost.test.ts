import { describe, expect, it } from 'vitest';
import type { HostResult } from './hostApi';
import { createMemoryHost } from './memoryHost';

const value = <T>(result: HostResult<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};

describe('memory host: automatic backups and the kept data key', () => {
  it('writes, lists newest first, reads and removes automatic backups', async () => {
    const host = createMemoryHost();
    for (const [name, byte] of [
      ['auto-2026-12-04T18-00-00.hmk', 1],
      ['auto-2026-12-05T07-53-12.hmk', 2],
    ] as const) {
      const { streamId } = value(await host.automaticBackupWriteOpen({ name }));
      value(await host.writeStreamAppend(streamId, new Uint8Array([byte, byte])));
      value(await host.writeStreamCommit(streamId));
    }
    expect(host.saved.size).toBe(0);
    const list = value(await host.automaticBackupList());
    expect(list.map((b) => [b.name, b.size])).toEqual([
      ['auto-2026-12-05T07-53-12.hmk', 2],
      ['auto-2026-12-04T18-00-00.hmk', 2],
    ]);
    const { streamId, size } = value(await host.automaticBackupReadOpen('auto-2026-12-04T18-00-00.hmk'));
    expect(size).toBe(2);
    expect(value(await host.readStreamRead(streamId, 0, 10))).toEqual(new Uint8Array([1, 1]));
    value(await host.automaticBackupRemove('auto-2026-12-04T18-00-00.hmk'));
    expect(value(await host.automaticBackupList()).map((b) => b.name)).toEqual(['auto-2026-12-05T07-53-12.hmk']);
    expect(host.calls).toContain('automaticBackupWriteOpen');
  });

  it('refuses names the real host refuses', async () => {
    const host = createMemoryHost();
    for (const result of [
      await host.automaticBackupWriteOpen({ name: '../x.hmk' }),
      await host.automaticBackupReadOpen('auto-x.hmk'),
      await host.automaticBackupRemove('notes.txt'),
    ]) {
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-argument');
    }
    const missing = await host.automaticBackupReadOpen('auto-2026-12-05T07-53-12.hmk');
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found');
  });

  it('keeps a copy of the data key and forgets it on null', async () => {
    const host = createMemoryHost();
    expect(value(await host.keptDataKey())).toBeNull();
    const key = new Uint8Array(32).fill(9);
    value(await host.keepDataKey(key));
    key.fill(0);
    expect(value(await host.keptDataKey())).toEqual(new Uint8Array(32).fill(9));
    value(await host.keepDataKey(null));
    expect(value(await host.keptDataKey())).toBeNull();
  });
});
