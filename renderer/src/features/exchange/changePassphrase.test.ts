import { describe, expect, it } from 'vitest';
import { changePassphraseProblems, hasProblems } from './changePassphrase';

const current = { kind: 'passphrase' as const, text: 'the old office passphrase' };

describe('changePassphraseProblems', () => {
  it('is ready with the current secret, a long enough new passphrase typed twice alike', () => {
    const problems = changePassphraseProblems(current, 'a brand new passphrase', 'a brand new passphrase');
    expect(problems).toEqual({});
    expect(hasProblems(problems)).toBe(false);
  });

  it('asks for the current passphrase or recovery key', () => {
    expect(changePassphraseProblems({ kind: 'recoveryKey', text: '  ' }, 'a brand new passphrase', 'a brand new passphrase')).toEqual({ current: 'empty' });
  });

  it('refuses a new passphrase too short (counted after trimming), and then does not judge the repetition', () => {
    expect(changePassphraseProblems(current, '   short   ', 'other')).toEqual({ next: 'tooShort' });
    expect(changePassphraseProblems(current, '', '')).toEqual({ next: 'tooShort' });
  });

  it('refuses the current passphrase again, but not when the current secret is the recovery key', () => {
    expect(changePassphraseProblems(current, current.text, current.text)).toEqual({ next: 'sameAsCurrent' });
    expect(changePassphraseProblems({ kind: 'recoveryKey', text: current.text }, current.text, current.text)).toEqual({});
  });

  it('tells two different new passphrases apart', () => {
    const problems = changePassphraseProblems(current, 'a brand new passphrase', 'a brand new passphrase!');
    expect(problems).toEqual({ repeat: 'mismatch' });
    expect(hasProblems(problems)).toBe(true);
  });

  it('reports every field at once', () => {
    expect(changePassphraseProblems({ kind: 'passphrase', text: '' }, 'short', 'x')).toEqual({ current: 'empty', next: 'tooShort' });
  });
});
