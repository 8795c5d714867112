import { zodResolver } from '@hookform/resolvers/zod';
import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { triLingualIn } from '../../domain/names';
import { officeDraftSchema, type OfficeDraft, type ValidOfficeDraft } from '../../domain/office';
import { REGIONS, findRegion } from '../../domain/regions';
import type { ValidationCode } from '../../domain/validation';
import { BiScriptField, EMPTY_BI_SCRIPT } from '../../ui/BiScriptField';
import { EMPTY_TRI_LINGUAL, TriLingualField } from '../../ui/TriLingualField';

export const EMPTY_OFFICE_DRAFT: OfficeDraft = {
  regionCode: '',
  districtCode: '',
  name: EMPTY_TRI_LINGUAL,
  head: EMPTY_BI_SCRIPT,
  hokim: EMPTY_BI_SCRIPT,
  deputyHokim: EMPTY_BI_SCRIPT,
};

const codeOf = (error: FieldError | undefined) => error?.message as ValidationCode | undefined;

/** The validation codes of a nested field's parts (`name.uzLatn` …), as the name fields show them. */
function codes(errors: unknown): Record<string, ValidationCode> {
  const result: Record<string, ValidationCode> = {};
  for (const [key, error] of Object.entries((errors ?? {}) as Record<string, FieldError | undefined>)) {
    const code = codeOf(error);
    if (code && key !== 'message' && key !== 'type' && key !== 'ref') result[key] = code;
  }
  return result;
}

/**
 * The office profile: its district from the reference list, its name in three languages and the
 * people who sign its documents. Used by first-run setup and by Settings.
 */
export function OfficeForm({
  initial,
  submitLabel,
  onSubmit,
  onChange,
}: {
  initial: OfficeDraft;
  submitLabel: string;
  onSubmit: (office: ValidOfficeDraft) => void | Promise<void>;
  onChange?: (draft: OfficeDraft) => void;
}) {
  const { t } = useTranslation('setup');
  const language = useAppSelector((state) => state.session.language);
  const form = useForm<OfficeDraft, unknown, ValidOfficeDraft>({ resolver: zodResolver(officeDraftSchema), defaultValues: initial });
  const { control, handleSubmit, watch, setValue, formState } = form;
  const regionCode = watch('regionCode');
  const errors = formState.errors;

  const regions = useMemo(
    () => [...REGIONS].sort((a, b) => triLingualIn(a.name, language).localeCompare(triLingualIn(b.name, language), language)),
    [language],
  );
  const districts = useMemo(() => {
    const region = findRegion(regionCode);
    return region ? [...region.districts].sort((a, b) => triLingualIn(a.name, language).localeCompare(triLingualIn(b.name, language), language)) : [];
  }, [regionCode, language]);

  const notify = () => onChange?.(form.getValues());

  return (
    <Stack component="form" spacing={2.5} onSubmit={handleSubmit(onSubmit)} onBlur={notify} noValidate data-testid="office-form">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <Controller
          control={control}
          name="regionCode"
          render={({ field }) => (
            <TextField
              select
              label={t('office.region')}
              value={field.value}
              onChange={(event) => {
                field.onChange(event.target.value);
                setValue('districtCode', '');
                notify();
              }}
              error={!!errors.regionCode}
              helperText={errors.regionCode && t(`errors:validation.${codeOf(errors.regionCode)}`)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'office-region' } as object } }}
            >
              {regions.map((region) => (
                <MenuItem key={region.code} value={region.code}>
                  {triLingualIn(region.name, language)}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        <Controller
          control={control}
          name="districtCode"
          render={({ field }) => (
            <TextField
              select
              label={t('office.district')}
              value={field.value}
              onChange={(event) => {
                field.onChange(event.target.value);
                notify();
              }}
              disabled={districts.length === 0}
              error={!!errors.districtCode}
              helperText={errors.districtCode && t(`errors:validation.${codeOf(errors.districtCode)}`)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'office-district' } as object } }}
            >
              {districts.map((district) => (
                <MenuItem key={district.code} value={district.code}>
                  {triLingualIn(district.name, language)}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
      </Stack>

      <Typography variant="subtitle2">{t('office.nameHeading')}</Typography>
      <Controller
        control={control}
        name="name"
        render={({ field }) => (
          <TriLingualField label={t('office.name')} value={field.value} onChange={field.onChange} errors={codes(errors.name)} testId="office-name" />
        )}
      />

      <Typography variant="subtitle2">{t('office.peopleHeading')}</Typography>
      {(['head', 'hokim', 'deputyHokim'] as const).map((role) => (
        <Controller
          key={role}
          control={control}
          name={role}
          render={({ field }) => (
            <BiScriptField label={t(`office.${role}`)} value={field.value} onChange={field.onChange} errors={codes(errors[role])} testId={`office-${role}`} />
          )}
        />
      ))}

      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={formState.isSubmitting} data-testid="office-submit">
          {submitLabel}
        </Button>
      </Stack>
    </Stack>
  );
}
