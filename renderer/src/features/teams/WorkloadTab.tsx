import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { openCaseCounts } from '../../db/repositories/workload';
import { namesAttribute, type Directory } from './useDirectory';

interface Row {
  id: string;
  name: string;
  /** Every spelling, for `data-names`. */
  names: string[];
  detail: string | number;
  open: number;
}

const byLoad = (a: Row, b: Row) => b.open - a.open || a.name.localeCompare(b.name);

/** Open cases per case manager and per mahalla, beside who coordinates and how large the team is. */
export function WorkloadTab({ directory }: { directory: Directory }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const counts = useLiveQuery(() => openCaseCounts(db), [db]);
  if (!counts) return null;

  const coordinated = new Map<string, string[]>();
  for (const team of directory.teams) {
    if (team.coordinatorUserId) coordinated.set(team.coordinatorUserId, [...(coordinated.get(team.coordinatorUserId) ?? []), directory.mahallaName(team.mahallaId)]);
  }
  const accountNames = (id: string) => {
    const account = directory.accounts.find((candidate) => candidate.id === id);
    return account ? [account.username, account.fullName.latn, account.fullName.cyrl] : [];
  };
  const mahallaNames = (id: string) => {
    const mahalla = directory.mahallas.find((candidate) => candidate.id === id);
    return mahalla ? [mahalla.name.uzLatn, mahalla.name.uzCyrl, mahalla.name.ru] : [];
  };
  // Every active case manager is listed, with none open too; anyone else holding open cases as well.
  const managerIds = new Set([...directory.accounts.filter((account) => account.active && account.roles.includes('caseManager')).map((account) => account.id), ...Object.keys(counts.byCaseManager)]);
  const managers: Row[] = [...managerIds]
    .map((id) => ({ id, name: directory.accountName(id), names: accountNames(id), detail: (coordinated.get(id) ?? []).join(', '), open: counts.byCaseManager[id] ?? 0 }))
    .sort(byLoad);
  const mahallaIds = new Set([...directory.mahallas.map((mahalla) => mahalla.id), ...Object.keys(counts.byMahalla)]);
  const mahallas: Row[] = [...mahallaIds]
    .map((id) => ({ id, name: directory.mahallaName(id), names: mahallaNames(id), detail: directory.teamOf(id)?.members.length ?? 0, open: counts.byMahalla[id] ?? 0 }))
    .sort(byLoad);

  const table = (title: string, nameLabel: string, detailLabel: string, rows: Row[], testId: string, detailAlign: 'left' | 'right') => (
    <Box sx={{ flex: 1, minWidth: 320 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1, fontWeight: 500 }}>
        {title}
      </Typography>
      <Paper variant="outlined">
        <Table size="small" aria-label={title} data-testid={testId}>
          <TableHead>
            <TableRow>
              <TableCell>{nameLabel}</TableCell>
              <TableCell align={detailAlign}>{detailLabel}</TableCell>
              <TableCell align="right">{t('field.openCases')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={3} sx={{ color: 'text.secondary' }}>
                  {t('workload.empty')}
                </TableCell>
              </TableRow>
            )}
            {rows.map((row) => (
              <TableRow key={row.id} data-testid={`${testId}-row`} data-names={namesAttribute(...row.names)}>
                <TableCell>{row.name}</TableCell>
                <TableCell align={detailAlign}>{row.detail}</TableCell>
                <TableCell align="right" data-testid="open-cases">
                  {row.open}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );

  return (
    <>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {table(t('workload.byCaseManager'), t('field.caseManager'), t('field.coordinates'), managers, 'workload-caseManagers', 'left')}
        {table(t('workload.byMahalla'), t('field.mahalla'), t('field.teamSize'), mahallas, 'workload-mahallas', 'right')}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="workload-note">
        {t('workload.note')}
      </Typography>
    </>
  );
}
