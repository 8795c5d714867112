import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ExchangeProgress } from '../../db/exchange';
import { formatNumber } from '../../domain/numbers';

/** The name of a table as users call its records; tables added later show as "other records". */
export function useTableName() {
  const { t } = useTranslation('exchange');
  return (table: string) => t(`tables.${table}`, { defaultValue: t('tables.other') });
}


/** A backup or restore under way: what it does now, on which records, how far it is. */
export function ExchangeProgressView({ progress, startingKey }: { progress: ExchangeProgress | null; startingKey: string }) {
  const { t } = useTranslation('exchange');
  const tableName = useTableName();
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : null;
  return (
    <Box data-testid="exchange-progress">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {progress ? t(`progress.${progress.phase}`, { table: tableName(progress.table) }) : t(startingKey)}
      </Typography>
      <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} />
      {progress && progress.phase !== 'checking' && (
        <Typography variant="caption" color="text.secondary" data-testid="exchange-progress-count">
          {progress.total > 0
            ? t('progress.records', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
            : t('progress.recordsSoFar', { done: formatNumber(progress.done) })}
        </Typography>
      )}
    </Box>
  );
}
