/**
 * Password rules and the login throttle, pure. Hashing itself (Argon2id through WebAssembly)
 * lives in the data layer, the only place a password or its hash is ever handled.
 */

/** Argon2id cost. At least OWASP's minimum (19 MiB, two passes); raised here, old hashes are
 * re-hashed at their owner's next login because every hash carries its own parameters. */
export const ARGON2_PARAMS = { memoryKiB: 19_456, iterations: 2, parallelism: 1, hashLength: 32, saltLength: 16 } as const;

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Reads the parameters from an encoded hash (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`). */
export function argon2ParamsOf(encoded: string): Argon2Params | null {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[^$]+\$[^$]+$/u.exec(encoded);
  if (!match) return null;
  return { memoryKiB: Number(match[1]), iterations: Number(match[2]), parallelism: Number(match[3]) };
}

/** Whether a stored hash is cheaper than what is required now and should be re-hashed. */
export function needsRehash(encoded: string): boolean {
  const params = argon2ParamsOf(encoded);
  return !params || params.memoryKiB < ARGON2_PARAMS.memoryKiB || params.iterations < ARGON2_PARAMS.iterations;
}

export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem = 'tooShort' | 'sameAsUsername' | 'mismatch';

/** What is wrong with a new password, or null. The repeat field guards against a typo that would lock the user out. */
export function passwordProblem(password: string, repeat: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'sameAsUsername';
  if (password !== repeat) return 'mismatch';
  return null;
}

/** Failed attempts allowed before the delay starts. */
export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * How long the next attempt must wait after `failures` failed ones in a row: nothing for the first
 * four, then 30 s at the fifth, doubling with each further failure up to 15 minutes. Guessing stays
 * slow while a user who mistypes a few times is not locked out.
 */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const IDLE_LOCK_RANGE = { min: 1, max: 120 } as const;
