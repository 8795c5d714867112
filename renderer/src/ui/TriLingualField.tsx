import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TriLingualText } from '../domain/names';
import { suggestOtherScript, suggestRussian } from '../domain/names';
import type { ValidationCode } from '../domain/validation';

export const EMPTY_TRI_LINGUAL: TriLingualText = { uzLatn: '', uzCyrl: '', ru: '' };

type Field = keyof TriLingualText;

/**
 * A place or organisation name in Uzbek Latin, Uzbek Cyrillic and Russian. Each Uzbek spelling
 * suggests the other, and the Cyrillic one suggests the Russian, until the user edits a field.
 */
export function TriLingualField({
  label,
  value,
  onChange,
  errors,
  testId,
  autoFocus,
}: {
  label: string;
  value: TriLingualText;
  onChange: (value: TriLingualText) => void;
  errors?: Partial<Record<Field, ValidationCode>>;
  testId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();

  const set = (field: Field, text: string) => {
    const next = { ...value, [field]: text };
    if (field === 'uzLatn' && (value.uzCyrl === '' || value.uzCyrl === suggestOtherScript(value.uzLatn, 'latn'))) {
      next.uzCyrl = suggestOtherScript(text, 'latn');
    }
    if (field === 'uzCyrl' && (value.uzLatn === '' || value.uzLatn === suggestOtherScript(value.uzCyrl, 'cyrl'))) {
      next.uzLatn = suggestOtherScript(text, 'cyrl');
    }
    if (next.uzCyrl !== value.uzCyrl && (value.ru === '' || value.ru === suggestRussian(value.uzCyrl))) {
      next.ru = suggestRussian(next.uzCyrl);
    }
    onChange(next);
  };

  const fields: { field: Field; script: string; lang: string }[] = [
    { field: 'uzLatn', script: t('common:script.uzLatn'), lang: 'uz-Latn' },
    { field: 'uzCyrl', script: t('common:script.uzCyrl'), lang: 'uz-Cyrl' },
    { field: 'ru', script: t('common:script.ru'), lang: 'ru' },
  ];
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ width: '100%' }}>
      {fields.map(({ field, script, lang }, index) => (
        <TextField
          key={field}
          label={`${label} — ${script}`}
          value={value[field]}
          onChange={(event) => set(field, event.target.value)}
          error={!!errors?.[field]}
          helperText={errors?.[field] ? t(`errors:validation.${errors[field]}`) : undefined}
          autoFocus={autoFocus && index === 0}
          slotProps={{ htmlInput: { 'data-testid': testId ? `${testId}-${field}` : undefined, lang } }}
        />
      ))}
    </Stack>
  );
}
