import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem } from '../../domain/password';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** A new password typed twice, with the rule it breaks shown under the field it concerns. */
export function PasswordFields({
  value,
  onChange,
  problem,
  testId,
  autoFocus,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  problem: PasswordProblem | 'sameAsCurrent' | null;
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('accounts');
  const onRepeat = problem === 'mismatch';
  return (
    <Stack spacing={2}>
      <TextField
        type="password"
        label={t('password.new')}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
        error={!!problem && !onRepeat}
        helperText={problem && !onRepeat ? t(`password.problem.${problem}`) : t('password.rule')}
        autoComplete="new-password"
        autoFocus={autoFocus}
        slotProps={{ htmlInput: { 'data-testid': `${testId}-password` } }}
      />
      <TextField
        type="password"
        label={t('password.repeat')}
        value={value.repeat}
        onChange={(event) => onChange({ ...value, repeat: event.target.value })}
        error={onRepeat}
        helperText={onRepeat ? t('password.problem.mismatch') : ' '}
        autoComplete="new-password"
        slotProps={{ htmlInput: { 'data-testid': `${testId}-repeat` } }}
      />
    </Stack>
  );
}
