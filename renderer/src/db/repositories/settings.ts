import type { HamkorlikDb } from '../db';

/** Office-wide settings with their types; UI preferences of one PC (language) live in localStorage instead. */
export interface SettingValues {
  /** When first-run setup finished; its presence means the office is set up. */
  setupCompletedAt: string;
  /** Minutes without input before the screen locks. */
  idleLockMinutes: number;
}

export async function getSetting<K extends keyof SettingValues>(db: HamkorlikDb, key: K): Promise<SettingValues[K] | undefined> {
  return (await db.settings.get(key))?.value as SettingValues[K] | undefined;
}

export async function setSetting<K extends keyof SettingValues>(db: HamkorlikDb, key: K, value: SettingValues[K]): Promise<void> {
  await db.settings.put({ key, value });
}
