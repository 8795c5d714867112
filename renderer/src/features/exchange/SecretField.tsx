import { Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ExchangeSecret } from '../../db/exchange';

/** What the user typed to unlock: the office passphrase or the recovery key from the paper in the safe. */
export interface SecretInput {
  kind: 'passphrase' | 'recoveryKey';
  text: string;
}

export const EMPTY_SECRET: SecretInput = { kind: 'passphrase', text: '' };

export function toSecret(input: SecretInput): ExchangeSecret {
  return input.kind === 'passphrase' ? { passphrase: input.text } : { recoveryKey: input.text };
}

/** The key's printed shape, as a hint; not translated, it is what the paper shows. */
const RECOVERY_KEY_HINT = 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX';

/**
 * A passphrase field that can switch to the recovery key. The recovery key is typed in the clear
 * and in monospace: it is copied from paper, and the reader forgives case, dashes and look-alikes.
 */
export function SecretField({
  value,
  onChange,
  label,
  error,
  disabled,
  testId,
  onSubmit,
}: {
  value: SecretInput;
  onChange: (value: SecretInput) => void;
  /** Overrides the passphrase label (e.g. "passphrase of the data on this computer"). */
  label?: string;
  error?: string | null;
  disabled?: boolean;
  testId: string;
  onSubmit?: () => void;
}) {
  const { t } = useTranslation('exchange');
  const recovery = value.kind === 'recoveryKey';
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={value.kind}
        disabled={disabled}
        onChange={(_event, kind: SecretInput['kind'] | null) => kind && onChange({ kind, text: '' })}
      >
        <ToggleButton value="passphrase" data-testid={`${testId}-use-passphrase`}>
          {t('secret.usePassphrase')}
        </ToggleButton>
        <ToggleButton value="recoveryKey" data-testid={`${testId}-use-recovery-key`}>
          {t('secret.useRecoveryKey')}
        </ToggleButton>
      </ToggleButtonGroup>
      <TextField
        label={recovery ? t('secret.recoveryKey') : (label ?? t('secret.passphrase'))}
        type={recovery ? 'text' : 'password'}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
        onKeyDown={(event) => event.key === 'Enter' && onSubmit?.()}
        disabled={disabled}
        error={!!error}
        helperText={error ?? (recovery ? t('secret.recoveryKeyHelp') : undefined)}
        placeholder={recovery ? RECOVERY_KEY_HINT : undefined}
        autoComplete="off"
        fullWidth
        slotProps={{
          htmlInput: {
            'data-testid': `${testId}-input`,
            spellCheck: false,
            ...(recovery ? { style: { fontFamily: 'monospace', letterSpacing: '0.05em' } } : {}),
          },
        }}
      />
    </Stack>
  );
}
