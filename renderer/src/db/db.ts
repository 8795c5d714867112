import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Mahalla } from '../domain/mahalla';
import type { OfficeProfile } from '../domain/office';
import type { User } from '../domain/user';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

/** A key–value setting of the office (its data is carried by backups, unlike UI preferences). */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The office database. Opened through the active-database pointer (see activeDatabase.ts), never
 * by a fixed name, so that a restore can be staged into a new database and swapped in.
 * Writes use strict durability: a case file saved before a power cut must still be there after it.
 */
export class HamkorlikDb extends Dexie {
  officeProfile!: Table<OfficeProfile, string>;
  settings!: Table<Setting, string>;
  users!: Table<User, string>;
  mahallas!: Table<Mahalla, string>;

  constructor(name: string, options: DexieOptions = {}, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const version of versions) {
      const declared = this.version(version.version).stores(version.stores);
      if (version.upgrade) declared.upgrade(version.upgrade);
    }
  }
}
