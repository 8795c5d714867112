import { Button, FormControlLabel, MenuItem, Stack, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import type { CaseFilter, FacetCounts } from '../../db/repositories/caseQueries';
import type { Mahalla } from '../../domain/mahalla';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { STAGES } from '../../domain/stages';
import { toIsoDate } from '../../domain/dates';
import type { User } from '../../domain/user';
import { RISK_LEVELS, VULNERABILITY_CRITERIA } from '../../domain/vulnerability';
import { filterChanged, filtersCleared } from './casesSlice';

/** The list's filters, each value with the number of cases it would show. */
export function CaseFilters({ counts, mahallas, users, overdue }: { counts: FacetCounts | undefined; mahallas: readonly Mahalla[]; users: readonly User[]; overdue: number | undefined }) {
  const { t } = useTranslation('cases');
  const dispatch = useAppDispatch();
  const filter = useAppSelector((state) => state.cases.filter);
  const language = useAppSelector((state) => state.session.language);
  const me = useAppSelector((state) => (state.session.roles.includes('caseManager') ? state.session.currentUserId : null));
  const count = (facet: Exclude<keyof FacetCounts, 'all'>, key: string) => counts?.[facet][key] ?? 0;

  const select = (key: keyof CaseFilter, facet: Exclude<keyof FacetCounts, 'all'>, label: string, options: { value: string; label: string }[]) => (
    <TextField
      select
      label={label}
      value={filter[key] ?? ''}
      onChange={(event) => dispatch(filterChanged({ key, value: event.target.value || undefined }))}
      sx={{ minWidth: 170, flex: 1 }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': `filter-${key}` } as object } }}
    >
      <MenuItem value="">{t('list.all')}</MenuItem>
      {options.map((option) => (
        <MenuItem key={option.value} value={option.value} data-testid={`filter-${key}-${option.value}`}>
          {option.label} ({count(facet, option.value)})
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={1.5} sx={{ alignItems: { lg: 'center' } }} data-testid="case-filters">
      {me && (
        <FormControlLabel
          sx={{ whiteSpace: 'nowrap', mr: 0 }}
          control={
            <Switch
              checked={filter.caseManagerId === me}
              onChange={(event) => dispatch(filterChanged({ key: 'caseManagerId', value: event.target.checked ? me : undefined }))}
              slotProps={{ input: { 'data-testid': 'filter-mine' } as object }}
            />
          }
          label={`${t('list.mine')} (${count('caseManagerId', me)})`}
        />
      )}
      <FormControlLabel
        sx={{ whiteSpace: 'nowrap', mr: 0 }}
        control={
          <Switch
            checked={!!filter.overdueOn}
            color="error"
            // The day is fixed when the filter is set: the list does not change under the user at midnight.
            onChange={(event) => dispatch(filterChanged({ key: 'overdueOn', value: event.target.checked ? toIsoDate(new Date()) : undefined }))}
            slotProps={{ input: { 'data-testid': 'filter-overdue' } as object }}
          />
        }
        label={`${t('list.overdue')} (${overdue ?? 0})`}
      />
      {select('stage', 'stage', t('field.stage'), STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) })))}
      {select('mahallaId', 'mahallaId', t('field.mahalla'), mahallas.map((m) => ({ value: m.id, label: triLingualIn(m.name, language) })))}
      {select(
        'vulnerability',
        'vulnerability',
        t('field.vulnerability'),
        VULNERABILITY_CRITERIA.filter((c) => count('vulnerability', c.code) > 0 || filter.vulnerability === c.code).map((c) => ({ value: c.code, label: triLingualIn(c.name, language) })),
      )}
      {select('riskLevel', 'riskLevel', t('field.riskLevel'), RISK_LEVELS.map((level) => ({ value: level.code, label: `${level.code} — ${triLingualIn(level.name, language)}` })))}
      {select('caseManagerId', 'caseManagerId', t('field.caseManager'), users.map((user) => ({ value: user.id, label: biScriptIn(user.fullName, language) })))}
      {Object.keys(filter).length > 0 && (
        <Button onClick={() => dispatch(filtersCleared())} sx={{ whiteSpace: 'nowrap' }}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
