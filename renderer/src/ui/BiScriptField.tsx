import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BiScriptText } from '../domain/names';
import { suggestOtherScript } from '../domain/names';
import type { ValidationCode } from '../domain/validation';

export const EMPTY_BI_SCRIPT: BiScriptText = { latn: '', cyrl: '', typed: 'latn' };

/**
 * A name in both Uzbek scripts. Typing in one field suggests the other by transliteration; the
 * suggestion keeps following until the user edits that field themselves, then it is theirs.
 */
export function BiScriptField({
  label,
  value,
  onChange,
  errors,
  testId,
  required,
}: {
  label: string;
  value: BiScriptText;
  onChange: (value: BiScriptText) => void;
  errors?: { latn?: ValidationCode; cyrl?: ValidationCode };
  testId?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const follows = (other: string, previous: string, from: 'latn' | 'cyrl') => other === '' || other === suggestOtherScript(previous, from);

  const typeLatn = (latn: string) =>
    onChange({ latn, cyrl: follows(value.cyrl, value.latn, 'latn') ? suggestOtherScript(latn, 'latn') : value.cyrl, typed: 'latn' });
  const typeCyrl = (cyrl: string) =>
    onChange({ cyrl, latn: follows(value.latn, value.cyrl, 'cyrl') ? suggestOtherScript(cyrl, 'cyrl') : value.latn, typed: 'cyrl' });
  const suggestedNote = (script: 'latn' | 'cyrl') =>
    value.typed !== script && value[script] !== '' && value[script] === suggestOtherScript(value[value.typed], value.typed)
      ? t('common:field.suggested')
      : undefined;

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ width: '100%' }}>
      <TextField
        label={`${label} — ${t('common:script.latn')}`}
        value={value.latn}
        onChange={(event) => typeLatn(event.target.value)}
        error={!!errors?.latn}
        helperText={errors?.latn ? t(`errors:validation.${errors.latn}`) : suggestedNote('latn')}
        required={required}
        slotProps={{ htmlInput: { 'data-testid': testId ? `${testId}-latn` : undefined, lang: 'uz-Latn' } }}
      />
      <TextField
        label={`${label} — ${t('common:script.cyrl')}`}
        value={value.cyrl}
        onChange={(event) => typeCyrl(event.target.value)}
        error={!!errors?.cyrl}
        helperText={errors?.cyrl ? t(`errors:validation.${errors.cyrl}`) : suggestedNote('cyrl')}
        required={required}
        slotProps={{ htmlInput: { 'data-testid': testId ? `${testId}-cyrl` : undefined, lang: 'uz-Cyrl' } }}
      />
    </Stack>
  );
}
