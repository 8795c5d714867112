import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { queryCases } from '../../db/repositories/caseQueries';
import { formatDate, toIsoDate } from '../../domain/dates';
import { biScriptIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { StageChip } from '../cases';

/**
 * The logged-in user's own work: the open cases they manage, the longest untouched first.
 * Monitoring visits, plan actions and approvals join it with the case-work issue.
 */
export function MyWorkPage() {
  const { t } = useTranslation('pages');
  const { db } = useServices();
  const navigate = useNavigate();
  const session = useAppSelector((state) => state.session);
  const mine = useLiveQuery(
    async () => (session.currentUserId ? (await queryCases(db, { caseManagerId: session.currentUserId }, { field: 'updatedAt', direction: 'asc' }, 0, 500)).rows.filter((kase) => kase.stage !== 'closed') : []),
    [db, session.currentUserId],
  );
  return (
    <>
      <PageHeader title={t('myWork.title')} subtitle={t('myWork.subtitle')} />
      {mine && mine.length === 0 && <EmptyState icon={<TaskAltIcon />} title={t('myWork.emptyTitle')} text={t('myWork.emptyText')} />}
      {mine && mine.length > 0 && (
        <>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('myWork.myCases', { count: mine.length })}
          </Typography>
          <Paper variant="outlined">
            <Table size="small" data-testid="my-cases">
              <TableHead>
                <TableRow>
                  <TableCell>{t('myWork.caseNumber')}</TableCell>
                  <TableCell>{t('myWork.head')}</TableCell>
                  <TableCell>{t('myWork.stage')}</TableCell>
                  <TableCell>{t('myWork.updated')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {mine.map((kase) => (
                  <TableRow key={kase.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/cases/${kase.id}`)} data-testid="my-case">
                    <TableCell>{kase.caseNumber}</TableCell>
                    <TableCell>{kase.summary.head ? `${biScriptIn(kase.summary.head.surname, session.language)} ${biScriptIn(kase.summary.head.firstName, session.language)}` : '—'}</TableCell>
                    <TableCell>
                      <StageChip stage={kase.stage} />
                    </TableCell>
                    <TableCell>{formatDate(toIsoDate(new Date(kase.updatedAt)))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        </>
      )}
    </>
  );
}
