import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextField } from '@mui/material';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { firstUserDraftSchema, type FirstUserDraft } from '../../domain/user';
import type { ValidationCode } from '../../domain/validation';
import { BiScriptField } from '../../ui/BiScriptField';

type Output = ReturnType<typeof firstUserDraftSchema.parse>;

/** The first user, who becomes the administrator and the author of everything setup stores. */
export function AdministratorForm({
  initial,
  submitLabel,
  busy,
  onSubmit,
  onChange,
  back,
}: {
  initial: FirstUserDraft;
  submitLabel: string;
  busy: boolean;
  onSubmit: (administrator: Output) => void;
  onChange: (draft: FirstUserDraft) => void;
  back: React.ReactNode;
}) {
  const { t } = useTranslation('setup');
  const { control, handleSubmit, formState, getValues } = useForm<FirstUserDraft, unknown, Output>({
    resolver: zodResolver(firstUserDraftSchema),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const code = (message: string | undefined) => message as ValidationCode | undefined;
  const nameErrors = {
    ...(errors.fullName?.latn ? { latn: code(errors.fullName.latn.message) } : {}),
    ...(errors.fullName?.cyrl ? { cyrl: code(errors.fullName.cyrl.message) } : {}),
  };
  return (
    <Stack component="form" spacing={2.5} noValidate onSubmit={handleSubmit(onSubmit)} onBlur={() => onChange(getValues())}>
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
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
        {back}
        <Button type="submit" variant="contained" disabled={busy} data-testid="setup-finish">
          {submitLabel}
        </Button>
      </Stack>
    </Stack>
  );
}
