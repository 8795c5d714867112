import { Alert, Box, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { PackageInfo } from '../../db/exchange';
import { formatDateTime } from '../../domain/dates';
import { triLingualIn } from '../../domain/names';
import { useTableName } from './ExchangeProgressView';
import { formatNumber } from '../../domain/numbers';

/** Tables people recognise, first and always shown; the rest follow when they hold records. */
const MAIN_TABLES = ['cases', 'persons', 'users', 'documents'];

/**
 * The counts as rows people can tell apart: a transfer's reference entries (`ref_users`) under
 * their table's name, and the package's own bookkeeping (the manifest, the lineage) and any table
 * without a name of its own together as one row, `other`.
 */
export function rowsOf(counts: Record<string, number>, named: (table: string) => boolean): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const [table, count] of Object.entries(counts)) {
    const referenced = table.startsWith('ref_') ? table.slice('ref_'.length) : table;
    const row = referenced !== 'other' && named(referenced) ? referenced : 'other';
    rows[row] = (rows[row] ?? 0) + count;
  }
  return rows;
}

/**
 * What a picked file is, read from its header before any passphrase: whose office, when it was
 * made, what kind of package, how many records. Warns when it comes from another office.
 */
export function PackageSummary({ info, fileName, currentDistrictCode }: { info: PackageInfo; fileName: string; currentDistrictCode: string | undefined }) {
  const { t, i18n } = useTranslation('exchange');
  const language = useAppSelector((state) => state.session.language);
  const tableName = useTableName();
  // A backup holds every table of the office: the ones people recognise, the rest (passwords, settings, the audit…) as one row, so the passphrase field stays in view.
  const named = info.kind === 'backup' ? (table: string) => MAIN_TABLES.includes(table) : (table: string) => i18n.exists(`exchange:tables.${table}`);
  const counts = rowsOf(info.counts ?? {}, named);
  const rest = Object.keys(counts)
    .filter((table) => !MAIN_TABLES.includes(table) && table !== 'other' && (counts[table] ?? 0) > 0)
    .sort((a, b) => tableName(a).localeCompare(tableName(b)));
  if ((counts.other ?? 0) > 0) rest.push('other');
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const otherOffice = currentDistrictCode !== undefined && info.districtCode !== currentDistrictCode;
  return (
    <Stack spacing={1} data-testid="package-summary">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}>
        <Typography variant="body2" color="text.secondary">
          {t('summary.file')}
        </Typography>
        <Typography variant="body2" data-testid="package-file">
          {fileName}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('summary.kind')}
        </Typography>
        <Typography variant="body2" data-testid="package-kind">
          {t(`kind.${info.kind}`)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('summary.office')}
        </Typography>
        <Typography variant="body2" data-testid="package-office">
          {triLingualIn(info.officeName, language)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('summary.createdAt')}
        </Typography>
        <Typography variant="body2" data-testid="package-created">
          {formatDateTime(info.createdAt)}
        </Typography>
      </Box>
      {otherOffice && <Alert severity="warning">{t('summary.otherOffice')}</Alert>}
      {info.counts ? (
        <Table size="small" sx={{ maxWidth: 420 }} data-testid="package-counts">
          <TableBody>
            {[...MAIN_TABLES, ...rest].map((table) => (
              <TableRow key={table} data-testid={`package-count-${table}`}>
                <TableCell sx={{ py: 0.25 }}>{tableName(table)}</TableCell>
                <TableCell sx={{ py: 0.25 }} align="right">
                  {formatNumber(counts[table] ?? 0)}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ py: 0.25, fontWeight: 500 }}>{t('summary.total')}</TableCell>
              <TableCell sx={{ py: 0.25, fontWeight: 500 }} align="right" data-testid="package-total">
                {formatNumber(total)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : null}
      {info.counts && info.countedAtStart && (
        <Typography variant="body2" color="text.secondary" data-testid="package-counted-at-start">
          {t('summary.countedAtStart')}
        </Typography>
      )}
      {info.counts ? null : (
        <Typography variant="body2" color="text.secondary">
          {t('summary.noCounts')}
        </Typography>
      )}
    </Stack>
  );
}
