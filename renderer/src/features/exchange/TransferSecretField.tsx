import { FormControlLabel, FormHelperText, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { passphraseProblem, PASSPHRASE_MIN_LENGTH, unlockExchange, type ExchangeSecret, type OfficeKeys, type TransferKeys } from '../../db/exchange';
import type { HamkorlikDb } from '../../db/db';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';

/**
 * The secret of a transfer or receipt: the office's own key (between this office's computers,
 * unlocked with the office passphrase or recovery key) or a one-off passphrase agreed with the
 * other office (typed twice when a file is written).
 */
export interface TransferSecretInput {
  via: 'passphrase' | 'office';
  office: SecretInput;
  passphrase: string;
  repeat: string;
}

export const EMPTY_TRANSFER_SECRET: TransferSecretInput = { via: 'passphrase', office: EMPTY_SECRET, passphrase: '', repeat: '' };

/** The secret unlocked: `keys` write a file (a transfer, its receipt), `open` reads one. */
export interface ResolvedSecret {
  keys: TransferKeys;
  open: ExchangeSecret | { dataKey: OfficeKeys };
}

/** What still keeps the user from going on: null when ready. `confirm`: a new passphrase, checked for length and typed twice. */
export function transferSecretProblem(input: TransferSecretInput, confirm: boolean): 'empty' | 'tooShort' | 'mismatch' | null {
  if (input.via === 'office') return input.office.text ? null : 'empty';
  if (!confirm) return input.passphrase ? null : 'empty';
  // An empty new passphrase is too short: the field says how long it must be.
  if (passphraseProblem(input.passphrase)) return 'tooShort';
  return input.repeat === input.passphrase ? null : 'mismatch';
}

/** Unlocks the office keys when asked to (a wrong office passphrase throws as for a backup). */
export async function resolveTransferSecret(db: HamkorlikDb, input: TransferSecretInput): Promise<ResolvedSecret> {
  if (input.via === 'passphrase') return { keys: { passphrase: input.passphrase }, open: { passphrase: input.passphrase } };
  const keys = await unlockExchange(db, toSecret(input.office));
  return { keys, open: { dataKey: keys } };
}

export function TransferSecretField({
  value,
  onChange,
  configured,
  confirm,
  checked,
  error,
  disabled,
  testId,
  onSubmit,
}: {
  value: TransferSecretInput;
  onChange: (value: TransferSecretInput) => void;
  /** Whether this office has its exchange keys: without them only a passphrase can be used. */
  configured: boolean;
  confirm: boolean;
  /** Show the length and repeat problems (after the first attempt). */
  checked: boolean;
  /** A failure met with this secret (a wrong passphrase), shown at the field. */
  error: string | null;
  disabled: boolean;
  testId: string;
  onSubmit: () => void;
}) {
  const { t } = useTranslation('exchange');
  const problem = checked ? transferSecretProblem(value, confirm) : null;
  return (
    <Stack spacing={1}>
      <RadioGroup value={value.via} onChange={(event) => onChange({ ...EMPTY_TRANSFER_SECRET, via: event.target.value as TransferSecretInput['via'] })}>
        <FormControlLabel value="passphrase" disabled={disabled} control={<Radio slotProps={{ input: { 'data-testid': `${testId}-via-passphrase` } as object }} />} label={t('transfer.secret.passphrase')} />
        <FormHelperText sx={{ mt: -1, ml: 4 }}>{t('transfer.secret.passphraseHelp')}</FormHelperText>
        <FormControlLabel value="office" disabled={disabled || !configured} control={<Radio slotProps={{ input: { 'data-testid': `${testId}-via-office` } as object }} />} label={t('transfer.secret.office')} />
        <FormHelperText sx={{ mt: -1, ml: 4 }}>{configured ? t('transfer.secret.officeHelp') : t('transfer.secret.notConfigured')}</FormHelperText>
      </RadioGroup>
      {value.via === 'office' ? (
        <SecretField
          value={value.office}
          onChange={(office) => onChange({ ...value, office })}
          error={error ?? (problem === 'empty' ? t(value.office.kind === 'recoveryKey' ? 'changePassphrase.recoveryKeyEmpty' : 'changePassphrase.currentEmpty') : null)}
          disabled={disabled}
          testId={`${testId}-office`}
          onSubmit={onSubmit}
        />
      ) : (
        <>
          <TextField
            label={confirm ? t('transfer.secret.newPassphrase') : t('transfer.secret.filePassphrase')}
            type="password"
            value={value.passphrase}
            onChange={(event) => onChange({ ...value, passphrase: event.target.value })}
            onKeyDown={(event) => !confirm && event.key === 'Enter' && onSubmit()}
            error={!!error || problem === 'tooShort' || problem === 'empty'}
            helperText={
              error ??
              (problem === 'tooShort' ? t('setup.tooShort', { count: PASSPHRASE_MIN_LENGTH }) : problem === 'empty' ? t('transfer.secret.empty') : confirm ? t('setup.passphraseHelp', { count: PASSPHRASE_MIN_LENGTH }) : undefined)
            }
            disabled={disabled}
            autoComplete={confirm ? 'new-password' : 'off'}
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': `${testId}-passphrase` } }}
          />
          {confirm && (
            <TextField
              label={t('setup.repeat')}
              type="password"
              value={value.repeat}
              onChange={(event) => onChange({ ...value, repeat: event.target.value })}
              onKeyDown={(event) => event.key === 'Enter' && onSubmit()}
              error={problem === 'mismatch'}
              helperText={problem === 'mismatch' ? t('setup.mismatch') : ' '}
              disabled={disabled}
              autoComplete="new-password"
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': `${testId}-passphrase-repeat` } }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
