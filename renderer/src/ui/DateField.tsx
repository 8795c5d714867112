import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ValidationCode } from '../domain/validation';

/**
 * A date typed or picked as dd.mm.yyyy and stored as `yyyy-mm-dd` (never a Date, which shifts
 * at UTC+5). An unfinished or impossible date gives '' plus the field's own error.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  testId,
  maxDate,
  required,
}: {
  label: string;
  value: string | null;
  onChange: (value: string) => void;
  error?: ValidationCode | string | undefined;
  testId?: string;
  maxDate?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const parsed = value ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      label={label}
      format="DD.MM.YYYY"
      value={parsed?.isValid() ? parsed : null}
      onChange={(next: Dayjs | null) => onChange(next?.isValid() ? next.format('YYYY-MM-DD') : '')}
      {...(maxDate ? { maxDate: dayjs(maxDate) } : {})}
      slotProps={{
        textField: {
          size: 'small',
          fullWidth: true,
          required,
          error: !!error,
          helperText: error ? t(`errors:validation.${error}`) : undefined,
          ...({ 'data-testid': testId } as object),
        },
      }}
    />
  );
}
