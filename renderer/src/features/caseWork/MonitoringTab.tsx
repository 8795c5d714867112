import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, List, ListItem, ListItemText, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { addMonitoring, caseMonitoringStatus, listMonitorings } from '../../db/repositories/monitorings';
import { listUsers } from '../../db/repositories/users';
import { canOnCase } from '../../domain/access';
import { formatDate, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import type { CaseFile } from '../../db/repositories/cases';
import { currentPlan } from '../../db/repositories/plans';
import { ACTION_STATUSES, type ActionStatus, type FamilyPlan } from '../../domain/plan';
import { PrintDocumentButton } from '../documents';
import { useResponsibleName } from './useResponsibleName';
import { biScriptIn } from '../../domain/names';
import { DateField } from '../../ui/DateField';

/**
 * The case's monthly monitoring: when the next one is due (and how late it is), the ones entered,
 * and entering this month's. Monitoring runs from the signed agreement until the case closes.
 */
export function MonitoringTab({ file }: { file: CaseFile }) {
  const { kase } = file;
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const today = toIsoDate(new Date());
  const records = useLiveQuery(() => listMonitorings(db, kase.id), [db, kase.id, kase.rev]) ?? [];
  const status = useLiveQuery(() => caseMonitoringStatus(db, kase, today), [db, kase, today, records.length]);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const plan = useLiveQuery(() => currentPlan(db, kase.id), [db, kase.id, kase.rev]);
  const [entering, setEntering] = useState(false);
  const mayEnter = !!actor && canOnCase(actor, 'change', kase) && !!kase.agreement && kase.stage !== 'closed' && !kase.deletedAt;

  return (
    <Stack spacing={2} data-testid="monitoring-tab">
      {!kase.agreement ? (
        <Typography color="text.secondary">{t('monitoring.notYet')}</Typography>
      ) : kase.stage === 'closed' ? (
        <Typography color="text.secondary">{t('monitoring.closed')}</Typography>
      ) : status && status.overdue.length > 0 ? (
        <Alert severity="error" data-testid="monitoring-status">
          {t('monitoring.overdue', { date: formatDate(status.overdue[0]!), count: status.daysLate, missing: status.overdue.length })}
        </Alert>
      ) : status ? (
        <Alert severity="info" data-testid="monitoring-status">
          {t('monitoring.next', { date: formatDate(status.next) })}
        </Alert>
      ) : null}
      {mayEnter && (
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => setEntering(true)} data-testid="monitoring-new">
          {t('monitoring.enter')}
        </Button>
      )}
      {records.length > 0 && (
        <List dense data-testid="monitoring-list">
          {[...records].reverse().map((record) => (
            <ListItem key={record.id} divider data-testid="monitoring-entry" secondaryAction={<PrintDocumentButton kind="monitoringReport" caseId={kase.id} recordId={record.id} size="small" />}>
              <ListItemText
                primary={`${formatDate(record.date)} — ${biScriptIn(users.find((user) => user.id === record.createdBy)?.fullName ?? { latn: '—', cyrl: '—', typed: 'latn' }, language)}`}
                secondary={[
                  record.changes,
                  ...record.actionReviews.map((review) => `• ${plan?.actions.find((a) => a.id === review.actionId)?.description ?? '—'}: ${t(`plan.actionStatus.${review.status}`)}${review.note ? ` — ${review.note}` : ''}`),
                  ...(record.planRevision ? [t('monitoring.revisedPlan', { revision: record.planRevision })] : []),
                ].join('\n')}
                slotProps={{ secondary: { sx: { whiteSpace: 'pre-wrap' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {entering && <MonitoringDialog file={file} plan={plan} onClose={() => setEntering(false)} />}
    </Stack>
  );
}

function MonitoringDialog({ file, plan, onClose }: { file: CaseFile; plan: FamilyPlan | undefined; onClose: () => void }) {
  const { kase } = file;
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const { responsibleName } = useResponsibleName(file);
  const today = toIsoDate(new Date());
  const [date, setDate] = useState<string>(today);
  const [changes, setChanges] = useState('');
  // Each open action of the plan is reviewed: where it stands now, and a note.
  const open = plan?.actions.filter((action) => action.status === 'planned' || action.status === 'inProgress') ?? [];
  const [reviews, setReviews] = useState<Record<string, { status: ActionStatus; note: string }>>(() => Object.fromEntries(open.map((action) => [action.id, { status: action.status, note: '' }])));
  const [revise, setRevise] = useState(false);
  const [reviseReason, setReviseReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, submit } = useSubmit();

  const save = async () => {
    const found = [
      !isIsoDate(date) && t('monitoring.problem.date'),
      isIsoDate(date) && date > today && t('monitoring.problem.future'),
      isIsoDate(date) && kase.agreement && date < kase.agreement.signedDate && t('monitoring.problem.beforeAgreement', { date: formatDate(kase.agreement.signedDate) }),
      !changes.trim() && t('monitoring.problem.changes'),
      Object.values(reviews).some((review) => review.status === 'dropped' && !review.note.trim()) && t('plan.problem.droppedReason'),
      revise && !reviseReason.trim() && t('monitoring.problem.reviseReason'),
    ].filter((problem): problem is string => !!problem);
    setProblems(found);
    if (found.length) return;
    const actionReviews = Object.entries(reviews).map(([actionId, review]) => ({ actionId, ...review }));
    const input = { date: date as IsoDate, actionReviews, changes, ...(revise ? { revisePlan: reviseReason } : {}) };
    if (await submit(() => addMonitoring(db, kase.id, input), revise ? 'cases:monitoring.savedRevise' : 'cases:monitoring.saved')) onClose();
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="monitoring-dialog">
      <DialogTitle>{t('monitoring.enter')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DateField label={t('monitoring.date')} value={date} onChange={setDate} testId="monitoring-date" maxDate={today} />
          {open.length > 0 && (
            <Table size="small" data-testid="monitoring-reviews">
              <TableHead>
                <TableRow>
                  <TableCell>{t('plan.action')}</TableCell>
                  <TableCell>{t('plan.status')}</TableCell>
                  <TableCell>{t('monitoring.note')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {open.map((action) => (
                  <TableRow key={action.id} data-testid="monitoring-review">
                    <TableCell>
                      {action.description}
                      <Typography variant="body2" color="text.secondary">
                        {responsibleName(action.responsible)} · {isIsoDate(action.deadline) ? formatDate(action.deadline) : '—'}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ minWidth: 160 }}>
                      <TextField
                        select
                        size="small"
                        fullWidth
                        value={reviews[action.id]!.status}
                        onChange={(e) => setReviews((r) => ({ ...r, [action.id]: { ...r[action.id]!, status: e.target.value as ActionStatus } }))}
                        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'review-status' } as object } }}
                      >
                        {ACTION_STATUSES.map((status) => (
                          <MenuItem key={status} value={status}>
                            {t(`plan.actionStatus.${status}`)}
                          </MenuItem>
                        ))}
                      </TextField>
                    </TableCell>
                    <TableCell>
                      <TextField size="small" fullWidth value={reviews[action.id]!.note} onChange={(e) => setReviews((r) => ({ ...r, [action.id]: { ...r[action.id]!, note: e.target.value } }))} slotProps={{ htmlInput: { 'data-testid': 'review-note', 'aria-label': t('monitoring.note') } }} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <TextField label={t('monitoring.changes')} helperText={t('monitoring.changesHelp')} value={changes} onChange={(event) => setChanges(event.target.value)} multiline minRows={4} slotProps={{ htmlInput: { 'data-testid': 'monitoring-changes' } }} />
          {plan && (
            <FormControlLabel control={<Checkbox checked={revise} onChange={(e) => setRevise(e.target.checked)} slotProps={{ input: { 'data-testid': 'monitoring-revise' } as object }} />} label={t('monitoring.revise')} />
          )}
          {revise && <TextField label={t('plan.reasonRequired')} required value={reviseReason} onChange={(e) => setReviseReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'monitoring-revise-reason' } }} />}
          {problems.length > 0 && (
            <Alert severity="error" data-testid="monitoring-problems">
              {problems.map((problem) => (
                <div key={problem}>{problem}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()} data-testid="monitoring-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
