import { describe, expect, it } from 'vitest';
import { argon2ParamsOf, loginDelayMs, needsRehash, passwordProblem } from './password';

describe('password rules', () => {
  it('asks for 8 characters, not the username, typed the same twice', () => {
    expect(passwordProblem('short', 'short', 'bobur')).toBe('tooShort');
    expect(passwordProblem('Bobur123', 'Bobur123', 'bobur123')).toBe('sameAsUsername');
    expect(passwordProblem('long-enough', 'long-enougH', 'bobur')).toBe('mismatch');
    expect(passwordProblem('oʻzbekcha', 'oʻzbekcha', 'bobur')).toBeNull();
  });

  it('lets four mistakes pass, then waits 30 s, doubling up to 15 minutes', () => {
    expect([0, 1, 4].map(loginDelayMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(loginDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(loginDelayMs(40)).toBe(15 * 60_000);
  });

  it('reads the parameters an encoded Argon2id hash carries, and tells weaker ones to be redone', () => {
    const encoded = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo';
    expect(argon2ParamsOf(encoded)).toEqual({ memoryKiB: 19456, iterations: 2, parallelism: 1 });
    expect(needsRehash(encoded)).toBe(false);
    expect(needsRehash(encoded.replace('m=19456,t=2', 'm=8192,t=2'))).toBe(true);
    expect(needsRehash(encoded.replace('m=19456,t=2', 'm=19456,t=1'))).toBe(true);
    expect(argon2ParamsOf('$argon2i$v=19$m=19456,t=2,p=1$a$b')).toBeNull();
    expect(needsRehash('not a hash')).toBe(true);
  });
});
