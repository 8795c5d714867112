import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PersonDraft } from '../../domain/caseDraft';
import type { BiScriptText } from '../../domain/names';
import type { ValidationCode } from '../../domain/validation';
import { BiScriptField, EMPTY_BI_SCRIPT } from '../../ui/BiScriptField';
import { DateField } from '../../ui/DateField';

export const EMPTY_PERSON: PersonDraft = {
  surname: EMPTY_BI_SCRIPT,
  firstName: EMPTY_BI_SCRIPT,
  patronymic: EMPTY_BI_SCRIPT,
  sex: '' as PersonDraft['sex'],
  birthDate: '',
  pinfl: '',
  pinflCheckAccepted: false,
  document: '',
  education: null,
  employment: '',
  disability: null,
  migration: null,
  healthNotes: '',
};

/** Field path (`pinfl`, `surname.latn` …) → validation code, as the domain schemas report them. */
export type FieldErrors = Record<string, ValidationCode | string>;

const sub = (errors: FieldErrors, prefix: string) =>
  Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(`${prefix}.`))
      .map(([path, code]) => [path.slice(prefix.length + 1), code]),
  ) as { latn?: ValidationCode; cyrl?: ValidationCode };

/**
 * One person's details: names in both scripts, sex, birth date, PINFL (with the check-digit
 * warning the user may accept), document, school, work, disability, migration, health.
 */
export function PersonFields({
  value,
  onChange,
  errors,
  testId,
  today,
}: {
  value: PersonDraft;
  onChange: (value: PersonDraft) => void;
  errors: FieldErrors;
  testId: string;
  today: string;
}) {
  const { t } = useTranslation('cases');
  const set = <K extends keyof PersonDraft>(key: K, next: PersonDraft[K]) => onChange({ ...value, [key]: next });
  const error = (key: string) => (errors[key] ? t(`errors:validation.${errors[key]}`) : undefined);

  return (
    <Stack spacing={1.5}>
      <BiScriptField label={t('field.surname')} value={value.surname} onChange={(v) => set('surname', v)} errors={sub(errors, 'surname')} testId={`${testId}-surname`} required />
      <BiScriptField label={t('field.firstName')} value={value.firstName} onChange={(v) => set('firstName', v)} errors={sub(errors, 'firstName')} testId={`${testId}-firstName`} required />
      <BiScriptField label={t('field.patronymic')} value={(value.patronymic as BiScriptText | null) ?? EMPTY_BI_SCRIPT} onChange={(v) => set('patronymic', v)} errors={sub(errors, 'patronymic')} testId={`${testId}-patronymic`} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <TextField
          select
          label={t('field.sex')}
          value={value.sex}
          onChange={(event) => set('sex', event.target.value as PersonDraft['sex'])}
          error={!!errors.sex}
          helperText={error('sex')}
          required
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': `${testId}-sex` } as object } }}
        >
          <MenuItem value="male">{t('sex.male')}</MenuItem>
          <MenuItem value="female">{t('sex.female')}</MenuItem>
        </TextField>
        <DateField label={t('field.birthDate')} value={value.birthDate} onChange={(v) => set('birthDate', v)} error={errors.birthDate} testId={`${testId}-birthDate`} maxDate={today} required />
        <TextField
          label={t('field.pinfl')}
          value={value.pinfl ?? ''}
          onChange={(event) => onChange({ ...value, pinfl: event.target.value, pinflCheckAccepted: false })}
          error={!!errors.pinfl}
          helperText={error('pinfl')}
          slotProps={{ htmlInput: { 'data-testid': `${testId}-pinfl`, inputMode: 'numeric', maxLength: 20 } }}
        />
      </Stack>
      {errors.pinfl === 'pinflCheckDigit' && (
        <FormControlLabel
          control={<Checkbox checked={value.pinflCheckAccepted} onChange={(event) => set('pinflCheckAccepted', event.target.checked)} data-testid={`${testId}-pinflAccept`} />}
          label={t('field.pinflAccept')}
        />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <TextField
          label={t('field.document')}
          value={value.document ?? ''}
          onChange={(event) => set('document', event.target.value)}
          error={!!errors.document}
          helperText={error('document')}
          slotProps={{ htmlInput: { 'data-testid': `${testId}-document` } }}
        />
        <TextField
          select
          label={t('field.disability')}
          value={value.disability ?? 'none'}
          onChange={(event) => set('disability', event.target.value === 'none' ? null : (event.target.value as PersonDraft['disability']))}
        >
          {(['none', 'group1', 'group2', 'group3', 'child'] as const).map((code) => (
            <MenuItem key={code} value={code}>
              {t(`disability.${code}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <TextField
          label={t('field.institution')}
          value={value.education?.institution ?? ''}
          onChange={(event) => set('education', event.target.value || value.education?.grade ? { institution: event.target.value, grade: value.education?.grade ?? '' } : null)}
          error={!!errors['education.institution']}
          helperText={error('education.institution')}
        />
        <TextField
          label={t('field.grade')}
          value={value.education?.grade ?? ''}
          onChange={(event) => set('education', { institution: value.education?.institution ?? '', grade: event.target.value })}
          error={!!errors['education.grade']}
          helperText={error('education.grade')}
          sx={{ maxWidth: { sm: 160 } }}
        />
        <TextField label={t('field.employment')} value={value.employment ?? ''} onChange={(event) => set('employment', event.target.value)} error={!!errors.employment} helperText={error('employment')} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'center' } }}>
        <FormControlLabel
          sx={{ minWidth: 220 }}
          control={<Checkbox checked={!!value.migration} onChange={(event) => set('migration', event.target.checked ? { country: '', since: '' } : null)} />}
          label={t('field.migration')}
        />
        {value.migration && (
          <>
            <TextField
              label={t('field.migrationCountry')}
              value={value.migration.country}
              onChange={(event) => set('migration', { ...value.migration!, country: event.target.value })}
              error={!!errors['migration.country']}
              helperText={error('migration.country')}
            />
            <DateField label={t('field.migrationSince')} value={value.migration.since} onChange={(since) => set('migration', { ...value.migration!, since })} error={errors['migration.since']} maxDate={today} />
          </>
        )}
      </Stack>
      <TextField
        label={t('field.healthNotes')}
        value={value.healthNotes}
        onChange={(event) => set('healthNotes', event.target.value)}
        error={!!errors.healthNotes}
        helperText={error('healthNotes')}
        multiline
        minRows={2}
      />
    </Stack>
  );
}
