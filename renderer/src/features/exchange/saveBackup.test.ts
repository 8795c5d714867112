import { beforeAll, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../../db/db';
import { unlockExchange, type ExchangeProgress, type OfficeKeys } from '../../db/exchange';
import { PASSPHRASE, seedOffice } from '../../db/exchange/testing';
import { grant } from '../../db/grants';
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

  it('tells the host the stored documents\' bytes as the least the file needs, so a stick without room refuses before writing, even for a first backup', async () => {
    const sized = new HamkorlikDb('save-backup-sized', memoryDexieOptions());
    await sized.open();
    await seedOffice(sized, { families: 2, documents: 3 });
    const sizedKeys = await unlockExchange(sized, { passphrase: PASSPHRASE });
    // As the register keeps them: one document's bytes are not here (a transfer without them), so it does not count.
    const ids = (await sized.documents.toCollection().primaryKeys()).sort();
    await sized.transaction('rw', [sized.documents, sized.documentFiles], async (tx) => {
      grant(tx, { bulk: { kind: 'test' } });
      for (const id of ids) await sized.documents.update(id, { size: 700_000_000 });
      await sized.documentFiles.delete(ids[0]!);
    });
    const host = createMemoryHost();
    const expected: (number | undefined)[] = [];
    const open = host.writeStreamOpen;
    host.writeStreamOpen = (request) => (expected.push(request.expectedBytes), open(request));
    expect(await getSetting(sized, 'lastBackup')).toBeUndefined();
    await saveBackup({ host, db: sized }, sizedKeys, options(() => undefined));
    await saveBackup({ host, db: sized }, sizedKeys, { ...options(() => undefined), includeDocumentBytes: false });
    expect(expected).toEqual([1_400_000_000, undefined]);
    sized.close();
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
