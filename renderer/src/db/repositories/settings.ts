import type { HamkorlikDb } from '../db';
import type { KeySlots } from '../../exchange';

/** Office-wide settings with their types; UI preferences of one PC (language) live in localStorage instead. */
export interface SettingValues {
  /** When first-run setup finished; its presence means the office is set up. */
  setupCompletedAt: string;
  /** Minutes without input before the screen locks. */
  idleLockMinutes: number;
  /** The office's exchange data key, wrapped only (db/exchange/exchangeKeys.ts); never in the audit. */
  exchangeKeys: { slots: KeySlots; setUpAt: string; changedAt: string | null; /** The data key's public id (exchange/keys.ts dataKeyId); absent in setups made before it existed. */ dataKeyId?: string };
  /** When and to which file the last backup was written (db/exchange/backup.ts). */
  /** `size` and `includesDocumentBytes` from version 0.x on (older records lack them): the next backup's size is estimated from them. */
  lastBackup: { at: string; fileName: string; size?: number; includesDocumentBytes?: boolean; volumes?: number };
  /** The last automatic backup into the app's data folder (features/exchange/automaticBackup.ts). */
  lastAutomaticBackup: { at: string; fileName: string };
}

export async function getSetting<K extends keyof SettingValues>(db: HamkorlikDb, key: K): Promise<SettingValues[K] | undefined> {
  return (await db.settings.get(key))?.value as SettingValues[K] | undefined;
}

export async function setSetting<K extends keyof SettingValues>(db: HamkorlikDb, key: K, value: SettingValues[K]): Promise<void> {
  await db.settings.put({ key, value });
}
