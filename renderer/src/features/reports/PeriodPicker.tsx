import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/dates';
import { custom, month, quarter, year, type LabeledPeriod } from '../../reports';
import { DateField } from '../../ui/DateField';
import type { PeriodChoice } from './reportsSlice';

/** The current month: the report's period until the user picks another. */
export function currentMonth(today: Date): PeriodChoice {
  return { kind: 'month', year: today.getFullYear(), month: today.getMonth() + 1 };
}

/** The dates of a choice; an unfinished custom range (a date missing or reversed) gives null. */
export function periodOf(choice: PeriodChoice): LabeledPeriod | null {
  switch (choice.kind) {
    case 'month':
      return month(choice.year, choice.month);
    case 'quarter':
      return quarter(choice.year, choice.quarter);
    case 'year':
      return year(choice.year);
    case 'custom':
      if (!choice.from || !choice.to || choice.from > choice.to) return null;
      return custom(choice.from as IsoDate, choice.to as IsoDate);
  }
}

/** The offices report from the year the product started; later years come as the clock moves. */
const FIRST_YEAR = 2020;

export function PeriodPicker({ value, onChange, today }: { value: PeriodChoice; onChange: (choice: PeriodChoice) => void; today: Date }) {
  const { t } = useTranslation('reports');
  const thisYear = today.getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => thisYear - index);
  const yearOf = value.kind === 'custom' ? thisYear : value.year;

  const changeKind = (kind: PeriodChoice['kind']) => {
    const current = currentMonth(today);
    if (kind === 'month') onChange({ kind, year: yearOf, month: value.kind === 'quarter' ? value.quarter * 3 : current.kind === 'month' ? current.month : 1 });
    else if (kind === 'quarter') onChange({ kind, year: yearOf, quarter: (Math.ceil((value.kind === 'month' ? value.month : today.getMonth() + 1) / 3) as 1 | 2 | 3 | 4) });
    else if (kind === 'year') onChange({ kind, year: yearOf });
    else {
      const period = periodOf(value);
      onChange({ kind, from: period?.from ?? '', to: period?.to ?? '' });
    }
  };

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <TextField select fullWidth={false} size="small" label={t('page.periodKind')} value={value.kind} onChange={(event) => changeKind(event.target.value as PeriodChoice['kind'])} sx={{ minWidth: 120 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-period-kind' } as object } }}>
        {(['month', 'quarter', 'year', 'custom'] as const).map((kind) => (
          <MenuItem key={kind} value={kind} data-testid={`report-period-kind-${kind}`}>
            {t(`page.kind.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      {value.kind !== 'custom' && (
        <TextField select fullWidth={false} size="small" label={t('page.year')} value={value.year} onChange={(event) => onChange({ ...value, year: Number(event.target.value) })} sx={{ minWidth: 100 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-period-year' } as object } }}>
          {years.map((y) => (
            <MenuItem key={y} value={y} data-testid={`report-year-${y}`}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'month' && (
        <TextField select fullWidth={false} size="small" label={t('page.month')} value={value.month} onChange={(event) => onChange({ ...value, month: Number(event.target.value) })} sx={{ minWidth: 140 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-period-month' } as object } }}>
          {Array.from({ length: 12 }, (_, index) => index + 1).map((m) => (
            <MenuItem key={m} value={m} data-testid={`report-month-${m}`}>
              {t(`month.${m}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'quarter' && (
        <TextField select fullWidth={false} size="small" label={t('page.quarter')} value={value.quarter} onChange={(event) => onChange({ ...value, quarter: Number(event.target.value) as 1 | 2 | 3 | 4 })} sx={{ minWidth: 100 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-period-quarter' } as object } }}>
          {([1, 2, 3, 4] as const).map((q) => (
            <MenuItem key={q} value={q} data-testid={`report-quarter-${q}`}>
              {q}
            </MenuItem>
          ))}
        </TextField>
      )}
      {value.kind === 'custom' && (
        <>
          <DateField label={t('page.from')} value={value.from || null} onChange={(from) => onChange({ ...value, from })} testId="report-period-from" />
          <DateField label={t('page.to')} value={value.to || null} onChange={(to) => onChange({ ...value, to })} testId="report-period-to" />
        </>
      )}
    </Stack>
  );
}
