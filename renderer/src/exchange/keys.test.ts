import { argon2id } from 'hash-wasm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExchangeError } from './errors';
import { KDF_MIN, type KdfParams } from './format';
import {
  changePassphrase,
  createExchangeKeys,
  derivePassphraseKey,
  type ExchangeKeys,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_ALPHABET,
  unlockDataKey,
} from './keys';

vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return { ...real, argon2id: vi.fn(real.argon2id) };
});

const PASSPHRASE = 'Gʻijduvon-2026 bahor';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExchangeError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('recovery key', () => {
  it('is eight groups of four Crockford characters that parse back to themselves', () => {
    for (let i = 0; i < 50; i += 1) {
      const key = generateRecoveryKey();
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}$/u);
      expect(parseRecoveryKey(key)).toEqual({ ok: true, key });
    }
    expect(new Set(Array.from({ length: 20 }, generateRecoveryKey)).size).toBe(20);
  });

  it('forgives how it is typed: case, spaces, dashes, O for 0, I or L for 1, a Cyrillic layout', () => {
    let printed = generateRecoveryKey();
    while (!/0.*1|1.*0/u.test(printed)) printed = generateRecoveryKey();
    const cyrillic: Record<string, string> = { A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У', 0: 'О', 3: 'З' };
    const variants = [
      printed.toLowerCase(),
      printed.replaceAll('-', ''),
      printed.replaceAll('-', ' '),
      `  ${printed.replaceAll('-', ' – ')}  `,
      printed.replaceAll('0', 'O').replace('1', 'I').replace('1', 'l'),
      // Typed with the Cyrillic keyboard layout still on: А В Е К М Н Р С Т Х У О З look like Latin.
      [...printed].map((char) => cyrillic[char] ?? char).join('').toLowerCase(),
    ];
    for (const typed of variants) expect(parseRecoveryKey(typed), typed).toEqual({ ok: true, key: printed });
  });

  it('catches every single mistyped character and every swap of neighbours', () => {
    for (let round = 0; round < 5; round += 1) {
      const key = generateRecoveryKey().replaceAll('-', '');
      for (let i = 0; i < key.length; i += 1) {
        for (const char of RECOVERY_ALPHABET) {
          if (char === key[i]) continue;
          const typo = key.slice(0, i) + char + key.slice(i + 1);
          expect(parseRecoveryKey(typo), typo).toEqual({ ok: false, problem: 'checksum' });
        }
        if (i + 1 < key.length && key[i] !== key[i + 1]) {
          const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
          expect(parseRecoveryKey(swapped)).toEqual({ ok: false, problem: 'checksum' });
        }
      }
    }
  });

  it('says what is wrong: a missing group, a foreign character', () => {
    const key = generateRecoveryKey();
    expect(parseRecoveryKey(key.slice(0, -5))).toEqual({ ok: false, problem: 'length' });
    expect(parseRecoveryKey(`${key}-A`)).toEqual({ ok: false, problem: 'length' });
    expect(parseRecoveryKey('')).toEqual({ ok: false, problem: 'length' });
    expect(parseRecoveryKey(`U${key.slice(1)}`)).toEqual({ ok: false, problem: 'character' });
    expect(parseRecoveryKey(`${key.slice(0, -1)}Ж`)).toEqual({ ok: false, problem: 'character' });
  });
});

describe('key slots', () => {
  let keys: ExchangeKeys;
  let recoveryKey: string;

  beforeAll(async () => {
    recoveryKey = generateRecoveryKey();
    keys = await createExchangeKeys({ passphrase: PASSPHRASE, recoveryKey, kdf: KDF_MIN });
  });

  beforeEach(() => {
    vi.mocked(argon2id).mockClear();
  });

  it('opens with the passphrase and with the recovery key, to the same data key', async () => {
    expect(keys.dataKey).toHaveLength(32);
    expect(await unlockDataKey(keys.slots, { passphrase: PASSPHRASE })).toEqual(keys.dataKey);
    expect(await unlockDataKey(keys.slots, { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') })).toEqual(keys.dataKey);
  });

  it('keeps the data key wrapped: the slots are JSON and hold no plain copy', () => {
    const json = JSON.stringify(keys.slots);
    expect(JSON.parse(json)).toEqual(keys.slots);
    expect(json).not.toContain(btoa(String.fromCharCode(...keys.dataKey)));
    expect(keys.slots.passphrase.kdf).toEqual(KDF_MIN);
  });

  it('normalises the passphrase: the same letters typed composed or decomposed open the same slot', async () => {
    const decomposed = PASSPHRASE.normalize('NFD');
    expect(await unlockDataKey(keys.slots, { passphrase: decomposed })).toEqual(keys.dataKey);
  });

  it('tells a wrong passphrase from a wrong or mistyped recovery key', async () => {
    expect(await codeOf(unlockDataKey(keys.slots, { passphrase: `${PASSPHRASE}!` }))).toBe('wrongPassphrase');
    expect(await codeOf(unlockDataKey(keys.slots, { recoveryKey: generateRecoveryKey() }))).toBe('wrongRecoveryKey');
    expect(await codeOf(unlockDataKey(keys.slots, { recoveryKey: recoveryKey.slice(0, -1) }))).toBe('recoveryKeyMalformed');
    const { slots } = await createExchangeKeys({ passphrase: PASSPHRASE, recoveryKey: null, kdf: KDF_MIN });
    expect(slots.recovery).toBeUndefined();
    expect(await codeOf(unlockDataKey(slots, { recoveryKey }))).toBe('noRecoveryKey');
  });

  it('changes the passphrase over the same data key; the recovery key still opens', async () => {
    const changed = await changePassphrase(keys, 'yangi parol 2027', KDF_MIN);
    expect(changed.slots.recovery).toEqual(keys.slots.recovery);
    expect(await unlockDataKey(changed.slots, { passphrase: 'yangi parol 2027' })).toEqual(keys.dataKey);
    expect(await codeOf(unlockDataKey(changed.slots, { passphrase: PASSPHRASE }))).toBe('wrongPassphrase');
    expect(await unlockDataKey(changed.slots, { recoveryKey })).toEqual(keys.dataKey);
  });

  it('refuses an empty passphrase and a malformed recovery key when creating keys', async () => {
    expect(await codeOf(createExchangeKeys({ passphrase: '', recoveryKey: null, kdf: KDF_MIN }))).toBe('invalidInput');
    expect(await codeOf(createExchangeKeys({ passphrase: PASSPHRASE, recoveryKey: 'ABCD', kdf: KDF_MIN }))).toBe('recoveryKeyMalformed');
  });

  it.each<[string, Partial<KdfParams>, string, number]>([
    ['m = 4 GiB', { m: 4 * 1024 * 1024 }, 'm', 4 * 1024 * 1024],
    ['m below 19 MiB', { m: 19 * 1024 - 1 }, 'm', 19 * 1024 - 1],
    ['t = 1', { t: 1 }, 't', 1],
    ['t = 1000', { t: 1000 }, 't', 1000],
    ['p = 0', { p: 0 }, 'p', 0],
    ['p = 16', { p: 16 }, 'p', 16],
    ['m fractional', { m: 20000.5 }, 'm', 20000.5],
  ])('refuses %s before hashing anything', async (_name, change, param, value) => {
    const slots = { ...keys.slots, passphrase: { ...keys.slots.passphrase, kdf: { ...KDF_MIN, ...change } } };
    const started = performance.now();
    const error = await unlockDataKey(slots, { passphrase: PASSPHRASE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ code: 'kdfOutOfBounds', details: { param, value } });
    expect(performance.now() - started).toBeLessThan(250);
    expect(argon2id).not.toHaveBeenCalled();
    await expect(derivePassphraseKey(PASSPHRASE, { ...KDF_MIN, ...change }, new Uint8Array(16))).rejects.toThrow(ExchangeError);
    expect(argon2id).not.toHaveBeenCalled();
  });
});
