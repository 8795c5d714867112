import { describe, expect, it } from 'vitest';
import { backupAge, backupFileName, expectedBackupBytes, officeShortName, packageFilters, transferFileName, volumeNames, volumesLikelyNeeded } from './backupFile';

describe('backup file names', () => {
  it('are Hamkorlik-<district>-<dd.mm.yyyy>.hmk, without apostrophes or the word for district', () => {
    const now = new Date(2026, 2, 5, 9, 7);
    expect(backupFileName({ districtCode: '1727259' }, now)).toMatch(/^Hamkorlik-[A-Za-z-]+-05\.03\.2026\.hmk$/u);
    expect(officeShortName({ districtCode: '1706215' })).toBe('Gijduvon');
    expect(backupFileName({ districtCode: '1706215' }, now)).toBe('Hamkorlik-Gijduvon-05.03.2026.hmk');
    expect(backupFileName({ districtCode: '1706215' }, now, { withTime: true })).toBe('Hamkorlik-Gijduvon-05.03.2026-09.07.hmk');
    expect(backupFileName(undefined, now)).toBe('Hamkorlik-05.03.2026.hmk');
    expect(packageFilters('Zaxira nusxa')).toEqual([{ name: 'Zaxira nusxa', extensions: ['hmk'] }]);
  });

  it('a backup older than 7 days, or none, is flagged', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    expect(backupAge(null, now)).toEqual({ days: null, stale: true });
    expect(backupAge('2026-03-13T12:00:00Z', now)).toEqual({ days: 7, stale: false });
    expect(backupAge('2026-03-12T11:00:00Z', now)).toEqual({ days: 8, stale: true });
  });

  it('a transfer is Hamkorlik-transfer-<district>-<dd.mm.yyyy>.hmk, its receipt -receipt-', () => {
    const now = new Date(2026, 10, 24, 15, 30);
    expect(transferFileName({ districtCode: '1706215' }, now)).toBe('Hamkorlik-transfer-Gijduvon-24.11.2026.hmk');
    expect(transferFileName({ districtCode: '1706215' }, now, 'receipt')).toBe('Hamkorlik-receipt-Gijduvon-24.11.2026.hmk');
    expect(transferFileName(undefined, now)).toBe('Hamkorlik-transfer-24.11.2026.hmk');
  });
});

describe('the size a backup is expected to need', () => {
  it('is most of the last backup of the same kind, and unknown without one', () => {
    expect(expectedBackupBytes({ size: 50_000_000, includesDocumentBytes: true }, true)).toBe(40_000_000);
    // Without the document bytes the last one (with them) says nothing about this one, and the other way round.
    expect(expectedBackupBytes({ size: 50_000_000, includesDocumentBytes: true }, false)).toBeUndefined();
    expect(expectedBackupBytes({ size: 50_000_000, includesDocumentBytes: false }, true)).toBeUndefined();
    // A record of a backup made before sizes were kept, or none at all.
    expect(expectedBackupBytes({}, true)).toBeUndefined();
    expect(expectedBackupBytes(undefined, false)).toBeUndefined();
  });

  it('with the documents, at least their stored bytes: a first backup is checked against the disk too', () => {
    expect(expectedBackupBytes(undefined, true, 30_000_000)).toBe(30_000_000);
    expect(expectedBackupBytes({ size: 50_000_000, includesDocumentBytes: true }, true, 30_000_000)).toBe(40_000_000);
    expect(expectedBackupBytes({ size: 50_000_000, includesDocumentBytes: true }, true, 45_000_000)).toBe(45_000_000);
    // Left out, the documents count for nothing.
    expect(expectedBackupBytes(undefined, false, 30_000_000)).toBeUndefined();
  });
});

describe('splitting a backup into volumes', () => {
  const GB = 1024 ** 3;
  it('is offered before any failure only when the last backup was in volumes or the next will not fit FAT32', () => {
    expect(volumesLikelyNeeded(undefined, true)).toBe(false);
    expect(volumesLikelyNeeded({ size: 50 * 2 ** 20, includesDocumentBytes: true }, true)).toBe(false);
    expect(volumesLikelyNeeded({ size: 5.5 * GB, includesDocumentBytes: true }, true)).toBe(true);
    // Without document bytes the next backup is another size: the last one with them says nothing.
    expect(volumesLikelyNeeded({ size: 5.5 * GB, includesDocumentBytes: true }, false)).toBe(false);
    expect(volumesLikelyNeeded({ size: 3 * GB, includesDocumentBytes: true, volumes: 2 }, true)).toBe(true);
    // No backup yet, but the stored documents alone pass 4 GiB.
    expect(volumesLikelyNeeded(undefined, true, 4.5 * GB)).toBe(true);
    expect(volumesLikelyNeeded(undefined, false, 4.5 * GB)).toBe(false);
  });

  it('names the volumes as the host writes them', () => {
    expect(volumeNames('Hamkorlik-Chilonzor-05.12.2026.hmk')).toEqual(['Hamkorlik-Chilonzor-05.12.2026.001.hmk', 'Hamkorlik-Chilonzor-05.12.2026.002.hmk']);
  });
});
