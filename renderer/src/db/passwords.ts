import { argon2id, argon2Verify } from 'hash-wasm';
import { ARGON2_PARAMS } from '../domain/password';

/**
 * Argon2id through WebAssembly (hash-wasm), in the encoded form that carries salt and parameters.
 * Used only by the accounts repository: nothing outside the data layer sees a password or a hash.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2id({
    password: password.normalize('NFC'),
    salt: crypto.getRandomValues(new Uint8Array(ARGON2_PARAMS.saltLength)),
    memorySize: ARGON2_PARAMS.memoryKiB,
    iterations: ARGON2_PARAMS.iterations,
    parallelism: ARGON2_PARAMS.parallelism,
    hashLength: ARGON2_PARAMS.hashLength,
    outputType: 'encoded',
  });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password: password.normalize('NFC'), hash });
  } catch {
    // A malformed stored hash never matches.
    return false;
  }
}
