import { passphraseProblem } from '../../db/exchange';
import type { SecretInput } from './SecretField';

/** What keeps each field of the change-passphrase dialog from being saved; empty when ready. */
export interface ChangePassphraseProblems {
  current?: 'empty';
  next?: 'tooShort' | 'sameAsCurrent';
  repeat?: 'mismatch';
}

/**
 * Checks the dialog's fields before any slow key derivation: the current passphrase or recovery key
 * typed, the new passphrase long enough (as `changeExchangePassphrase` requires) and not the current
 * one again, and typed twice alike. The repetition is judged only once the new passphrase is good.
 */
export function changePassphraseProblems(current: SecretInput, next: string, repeat: string): ChangePassphraseProblems {
  const problems: ChangePassphraseProblems = {};
  if (!current.text.trim()) problems.current = 'empty';
  if (passphraseProblem(next)) problems.next = 'tooShort';
  else if (current.kind === 'passphrase' && next === current.text) problems.next = 'sameAsCurrent';
  if (!problems.next && repeat !== next) problems.repeat = 'mismatch';
  return problems;
}

export function hasProblems(problems: ChangePassphraseProblems): boolean {
  return Object.keys(problems).length > 0;
}
