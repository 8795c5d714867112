import type { HamkorlikDb } from '../db';
import { getSetting } from '../repositories/settings';
import { requireOffice } from '../repositories/guard';
import { DomainError } from '../../domain/errors';
import {
  changePassphrase,
  createExchangeKeys,
  dataKeyId,
  EXCHANGE_KDF,
  ExchangeError,
  generateRecoveryKey,
  keySlotsSchema,
  unlockDataKey,
  type ExchangeKeys,
  type KdfParams,
  type KeySlots,
} from '../../exchange';

/**
 * The office's exchange keys (FORMAT.md, "Keys"): one random data key for all its backups, kept in
 * the settings table only wrapped — by the office passphrase (Argon2id) and by a recovery key
 * printed once at setup. The raw key lives only in memory, inside an `OfficeKeys` holder.
 */

/** The settings keys: the wrapped key slots (redacted in the audit), and the last backup made. */
export const EXCHANGE_KEYS_SETTING = 'exchangeKeys';
export const LAST_BACKUP_SETTING = 'lastBackup';

/** What the exchange page shows: whether keys exist, and the last backup. */
export interface ExchangeStatus {
  configured: boolean;
  setUpAt: string | null;
  /** When the passphrase was last changed; null if never. */
  passphraseChangedAt: string | null;
  lastBackupAt: string | null;
  lastBackupFile: string | null;
}

/** What a person types to unlock the office's key. */
export type ExchangeSecret = { passphrase: string } | { recoveryKey: string };

/**
 * The unwrapped data key with its slots, as the writer and the restore take it. Opaque: the key is
 * held outside the object, so logging, serializing or cloning it (Redux, devtools) never shows it.
 */
export interface OfficeKeys {
  readonly kind: 'officeKeys';
}

const held = new WeakMap<OfficeKeys, ExchangeKeys>();

function holdKeys(keys: ExchangeKeys): OfficeKeys {
  const holder: OfficeKeys = Object.freeze({ kind: 'officeKeys' });
  held.set(holder, keys);
  return holder;
}

/** The raw keys behind a holder, for backup and restore only. */
export function keysOf(holder: OfficeKeys): ExchangeKeys {
  const keys = held.get(holder);
  if (!keys) throw new ExchangeError('invalidInput', { reason: 'officeKeys' });
  return keys;
}

/** Argon2id makes each guess slow; length is what keeps a passphrase out of reach of the guesses. */
export const PASSPHRASE_MIN_LENGTH = 10;

/** What is wrong with a new office passphrase, or null. Counted in characters, after trimming. */
export function passphraseProblem(passphrase: string): 'tooShort' | null {
  return [...passphrase.trim()].length < PASSPHRASE_MIN_LENGTH ? 'tooShort' : null;
}

function requireGoodPassphrase(passphrase: string): void {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new DomainError('invalid', `passphrase:${problem}`);
}

/** The stored slots, validated: they may have come from a restored backup. */
async function storedKeys(db: HamkorlikDb): Promise<{ slots: KeySlots; setUpAt: string; changedAt: string | null; dataKeyId: string | null } | null> {
  const stored = await getSetting(db, EXCHANGE_KEYS_SETTING);
  if (!stored) return null;
  const slots = keySlotsSchema.safeParse(stored.slots);
  if (!slots.success || typeof stored.setUpAt !== 'string') throw new DomainError('invalid', 'exchangeKeys');
  return { slots: slots.data, setUpAt: stored.setUpAt, changedAt: stored.changedAt ?? null, dataKeyId: typeof stored.dataKeyId === 'string' ? stored.dataKeyId : null };
}

/** Readable by everyone (no secret involved): whether the office is set up and when it last backed up. */
export async function exchangeStatus(db: HamkorlikDb): Promise<ExchangeStatus> {
  const [keys, last] = await Promise.all([getSetting(db, EXCHANGE_KEYS_SETTING), getSetting(db, LAST_BACKUP_SETTING)]);
  return { configured: !!keys, setUpAt: keys?.setUpAt ?? null, passphraseChangedAt: keys?.changedAt ?? null, lastBackupAt: last?.at ?? null, lastBackupFile: last?.fileName ?? null };
}

/**
 * Administrators only. Refused ('duplicate') when already set up. Returns the recovery key to show
 * and print once: it is never stored, only the data key wrapped by it. `kdf` is for tests.
 */
export async function setUpExchange(db: HamkorlikDb, passphrase: string, options: { kdf?: KdfParams } = {}): Promise<{ recoveryKey: string; keys: OfficeKeys }> {
  requireOffice(db, 'manageExchange');
  requireGoodPassphrase(passphrase);
  if (await getSetting(db, EXCHANGE_KEYS_SETTING)) throw new DomainError('duplicate', EXCHANGE_KEYS_SETTING);
  const recoveryKey = generateRecoveryKey();
  // Argon2id runs before the transaction: nothing but IndexedDB may be awaited inside one.
  const keys = await createExchangeKeys({ passphrase, recoveryKey, kdf: options.kdf ?? EXCHANGE_KDF });
  const setUpAt = db.clock().toISOString();
  const id = await dataKeyId(keys.dataKey);
  await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(EXCHANGE_KEYS_SETTING)) throw new DomainError('duplicate', EXCHANGE_KEYS_SETTING);
    await db.settings.put({ key: EXCHANGE_KEYS_SETTING, value: { slots: keys.slots, setUpAt, changedAt: null, dataKeyId: id } });
  });
  return { recoveryKey, keys: holdKeys(keys) };
}

/**
 * Administrators only. Wraps the same data key under a new passphrase, so every earlier backup still
 * opens with the recovery key (and with the old passphrase). `current` may be the recovery key: the
 * way back in after the passphrase is forgotten.
 */
export async function changeExchangePassphrase(db: HamkorlikDb, current: ExchangeSecret, next: string, options: { kdf?: KdfParams } = {}): Promise<void> {
  requireOffice(db, 'manageExchange');
  requireGoodPassphrase(next);
  const stored = await storedKeys(db);
  if (!stored) throw new DomainError('notFound', EXCHANGE_KEYS_SETTING);
  const dataKey = await unlockDataKey(stored.slots, current);
  const changed = await changePassphrase({ dataKey, slots: stored.slots }, next, options.kdf ?? EXCHANGE_KDF);
  const changedAt = db.clock().toISOString();
  await db.transaction('rw', db.settings, async () => {
    // Another change in between would be lost silently otherwise.
    const now = await db.settings.get(EXCHANGE_KEYS_SETTING);
    if (JSON.stringify((now?.value as { slots?: unknown } | undefined)?.slots) !== JSON.stringify(stored.slots)) throw new DomainError('staleRevision', EXCHANGE_KEYS_SETTING);
    await db.settings.put({ key: EXCHANGE_KEYS_SETTING, value: { slots: changed.slots, setUpAt: stored.setUpAt, changedAt, ...(stored.dataKeyId ? { dataKeyId: stored.dataKeyId } : {}) } });
  });
}

/**
 * Unwraps the office data key for a backup (administrators and supervisors). Throws ExchangeError
 * `wrongPassphrase`, `wrongRecoveryKey` or `recoveryKeyMalformed`; DomainError `notFound` before setup.
 */
export async function unlockExchange(db: HamkorlikDb, secret: ExchangeSecret): Promise<OfficeKeys> {
  requireOffice(db, 'backup');
  const stored = await storedKeys(db);
  if (!stored) throw new DomainError('notFound', EXCHANGE_KEYS_SETTING);
  const dataKey = await unlockDataKey(stored.slots, secret);
  return holdKeys({ dataKey, slots: stored.slots });
}

/** Where this PC keeps the office data key for automatic backups: the host's OS-protected store. */
export interface DataKeyKeeper {
  keepDataKey(key: Uint8Array | null): Promise<{ ok: true; value: void } | { ok: false; error: { code: string; detail?: string } }>;
  keptDataKey(): Promise<{ ok: true; value: Uint8Array | null } | { ok: false; error: { code: string; detail?: string } }>;
}

/**
 * Hands the office data key, just unlocked by someone who knows the passphrase (or made at setup),
 * to the PC's protected store, so that automatic backups run without asking. Notes the key's id
 * with the slots when an older setup has none. Not kept: the office's keys changed meanwhile (no
 * `error`: the newer ones are kept by whoever changed them), or the store refused it (`error`: the
 * system cannot protect it, the disk failed).
 */
export async function keepOfficeKey(
  db: HamkorlikDb,
  keeper: DataKeyKeeper,
  holder: OfficeKeys,
): Promise<{ kept: true } | { kept: false; error?: { code: string; detail?: string } }> {
  const keys = keysOf(holder);
  const stored = await storedKeys(db);
  if (!stored || JSON.stringify(stored.slots) !== JSON.stringify(keys.slots)) return { kept: false };
  const id = await dataKeyId(keys.dataKey);
  if (stored.dataKeyId !== id) {
    await db.transaction('rw', db.settings, async () => {
      const now = await db.settings.get(EXCHANGE_KEYS_SETTING);
      const value = now?.value as Record<string, unknown> | undefined;
      if (!value || JSON.stringify(value.slots) !== JSON.stringify(keys.slots)) return;
      await db.settings.put({ key: EXCHANGE_KEYS_SETTING, value: { ...value, dataKeyId: id } });
    });
  }
  const kept = await keeper.keepDataKey(keys.dataKey);
  return kept.ok ? { kept: true } : { kept: false, error: kept.error };
}

/**
 * The office keys from the PC's protected store, or null: nothing kept, the system cannot decrypt
 * it, exchange not set up, or the kept key is not the one the office's slots hold any more.
 */
export async function keptOfficeKeys(db: HamkorlikDb, keeper: DataKeyKeeper): Promise<OfficeKeys | null> {
  const stored = await storedKeys(db);
  if (!stored?.dataKeyId) return null;
  const kept = await keeper.keptDataKey();
  if (!kept.ok || !kept.value) return null;
  if ((await dataKeyId(kept.value)) !== stored.dataKeyId) return null;
  return holdKeys({ dataKey: new Uint8Array(kept.value), slots: stored.slots });
}
