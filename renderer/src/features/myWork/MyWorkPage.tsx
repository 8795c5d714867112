import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { queryCases } from '../../db/repositories/caseQueries';
import { daysBetween } from '../../domain/monitoring';
import { addDays, formatDate, toIsoDate, type IsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { biScriptIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { StageChip } from '../cases';
import { useMyWork } from './useMyWork';

/**
 * The logged-in user's own work: what is overdue, what is due this week, approvals waiting for them,
 * and the open cases they manage, the longest untouched first.
 */
export function MyWorkPage() {
  const { t } = useTranslation('pages');
  const { db } = useServices();
  const navigate = useNavigate();
  const session = useAppSelector((state) => state.session);
  const work = useMyWork();
  const today = toIsoDate(new Date());
  const weekEnd = addDays(today, 7);
  const mine = useLiveQuery(
    async () => (session.currentUserId ? (await queryCases(db, { caseManagerId: session.currentUserId }, { field: 'updatedAt', direction: 'asc' }, 0, 500)).rows.filter((kase) => kase.stage !== 'closed') : []),
    [db, session.currentUserId],
  );
  const head = (kase: FamilyCase) => (kase.summary.head ? `${biScriptIn(kase.summary.head.surname, session.language)} ${biScriptIn(kase.summary.head.firstName, session.language)}` : '—');
  const open = (caseId: string) => navigate(`/cases/${caseId}`);
  const late = (due: IsoDate | null | undefined) => (due && due < today ? daysBetween(due, today) : 0);

  const caseTable = (cases: FamilyCase[], testId: string, extra: (kase: FamilyCase) => ReactNode, extraTitle: string) => (
    <Paper variant="outlined">
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('myWork.caseNumber')}</TableCell>
            <TableCell>{t('myWork.head')}</TableCell>
            <TableCell>{t('myWork.stage')}</TableCell>
            <TableCell>{extraTitle}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cases.map((kase) => (
            <TableRow key={kase.id} hover sx={{ cursor: 'pointer' }} onClick={() => open(kase.id)} data-testid={`${testId}-row`}>
              <TableCell>{kase.caseNumber}</TableCell>
              <TableCell>{head(kase)}</TableCell>
              <TableCell>
                <StageChip stage={kase.stage} />
              </TableCell>
              <TableCell>{extra(kase)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );

  const nothing = mine && mine.length === 0 && work && work.overdue.length === 0 && work.awaitingApproval.length === 0;
  return (
    <>
      <PageHeader title={t('myWork.title')} subtitle={t('myWork.subtitle')} />
      {nothing && <EmptyState icon={<TaskAltIcon />} title={t('myWork.emptyTitle')} text={t('myWork.emptyText')} />}
      <Stack spacing={3}>
        {work && work.overdue.length > 0 && (
          <section>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }} color="error">
              {t('myWork.overdue', { count: work.overdue.length })}
            </Typography>
            {caseTable(
              work.overdue,
              'my-overdue',
              (kase) => (
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                  {late(kase.monitoringDue) > 0 && <Chip size="small" color="error" label={t('myWork.monitoringLate', { date: formatDate(kase.monitoringDue!), count: late(kase.monitoringDue) })} />}
                  {late(kase.actionsDue) > 0 && <Chip size="small" color="warning" label={t('myWork.actionsLate', { date: formatDate(kase.actionsDue!) })} />}
                </Stack>
              ),
              t('myWork.what'),
            )}
          </section>
        )}
        {work && work.dueThisWeek.length > 0 && (
          <section>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('myWork.dueThisWeek', { count: work.dueThisWeek.length })}
            </Typography>
            {caseTable(
              work.dueThisWeek,
              'my-due',
              (kase) =>
                [
                  kase.monitoringDue && kase.monitoringDue <= weekEnd && kase.monitoringDue >= today ? t('myWork.monitoringDue', { date: formatDate(kase.monitoringDue) }) : '',
                  kase.actionsDue && kase.actionsDue <= weekEnd && kase.actionsDue >= today ? t('myWork.actionDue', { date: formatDate(kase.actionsDue) }) : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              t('myWork.what'),
            )}
          </section>
        )}
        {work && work.awaitingApproval.length > 0 && (
          <section>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('myWork.awaitingApproval', { count: work.awaitingApproval.length })}
            </Typography>
            <Paper variant="outlined">
              <Table size="small" data-testid="my-approvals">
                <TableBody>
                  {work.awaitingApproval.map((item) => (
                    <TableRow key={item.id} hover sx={{ cursor: 'pointer' }} onClick={() => open(item.caseId)} data-testid="my-approvals-row">
                      <TableCell>{item.caseNumber}</TableCell>
                      <TableCell>{item.kind === 'assessment' ? t('myWork.assessmentVersion', { version: item.number, date: formatDate(item.date) }) : t('myWork.planRevision', { revision: item.number, date: formatDate(item.date) })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          </section>
        )}
        {mine && mine.length > 0 && (
          <section>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('myWork.myCases', { count: mine.length })}
            </Typography>
            {caseTable(mine, 'my-cases', (kase) => formatDate(toIsoDate(new Date(kase.updatedAt))), t('myWork.updated'))}
          </section>
        )}
      </Stack>
    </>
  );
}
