import { Paper, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useTranslation } from 'react-i18next';
import type { LocalGroup, LocalTable, TrendPoint } from '../../reports';
import type { ShowCases } from './ReportTables';

const tableOf = (groups: readonly LocalGroup[], id: LocalTable['id']) => groups.flatMap((group) => group.tables).find((table) => table.id === id);

/** The column of the by-mahalla table the bars show: families in work at the period's end. */
const OPEN_AT_END = 3;

/**
 * The dashboard's pictures, drawn from the same localized tables as the figures below them:
 * families in work by mahalla, the monthly trend, and why cases were closed. A bar or a slice
 * opens its cases, as the numbers do.
 */
export function ReportCharts({ groups, trend, showCases }: { groups: readonly LocalGroup[]; trend: readonly TrendPoint[] | null; showCases: ShowCases }) {
  const { t } = useTranslation('reports');
  const byMahalla = tableOf(groups, 'byMahalla')?.rows ?? [];
  const outcomes = (tableOf(groups, 'closedByOutcome')?.rows ?? []).filter((row) => (row.cells[0]?.value ?? 0) > 0);
  const months = trend?.map((point) => `${String(point.month).padStart(2, '0')}.${point.year}`) ?? [];

  return (
    <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
      <Paper variant="outlined" sx={{ p: 2, flex: 1.3, minWidth: 0 }} data-testid="report-chart-mahalla">
        <Typography variant="subtitle2">{t('chart.byMahalla')}</Typography>
        <BarChart
          height={Math.max(180, 28 * byMahalla.length + 40)}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: byMahalla.map((row) => row.label), width: 140 }]}
          series={[{ data: byMahalla.map((row) => row.cells[OPEN_AT_END]?.value ?? 0), label: t('dashboard.openFamilies') }]}
          hideLegend
          onItemClick={(_event, item) => {
            const row = byMahalla[item.dataIndex];
            const cell = row?.cells[OPEN_AT_END];
            if (showCases && row && cell?.caseIds?.length) showCases({ kind: 'chart', chart: 'byMahalla', table: 'byMahalla', row: row.key }, cell.caseIds);
          }}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, flex: 1.3, minWidth: 0 }} data-testid="report-chart-trend">
        <Typography variant="subtitle2">{t('chart.trend')}</Typography>
        {trend && (
          <LineChart
            height={240}
            xAxis={[{ scaleType: 'point', data: months }]}
            series={[
              { data: trend.map((point) => point.openAtEnd), label: t('dashboard.openFamilies'), curve: 'linear' },
              { data: trend.map((point) => point.new), label: t('dashboard.new'), curve: 'linear' },
              { data: trend.map((point) => point.closed), label: t('dashboard.closed'), curve: 'linear' },
            ]}
          />
        )}
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="report-chart-outcomes">
        <Typography variant="subtitle2">{t('chart.outcomes')}</Typography>
        {outcomes.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {t('chart.noClosures')}
          </Typography>
        ) : (
          <PieChart
            height={240}
            series={[{ data: outcomes.map((row, index) => ({ id: index, value: row.cells[0]?.value ?? 0, label: row.label })), innerRadius: 40 }]}
            onItemClick={(_event, item) => {
              const row = outcomes[item.dataIndex];
              if (showCases && row?.cells[0]?.caseIds) showCases({ kind: 'chart', chart: 'outcomes', table: 'closedByOutcome', row: row.key }, row.cells[0].caseIds);
            }}
          />
        )}
      </Paper>
    </Stack>
  );
}
