import { describe, expect, it } from 'vitest';
import { EMPTY_SECRET } from './SecretField';
import { EMPTY_TRANSFER_SECRET, transferSecretProblem } from './TransferSecretField';

describe('the secret of a transfer', () => {
  it('a new agreed passphrase must be long enough and typed twice; reading a file needs it once', () => {
    const typed = (passphrase: string, repeat = passphrase) => ({ ...EMPTY_TRANSFER_SECRET, passphrase, repeat });
    expect(transferSecretProblem(typed(''), true)).toBe('tooShort');
    expect(transferSecretProblem(typed('short'), true)).toBe('tooShort');
    expect(transferSecretProblem(typed('Buxoro–Gʻijduvon 2026', 'Buxoro–Gijduvon 2026'), true)).toBe('mismatch');
    expect(transferSecretProblem(typed('Buxoro–Gʻijduvon 2026'), true)).toBeNull();
    expect(transferSecretProblem(typed(''), false)).toBe('empty');
    expect(transferSecretProblem(typed('short', ''), false)).toBeNull();
  });

  it('the office key needs the office passphrase or recovery key', () => {
    expect(transferSecretProblem({ ...EMPTY_TRANSFER_SECRET, via: 'office' }, true)).toBe('empty');
    expect(transferSecretProblem({ ...EMPTY_TRANSFER_SECRET, via: 'office', office: { ...EMPTY_SECRET, text: 'x' } }, true)).toBeNull();
  });
});
