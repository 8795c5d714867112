import { beforeEach, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../../db/db';
import { exchangeStatus, inspectPackage, keepOfficeKey, keptOfficeKeys, restoreBackup, setUpExchange, unlockExchange } from '../../db/exchange';
import { PASSPHRASE, seedOffice, snapshot, TEST_KDF } from '../../db/exchange/testing';
import { DatabaseDirectory } from '../../db/activeDatabase';
import { memoryDexieOptions } from '../../db/testing';
import { createMemoryHost, type MemoryHost } from '../../host/memoryHost';
import { SCHEMA_VERSIONS } from '../../db/versions';
import { touched } from '../../domain/record';
import { AUTOMATIC_BACKUPS_KEPT, automaticBackupDue, automaticBackupName, automaticBackupsToRemove, backupBeforeUpgrade, backupBeforeUpgradeAsking, runAutomaticBackup, type UpgradeBackupAnswer } from './automaticBackup';
import type { FailureMessage } from './exchangeMessages';

const at = (iso: string) => new Date(iso);

describe('when an automatic backup is due', () => {
  it('is due with none yet, 20 hours after the last, and after a clock set back; not sooner', () => {
    expect(automaticBackupDue(null, at('2026-12-05T08:00:00Z'))).toBe(true);
    expect(automaticBackupDue('2026-12-04T16:00:00Z', at('2026-12-05T08:00:00Z'))).toBe(false);
    expect(automaticBackupDue('2026-12-04T12:00:00Z', at('2026-12-05T08:00:00Z'))).toBe(true);
    expect(automaticBackupDue('2027-01-01T00:00:00Z', at('2026-12-05T08:00:00Z'))).toBe(true);
    expect(automaticBackupDue('not a date', at('2026-12-05T08:00:00Z'))).toBe(true);
  });

  it('names files so that they sort by time, and keeps the newest', () => {
    expect(automaticBackupName(at('2026-12-05T07:53:12.345Z'))).toBe('auto-2026-12-05T07-53-12.hmk');
    const list = ['2026-12-01', '2026-12-03', '2026-11-30', '2026-12-02'].map((day) => ({ name: automaticBackupName(at(`${day}T09:00:00Z`)), size: 1, modifiedAt: `${day}T09:00:00Z` }));
    expect(automaticBackupsToRemove(list, 2)).toEqual(['auto-2026-12-01T09-00-00.hmk', 'auto-2026-11-30T09-00-00.hmk']);
    expect(automaticBackupsToRemove(list, 7)).toEqual([]);
    // Never all of them, whatever `keep` says.
    expect(automaticBackupsToRemove(list, 0)).toHaveLength(3);
  });
});

describe('the automatic backup of this PC', () => {
  let db: HamkorlikDb;
  let host: MemoryHost;
  let userId: string;
  let installationId: string;

  beforeEach(async () => {
    db = new HamkorlikDb(`auto-${crypto.randomUUID()}`, memoryDexieOptions());
    await db.open();
    ({ userId, installationId } = await seedOffice(db, { families: 6 }));
    host = createMemoryHost();
  });

  const asCaseManager = () => {
    db.session = { userId, installationId, roles: ['caseManager'], mahallaIds: [] };
  };

  it('does nothing until this PC keeps the office key, then backs up whoever is logged in, once a day', async () => {
    asCaseManager();
    expect(await runAutomaticBackup({ db, host }, at('2026-12-05T08:00:00Z'))).toEqual({ skipped: 'noKey' });
    db.session = { userId, installationId, roles: ['supervisor'], mahallaIds: [] };
    expect(await keepOfficeKey(db, host, await unlockExchange(db, { passphrase: PASSPHRASE }))).toEqual({ kept: true });

    asCaseManager(); // a case manager reads only their mahallas, yet the PC's backup holds everything
    const made = await runAutomaticBackup({ db, host }, at('2026-12-05T08:00:00Z'));
    expect(made).toMatchObject({ made: { name: 'auto-2026-12-05T08-00-00.hmk' }, removed: [] });
    expect(await runAutomaticBackup({ db, host }, at('2026-12-05T15:00:00Z'))).toEqual({ skipped: 'notDue' });

    // The file restores, with the passphrase, to exactly this office.
    const directory = new DatabaseDirectory(memoryDexieOptions());
    const bytes = host.automaticBackups.get('auto-2026-12-05T08-00-00.hmk')!.bytes;
    db.session = { userId, installationId, roles: ['administrator'], mahallaIds: [] };
    const { databaseName } = await restoreBackup(directory, () => [bytes], { passphrase: PASSPHRASE }, { actor: db.session });
    const restored = directory.reopenStaged(databaseName);
    restored.session = db.session;
    const [before, after] = [await snapshot(db), await snapshot(restored)];
    expect(after.cases).toEqual(before.cases);
    expect(after.persons).toEqual(before.persons);
    expect(after.credentials).toEqual(before.credentials);
  });

  it(`keeps the newest ${AUTOMATIC_BACKUPS_KEPT}`, async () => {
    db.session = { userId, installationId, roles: ['supervisor'], mahallaIds: [] };
    await keepOfficeKey(db, host, await unlockExchange(db, { passphrase: PASSPHRASE }));
    for (let day = 1; day <= AUTOMATIC_BACKUPS_KEPT + 2; day += 1) {
      db.clock = () => at(`2026-12-${String(day).padStart(2, '0')}T08:00:00Z`);
      const outcome = await runAutomaticBackup({ db, host }, db.clock());
      expect(outcome).toHaveProperty('made');
    }
    expect([...host.automaticBackups.keys()].sort()).toEqual(
      Array.from({ length: AUTOMATIC_BACKUPS_KEPT }, (_, i) => `auto-2026-12-${String(i + 3).padStart(2, '0')}T08-00-00.hmk`),
    );
    // From the second one on, the host is told what size to expect, so a full disk refuses before writing.
    const opened: (number | undefined)[] = [];
    const open = host.automaticBackupWriteOpen;
    host.automaticBackupWriteOpen = (request) => (opened.push(request.expectedBytes), open(request));
    db.clock = () => at('2026-12-20T08:00:00Z');
    await runAutomaticBackup({ db, host }, db.clock());
    const newest = host.automaticBackups.get('auto-2026-12-09T08-00-00.hmk')!.bytes.byteLength;
    expect(opened).toEqual([Math.floor(newest * 0.8)]);
    expect((await exchangeStatus(db)).configured).toBe(true);
  });

  it('a restore’s safety copy removes none of the older ones: the file being restored may be the oldest', async () => {
    db.session = { userId, installationId, roles: ['supervisor'], mahallaIds: [] };
    await keepOfficeKey(db, host, await unlockExchange(db, { passphrase: PASSPHRASE }));
    for (let day = 1; day <= AUTOMATIC_BACKUPS_KEPT; day += 1) await runAutomaticBackup({ db, host }, at(`2026-12-${String(day).padStart(2, '0')}T08:00:00Z`));
    const before = [...host.automaticBackups.keys()].sort();
    expect(before).toHaveLength(AUTOMATIC_BACKUPS_KEPT);
    const copy = await runAutomaticBackup({ db, host }, at('2026-12-08T09:30:00Z'), { force: true, keepOlder: true });
    expect(copy).toMatchObject({ made: { name: 'auto-2026-12-08T09-30-00.hmk' }, removed: [] });
    expect([...host.automaticBackups.keys()].sort()).toEqual([...before, 'auto-2026-12-08T09-30-00.hmk']);
  });

  it('on exit, backs up only when the data changed since the last automatic backup began', async () => {
    db.session = { userId, installationId, roles: ['supervisor'], mahallaIds: [] };
    await keepOfficeKey(db, host, await unlockExchange(db, { passphrase: PASSPHRASE }));
    // (The office was seeded at the real time: the test's clock runs later than that.)
    db.clock = () => at('2030-12-05T08:00:00Z');
    // Before any automatic backup, exit backs up whatever the audit says.
    expect(await runAutomaticBackup({ db, host }, db.clock(), { ifChanged: true })).toHaveProperty('made');
    db.clock = () => at('2030-12-05T09:00:00Z');
    expect(await runAutomaticBackup({ db, host }, db.clock(), { ifChanged: true })).toEqual({ skipped: 'unchanged' });

    asCaseManager();
    db.clock = () => at('2030-12-05T10:00:00Z');
    const kase = (await db.cases.toCollection().first())!;
    await db.cases.put(touched(kase, { phones: ['+998 90 000 00 00'] }, db.writeContext()));
    db.clock = () => at('2030-12-05T10:30:00Z');
    expect(await runAutomaticBackup({ db, host }, db.clock(), { ifChanged: true })).toMatchObject({ made: { name: 'auto-2030-12-05T10-30-00.hmk' } });
    // Not due by the daily rule (2.5 hours), and nothing changed since 10:30: no file on exit.
    db.clock = () => at('2030-12-05T17:00:00Z');
    expect(await runAutomaticBackup({ db, host }, db.clock(), { ifChanged: true })).toEqual({ skipped: 'unchanged' });
    expect(host.automaticBackups.size).toBe(2);
  });

  it('a kept key that no longer opens the office slots (a new setup here) is not used', async () => {
    db.session = { userId, installationId, roles: ['administrator'], mahallaIds: [] };
    await keepOfficeKey(db, host, await unlockExchange(db, { passphrase: PASSPHRASE }));
    expect(await keptOfficeKeys(db, host)).not.toBeNull();
    // Another office's key in the store: its id differs from the one the slots carry.
    const other = new HamkorlikDb(`other-${crypto.randomUUID()}`, memoryDexieOptions());
    await other.open();
    other.session = db.session;
    const { keys } = await setUpExchange(other, PASSPHRASE, TEST_KDF);
    const otherHost = createMemoryHost();
    await keepOfficeKey(other, otherHost, keys);
    host.keptKey = otherHost.keptKey;
    expect(await keptOfficeKeys(db, host)).toBeNull();
    expect(await runAutomaticBackup({ db, host }, at('2026-12-05T08:00:00Z'))).toEqual({ skipped: 'noKey' });
  });
});

describe('the backup before an upgrade', () => {
  /** An office whose database is still at v006 (this app declares later versions), its key kept by this PC, active. */
  async function officeAtV006(families: number) {
    const directory = new DatabaseDirectory(memoryDexieOptions());
    const host = createMemoryHost();
    const old = await directory.createStaged(SCHEMA_VERSIONS.filter((schema) => schema.version <= 6));
    await old.open();
    const { installationId } = await seedOffice(old, { families });
    await keepOfficeKey(old, host, await unlockExchange(old, { passphrase: PASSPHRASE }));
    const before = await snapshot(old);
    old.close();
    await directory.activate(old.name);
    return { directory, host, installationId, before };
  }

  it('backs up a database stored at an older schema, at that schema, before the app upgrades it; the file restores', async () => {
    const { directory, host, installationId, before } = await officeAtV006(5);

    const made = await backupBeforeUpgrade(directory, host, installationId, at('2026-12-05T06:00:00Z'));
    expect(made).toMatchObject({ made: { name: 'auto-2026-12-05T06-00-00.hmk' } });
    // The app then opens (and upgrades) it; nothing more to back up next time.
    const upgraded = await directory.openActive();
    expect(upgraded.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    upgraded.close();
    expect(await backupBeforeUpgrade(directory, host, installationId, at('2026-12-05T06:05:00Z'))).toEqual({ skipped: 'nothingToUpgrade' });

    // The copy is the database as it was: staged at v006, upgraded on restore.
    const bytes = host.automaticBackups.get('auto-2026-12-05T06-00-00.hmk')!.bytes;
    expect((await inspectPackage(() => [bytes])).schemaVersion).toBe(6);
    const restored = await restoreBackup(new DatabaseDirectory(memoryDexieOptions()), () => [bytes], { passphrase: PASSPHRASE }, {});
    expect(restored.counts.cases).toBe(before.cases!.length);
  });

  it('a copy that fails is not passed over in silence: the person at the PC is told why, tries again, or upgrades without it', async () => {
    const { directory, host, installationId } = await officeAtV006(3);

    // The disk is full for the first two tries.
    const open = host.automaticBackupWriteOpen.bind(host);
    let full = 2;
    host.automaticBackupWriteOpen = (request) => (full-- > 0 ? Promise.resolve({ ok: false, error: { code: 'disk-full', detail: 'ENOSPC' } }) : open(request));
    const asked: FailureMessage[] = [];
    const answers: UpgradeBackupAnswer[] = ['retry', 'retry'];
    const ui = { onStart: () => undefined, askAfterFailure: (failure: FailureMessage) => (asked.push(failure), Promise.resolve(answers.shift() ?? 'continue')) };
    expect(await backupBeforeUpgradeAsking(directory, host, installationId, () => at('2026-12-05T06:00:00Z'), ui)).toEqual({ upgrading: true });
    expect(asked).toEqual([
      { key: 'errors:host.disk-full', detail: 'ENOSPC' },
      { key: 'errors:host.disk-full', detail: 'ENOSPC' },
    ]);
    // The third try wrote it.
    expect([...host.automaticBackups.keys()]).toEqual(['auto-2026-12-05T06-00-00.hmk']);

    // The database is still at v006 (the start opens it only after this). Failing again, the person
    // upgrades without a copy: asked once, the start goes on to the upgrade, no file is written.
    full = 1;
    const failures: FailureMessage[] = [];
    const result = await backupBeforeUpgradeAsking(directory, host, installationId, () => at('2026-12-06T06:00:00Z'), { onStart: () => undefined, askAfterFailure: (failure) => (failures.push(failure), Promise.resolve('continue')) });
    expect(result).toEqual({ upgrading: true });
    expect(failures).toEqual([{ key: 'errors:host.disk-full', detail: 'ENOSPC' }]);
    expect([...host.automaticBackups.keys()]).toEqual(['auto-2026-12-05T06-00-00.hmk']);
  });
});
