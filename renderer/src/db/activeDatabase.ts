import Dexie, { type DexieOptions, type Table } from 'dexie';
import { HamkorlikDb } from './db';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

/**
 * A pointer record: `active` names the office's current database; `staging` names the database a
 * restore is filling, until it becomes active or is dropped.
 */
export interface DatabasePointer {
  key: 'active' | 'staging';
  name: string;
  since: string;
}

/** The small database that holds only the pointer. Its name never changes. */
export const META_DATABASE = 'hamkorlik-meta';
const DATA_PREFIX = 'hamkorlik-data-';

class MetaDb extends Dexie {
  pointers!: Table<DatabasePointer, string>;
  constructor(options: DexieOptions) {
    super(META_DATABASE, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ pointers: 'key' });
  }
}

/**
 * Opens the office database through a pointer instead of a fixed name. A restore later builds
 * a complete new database beside the live one and only then moves the pointer, so a failed or
 * interrupted restore never touches the data in use.
 */
export class DatabaseDirectory {
  private readonly meta: MetaDb;

  constructor(private readonly options: DexieOptions = {}) {
    this.meta = new MetaDb(options);
  }

  /**
   * Opens the current database, creating the first one on first run. A restore that was cut off
   * (the app closed or crashed while it wrote) left its half-filled staged database behind: it is
   * deleted here, before anything else, so it never takes disk space for long.
   */
  async openActive(now = new Date()): Promise<HamkorlikDb> {
    let pointer = await this.meta.pointers.get('active');
    if (!pointer) {
      pointer = { key: 'active', name: newDatabaseName(), since: now.toISOString() };
      await this.meta.pointers.put(pointer);
    }
    const staging = await this.meta.pointers.get('staging');
    if (staging && staging.name !== pointer.name) await this.dropStaged(staging.name);
    const db = new HamkorlikDb(pointer.name, this.options);
    await db.open();
    return db;
  }

  /**
   * A new, empty database to fill (for a restore) before it is made active, noted as staging first
   * so that an interruption cannot leave it behind unnoticed. `versions` declares only the schema
   * versions up to an older backup's, so its records are written at their own version.
   */
  async createStaged(versions?: readonly SchemaVersion[], now = new Date()): Promise<HamkorlikDb> {
    const name = newDatabaseName();
    await this.meta.pointers.put({ key: 'staging', name, since: now.toISOString() });
    return new HamkorlikDb(name, this.options, versions);
  }

  /** A staged database by name with the full schema: opening it runs the upgrades from its version. */
  reopenStaged(name: string): HamkorlikDb {
    return new HamkorlikDb(name, this.options);
  }

  /** Deletes a staged database that will not become active, and forgets it. */
  async dropStaged(name: string): Promise<void> {
    await new Dexie(name, this.options).delete();
    await this.meta.transaction('rw', this.meta.pointers, async () => {
      if ((await this.meta.pointers.get('staging'))?.name === name) await this.meta.pointers.delete('staging');
    });
  }

  /** Makes `name` the current database. The previous one is kept until deleted deliberately. */
  async activate(name: string, now = new Date()): Promise<void> {
    await this.meta.transaction('rw', this.meta.pointers, async () => {
      await this.meta.pointers.put({ key: 'active', name, since: now.toISOString() });
      if ((await this.meta.pointers.get('staging'))?.name === name) await this.meta.pointers.delete('staging');
    });
  }

  /**
   * The current database opened at the schema version it is stored at, when that is older than this
   * app's (an update is about to upgrade it), so that it can be backed up first; null when it is
   * current, new, or of a version this app does not know.
   */
  async openOlderActive(): Promise<HamkorlikDb | null> {
    const pointer = await this.meta.pointers.get('active');
    if (!pointer) return null;
    const factory = (this.options.indexedDB ?? indexedDB) as IDBFactory;
    const stored = (await factory.databases()).find((info) => info.name === pointer.name)?.version;
    // Dexie stores version n as 10n.
    const version = stored ? Math.round(stored / 10) : 0;
    const current = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
    if (version === 0 || version >= current) return null;
    const versions = SCHEMA_VERSIONS.filter((schema) => schema.version <= version);
    if (versions[versions.length - 1]?.version !== version) return null;
    const db = new HamkorlikDb(pointer.name, this.options, versions);
    await db.open();
    return db;
  }

  async activeName(): Promise<string | undefined> {
    return (await this.meta.pointers.get('active'))?.name;
  }

  close(): void {
    this.meta.close();
  }
}

function newDatabaseName(): string {
  return `${DATA_PREFIX}${crypto.randomUUID()}`;
}
