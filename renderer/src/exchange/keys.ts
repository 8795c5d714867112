import { argon2id } from 'hash-wasm';
import { type Bytes, concatBytes, crc32, fromBase64, ownBytes, randomBytes, toBase64, utf8 } from './bytes';
import { ExchangeError, type RecoveryKeyProblem } from './errors';
import { checkKdfParams, EXCHANGE_KDF, type KdfParams, type KeySlots, SALT_LENGTH } from './format';

/**
 * The key hierarchy (FORMAT.md, "Keys"). An office has one random data key; packages never use
 * it directly but derive per-file keys from it. It is stored only wrapped: once by a key derived
 * from the office passphrase with Argon2id, once by a recovery key printed on paper at setup, so
 * a forgotten passphrase or a departed employee does not lose the office's backups.
 */

export const DATA_KEY_LENGTH = 32;

/** An office's data key with its wrapped copies. The slots may be stored anywhere; the data key is secret. */
export interface ExchangeKeys {
  dataKey: Bytes;
  slots: KeySlots;
}

/** What opens a package: a typed passphrase or recovery key, or the raw data key kept by the PC itself. */
export type UnlockSecret = { passphrase: string } | { recoveryKey: string } | { dataKey: Uint8Array };

export function generateDataKey(): Bytes {
  return randomBytes(DATA_KEY_LENGTH);
}

/** Crockford base32: no I, L, O or U, so what is read off paper is what was printed. */
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_DATA_CHARS = 28; // 140 random bits
const RECOVERY_CHECK_CHARS = 4; // the last group: the top 20 bits of CRC-32 over the 28 data characters (ASCII)
const RECOVERY_GROUP = 4;

/** A new recovery key as printed: eight groups of four, the last one a checksum (`7K3M-…-Q9XA`). */
export function generateRecoveryKey(): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  const data = Array.from(randomBytes(RECOVERY_DATA_CHARS), (byte) => RECOVERY_ALPHABET[byte & 31]).join('');
  return formatRecoveryKey(data + recoveryChecksum(data));
}

function formatRecoveryKey(chars: string): string {
  return (chars.match(new RegExp(`.{1,${RECOVERY_GROUP}}`, 'gu')) ?? []).join('-');
}

function recoveryChecksum(data: string): string {
  const bits = crc32(utf8.encode(data)) >>> 12;
  let out = '';
  for (let shift = 15; shift >= 0; shift -= 5) out += RECOVERY_ALPHABET[(bits >>> shift) & 31];
  return out;
}

/** Letters that look like Crockford characters: Latin confusions, and Cyrillic keyboard look-alikes. */
const LOOK_ALIKES: Record<string, string> = {
  O: '0', I: '1', L: '1',
  А: 'A', В: 'B', Е: 'E', З: '3', К: 'K', М: 'M', Н: 'H', О: '0', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
};

export type ParsedRecoveryKey = { ok: true; key: string } | { ok: false; problem: RecoveryKeyProblem };

/**
 * Reads a recovery key as typed from paper: case, spaces and dashes do not matter, O/0 and I/L/1
 * are the same, Cyrillic look-alikes count as the Latin letter. `key` is the canonical form
 * (groups of four). The checksum group catches every single mistyped character, every swap of
 * neighbours and any two mistyped characters in the data groups (checked exhaustively for this
 * alphabet and CRC); anything else slips through about once in 2^20 and then the key is merely wrong.
 */
export function parseRecoveryKey(typed: string): ParsedRecoveryKey {
  const chars = [...typed.normalize('NFC').toUpperCase().replace(/[\s\-_.·‐‑‒–—]/gu, '')]
    .map((char) => LOOK_ALIKES[char] ?? char)
    .join('');
  if ([...chars].some((char) => !RECOVERY_ALPHABET.includes(char))) return { ok: false, problem: 'character' };
  if (chars.length !== RECOVERY_DATA_CHARS + RECOVERY_CHECK_CHARS) return { ok: false, problem: 'length' };
  const data = chars.slice(0, RECOVERY_DATA_CHARS);
  if (recoveryChecksum(data) !== chars.slice(RECOVERY_DATA_CHARS)) return { ok: false, problem: 'checksum' };
  return { ok: true, key: formatRecoveryKey(chars) };
}

/** The passphrase-derived wrapping key. Parameters are checked first: a hostile file cannot make us hash. */
export async function derivePassphraseKey(passphrase: string, kdf: KdfParams, salt: Uint8Array): Promise<CryptoKey> {
  checkKdfParams(kdf);
  const raw = await argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    memorySize: kdf.m,
    iterations: kdf.t,
    parallelism: kdf.p,
    hashLength: 32,
    outputType: 'binary',
  });
  return crypto.subtle.importKey('raw', ownBytes(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const WRAP_INFO = {
  passphrase: utf8.encode('hamkorlik-exchange v1 wrap passphrase'),
  recovery: utf8.encode('hamkorlik-exchange v1 wrap recovery'),
};

async function deriveRecoveryKey(canonical: string, salt: Bytes): Promise<CryptoKey> {
  const data = canonical.replaceAll('-', '').slice(0, RECOVERY_DATA_CHARS);
  const base = await crypto.subtle.importKey('raw', utf8.encode(data), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: WRAP_INFO.recovery }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function wrap(dataKey: Bytes, key: CryptoKey, purpose: keyof typeof WRAP_INFO): Promise<string> {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: WRAP_INFO[purpose] }, key, dataKey);
  return toBase64(concatBytes([iv, new Uint8Array(sealed)]));
}

/** The data key, or null when the wrapping key is not the one it was wrapped with. */
async function unwrap(wrapped: string, key: CryptoKey, purpose: keyof typeof WRAP_INFO): Promise<Bytes | null> {
  const bytes = fromBase64(wrapped);
  if (!bytes) return null;
  try {
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: WRAP_INFO[purpose] }, key, bytes.subarray(12));
    return opened.byteLength === DATA_KEY_LENGTH ? new Uint8Array(opened) : null;
  } catch {
    return null;
  }
}

function decodeSalt(salt: string): Bytes {
  const bytes = fromBase64(salt);
  if (!bytes) throw new ExchangeError('damaged', { reason: 'salt' });
  return bytes;
}

/**
 * Wraps a (new or given) data key for a passphrase and, unless `recoveryKey` is null, a recovery
 * key. Office setup passes `generateRecoveryKey()` and shows it once; a one-off transfer passes null.
 */
export async function createExchangeKeys(options: {
  passphrase: string;
  recoveryKey: string | null;
  kdf?: KdfParams;
  dataKey?: Uint8Array;
}): Promise<ExchangeKeys> {
  if (options.passphrase.length === 0) throw new ExchangeError('invalidInput', { reason: 'emptyPassphrase' });
  const dataKey = options.dataKey ? ownBytes(options.dataKey) : generateDataKey();
  if (dataKey.length !== DATA_KEY_LENGTH) throw new ExchangeError('invalidInput', { reason: 'dataKeyLength' });
  const kdf = { ...(options.kdf ?? EXCHANGE_KDF) };
  const salt = randomBytes(SALT_LENGTH);
  const passphraseKey = await derivePassphraseKey(options.passphrase, kdf, salt);
  const slots: KeySlots = { passphrase: { kdf, salt: toBase64(salt), wrapped: await wrap(dataKey, passphraseKey, 'passphrase') } };
  if (options.recoveryKey !== null) {
    const parsed = parseRecoveryKey(options.recoveryKey);
    if (!parsed.ok) throw new ExchangeError('recoveryKeyMalformed', { problem: parsed.problem });
    const recoverySalt = randomBytes(SALT_LENGTH);
    const recoveryKey = await deriveRecoveryKey(parsed.key, recoverySalt);
    slots.recovery = { salt: toBase64(recoverySalt), wrapped: await wrap(dataKey, recoveryKey, 'recovery') };
  }
  return { dataKey, slots };
}

/** New passphrase, same data key and recovery slot: old packages still open with the recovery key. */
export async function changePassphrase(keys: ExchangeKeys, passphrase: string, kdf: KdfParams = EXCHANGE_KDF): Promise<ExchangeKeys> {
  const fresh = await createExchangeKeys({ passphrase, recoveryKey: null, kdf, dataKey: keys.dataKey });
  return { dataKey: keys.dataKey, slots: { ...keys.slots, passphrase: fresh.slots.passphrase } };
}

/** The data key from a passphrase or a recovery key; the error codes tell which secret was wrong. */
export async function unlockDataKey(slots: KeySlots, secret: { passphrase: string } | { recoveryKey: string }): Promise<Bytes> {
  if ('passphrase' in secret) {
    const slot = slots.passphrase;
    const key = await derivePassphraseKey(secret.passphrase, slot.kdf, decodeSalt(slot.salt));
    const dataKey = await unwrap(slot.wrapped, key, 'passphrase');
    if (!dataKey) throw new ExchangeError('wrongPassphrase');
    return dataKey;
  }
  const slot = slots.recovery;
  if (!slot) throw new ExchangeError('noRecoveryKey');
  const parsed = parseRecoveryKey(secret.recoveryKey);
  if (!parsed.ok) throw new ExchangeError('recoveryKeyMalformed', { problem: parsed.problem });
  const dataKey = await unwrap(slot.wrapped, await deriveRecoveryKey(parsed.key, decodeSalt(slot.salt)), 'recovery');
  if (!dataKey) throw new ExchangeError('wrongRecoveryKey');
  return dataKey;
}

/**
 * A public name for a data key: HKDF of the key with its own label, hex. It tells whether a key kept
 * on this PC still belongs to the office's current slots (a restore or a new setup may have replaced
 * them) without unwrapping anything; it reveals nothing of the key.
 */
export async function dataKeyId(dataKey: Uint8Array): Promise<string> {
  const base = await crypto.subtle.importKey('raw', ownBytes(dataKey), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode('hamkorlik-exchange v1 key-id') }, base, 128);
  return [...new Uint8Array(bits)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The keys of one file: its body cipher and its header MAC, both from HKDF over the data key and the file's salt. */
export interface FileKeys {
  bodyKey: CryptoKey;
  macKey: CryptoKey;
}

export async function deriveFileKeys(dataKey: Uint8Array, fileSalt: Bytes): Promise<FileKeys> {
  const base = await crypto.subtle.importKey('raw', ownBytes(dataKey), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: fileSalt, info: utf8.encode(info) });
  const [bodyKey, macKey] = await Promise.all([
    crypto.subtle.deriveKey(hkdf('hamkorlik-exchange v1 body'), base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.deriveKey(hkdf('hamkorlik-exchange v1 header-mac'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']),
  ]);
  return { bodyKey, macKey };
}
