import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { SCHEMA_VERSIONS } from '.';

describe('schema versions', () => {
  it('every version has its own file and test', () => {
    // The glob leaves out the file that runs it, so this file is added by hand.
    const self = new URL(import.meta.url).pathname.split('/').pop()!;
    const files = [self, ...Object.keys(import.meta.glob('./v*.ts')).map((path) => path.replace('./', ''))];
    for (const version of SCHEMA_VERSIONS) {
      const prefix = `v${String(version.version).padStart(3, '0')}-`;
      expect(files.some((f) => f.startsWith(prefix) && !f.endsWith('.test.ts')), `${prefix} file`).toBe(true);
      expect(files.some((f) => f.startsWith(prefix) && f.endsWith('.test.ts')), `${prefix} test`).toBe(true);
    }
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });
});

describe('v001: initial tables', () => {
  it('opens an empty database with the first tables', async () => {
    const db = new HamkorlikDb('v001', memoryDexieOptions(), SCHEMA_VERSIONS.slice(0, 1));
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['mahallas', 'officeProfile', 'settings', 'users']);
    expect(db.verno).toBe(1);
  });

  it('the current schema opens a database written at v001 with its data intact', async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 1));
    await old.settings.put({ key: 'setupCompletedAt', value: '2026-01-01T00:00:00.000Z' });
    old.close();
    const current = new HamkorlikDb('upgrade', options);
    expect((await current.settings.get('setupCompletedAt'))?.value).toBe('2026-01-01T00:00:00.000Z');
  });
});
