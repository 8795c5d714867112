import { beforeAll, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../../db/db';
import { unlockExchange, type ExchangeProgress, type OfficeKeys } from '../../db/exchange';
import { PASSPHRASE, seedOffice } from '../../db/exchange/testing';
import { getSetting } from '../../db/repositories/settings';
import { memoryDexieOptions } from '../../db/testing';
import { createMemoryHost, type MemoryHost } from '../../host/memoryHost';
import { saveBackup } from './saveBackup';

let db: HamkorlikDb;
let keys: OfficeKeys;

beforeAll(async () => {
  db = new HamkorlikDb('save-backup', memoryDexieOptions());
  await db.open();
  await seedOffice(db, { families: 4 });
  keys = await unlockExchange(db, { passphrase: PASSPHRASE });
});

const options = (onProgress: (progress: ExchangeProgress) => void, signal = new AbortController().signal) => ({ fileName: 'Hamkorlik-Yangiyol-07.12.2026.hmk', filterName: 'Hamkorlik', includeDocumentBytes: true, onProgress, signal });

describe('saving a backup to a file the user picks', () => {
  it('says when everything is written and only the host’s check of the file is left, which Cancel no longer stops', async () => {
    const host: MemoryHost = createMemoryHost();
    const phases: string[] = [];
    const controller = new AbortController();
    let committed = false;
    const commit = host.writeStreamCommit;
    host.writeStreamCommit = (streamId) => {
      committed = true;
      return commit(streamId);
    };
    const result = await saveBackup({ host, db }, keys, options((progress) => {
      // Cancel pressed while the host checks the written file: too late to undo, and not pretended.
      if (progress.phase === 'checking') controller.abort();
      phases.push(progress.phase);
    }, controller.signal));
    expect(phases.at(-1)).toBe('checking');
    expect(phases.filter((phase) => phase === 'checking')).toHaveLength(1);
    expect(phases.slice(0, -1).every((phase) => phase === 'writing')).toBe(true);
    expect(committed).toBe(true);
    expect(result).toMatchObject({ ok: true, value: { file: { name: 'Hamkorlik-Yangiyol-07.12.2026.hmk' } } });
    expect(host.saved.has('Hamkorlik-Yangiyol-07.12.2026.hmk')).toBe(true);
    expect((await getSetting(db, 'lastBackup'))?.fileName).toBe('Hamkorlik-Yangiyol-07.12.2026.hmk');
  });

  it('a Cancel while records are still being written leaves no file and no "last backup"', async () => {
    const host = createMemoryHost();
    const before = await getSetting(db, 'lastBackup');
    const controller = new AbortController();
    const saving = saveBackup({ host, db }, keys, options((progress) => {
      if (progress.phase === 'writing') controller.abort();
    }, controller.signal));
    await expect(saving).rejects.toThrow();
    expect(host.saved.size).toBe(0);
    expect(await getSetting(db, 'lastBackup')).toEqual(before);
  });
});
