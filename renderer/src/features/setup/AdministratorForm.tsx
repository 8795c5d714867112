import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { passwordProblem, type PasswordProblem } from '../../domain/password';
import { firstUserDraftSchema, usernameSchema } from '../../domain/user';
import type { ValidationCode } from '../../domain/validation';
import { BiScriptField } from '../../ui/BiScriptField';
import { PasswordFields, type NewPassword } from '../accounts';

const administratorSchema = firstUserDraftSchema.extend({ username: usernameSchema });
export type AdministratorDraft = import('zod').input<typeof administratorSchema>;
type Output = ReturnType<typeof administratorSchema.parse>;

/**
 * The first user, who becomes the administrator and the author of everything setup stores, with
 * the username and password they will log in with. The password is never part of the saved draft.
 */
export function AdministratorForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onChange,
  back,
}: {
  initial: AdministratorDraft;
  submitLabel: string;
  busy: boolean;
  onSubmit: (administrator: Output, password: NewPassword) => void;
  onChange: (draft: AdministratorDraft) => void;
  back: React.ReactNode;
}) {
  const { t } = useTranslation('setup');
  const { control, handleSubmit, formState, getValues } = useForm<AdministratorDraft, unknown, Output>({
    resolver: zodResolver(administratorSchema),
    defaultValues: initial,
  });
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const submit = handleSubmit((administrator) => {
    const found = passwordProblem(password.password, password.repeat, administrator.username);
    setProblem(found);
    if (!found) onSubmit(administrator, password);
  });
  const errors = formState.errors;
  const code = (message: string | undefined) => message as ValidationCode | undefined;
  const nameErrors = {
    ...(errors.fullName?.latn ? { latn: code(errors.fullName.latn.message) } : {}),
    ...(errors.fullName?.cyrl ? { cyrl: code(errors.fullName.cyrl.message) } : {}),
  };
  return (
    <Stack component="form" spacing={2.5} noValidate onSubmit={(event) => void submit(event)} onBlur={() => onChange(getValues())}>
      <Controller
        control={control}
        name="fullName"
        render={({ field }) => (
          <BiScriptField label={t('administrator.fullName')} value={field.value} onChange={field.onChange} errors={nameErrors} testId="admin-name" />
        )}
      />
      <Controller
        control={control}
        name="position"
        render={({ field }) => (
          <TextField
            label={t('administrator.position')}
            value={field.value}
            onChange={field.onChange}
            error={!!errors.position}
            helperText={errors.position ? t(`errors:validation.${errors.position.message}`) : t('administrator.positionHint')}
            slotProps={{ htmlInput: { 'data-testid': 'admin-position' } }}
          />
        )}
      />
      <Controller
        control={control}
        name="username"
        render={({ field }) => (
          <TextField
            label={t('accounts:field.username')}
            value={field.value}
            onChange={field.onChange}
            error={!!errors.username}
            helperText={errors.username ? t(`errors:validation.${errors.username.message}`) : t('accounts:field.usernameHint')}
            slotProps={{ htmlInput: { 'data-testid': 'admin-username', autoCapitalize: 'none', spellCheck: false } }}
          />
        )}
      />
      <PasswordFields value={password} onChange={setPassword} problem={problem} testId="admin" />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
        {back}
        <Button type="submit" variant="contained" disabled={busy} data-testid="setup-finish">
          {submitLabel}
        </Button>
      </Stack>
    </Stack>
  );
}
