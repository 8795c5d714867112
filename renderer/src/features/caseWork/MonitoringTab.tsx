import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { addMonitoring, caseMonitoringStatus, listMonitorings } from '../../db/repositories/monitorings';
import { listUsers } from '../../db/repositories/users';
import { canOnCase } from '../../domain/access';
import { formatDate, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { biScriptIn } from '../../domain/names';
import { DateField } from '../../ui/DateField';

/**
 * The case's monthly monitoring: when the next one is due (and how late it is), the ones entered,
 * and entering this month's. Monitoring runs from the signed agreement until the case closes.
 */
export function MonitoringTab({ kase }: { kase: FamilyCase }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const today = toIsoDate(new Date());
  const records = useLiveQuery(() => listMonitorings(db, kase.id), [db, kase.id, kase.rev]) ?? [];
  const status = useLiveQuery(() => caseMonitoringStatus(db, kase, today), [db, kase, today, records.length]);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
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
            <ListItem key={record.id} divider data-testid="monitoring-entry">
              <ListItemText
                primary={`${formatDate(record.date)} — ${biScriptIn(users.find((user) => user.id === record.createdBy)?.fullName ?? { latn: '—', cyrl: '—', typed: 'latn' }, language)}`}
                secondary={record.changes}
                slotProps={{ secondary: { sx: { whiteSpace: 'pre-wrap' } } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      {entering && <MonitoringDialog kase={kase} onClose={() => setEntering(false)} />}
    </Stack>
  );
}

function MonitoringDialog({ kase, onClose }: { kase: FamilyCase; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const feedback = useFeedback();
  const today = toIsoDate(new Date());
  const [date, setDate] = useState<string>(today);
  const [changes, setChanges] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const found = [
      !isIsoDate(date) && t('monitoring.problem.date'),
      isIsoDate(date) && date > today && t('monitoring.problem.future'),
      isIsoDate(date) && kase.agreement && date < kase.agreement.signedDate && t('monitoring.problem.beforeAgreement', { date: formatDate(kase.agreement.signedDate) }),
      !changes.trim() && t('monitoring.problem.changes'),
    ].filter((problem): problem is string => !!problem);
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      await addMonitoring(db, kase.id, { date: date as IsoDate, actionReviews: [], changes });
      feedback.done('cases:monitoring.saved');
      onClose();
    } catch (error) {
      feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('monitoring.enter')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DateField label={t('monitoring.date')} value={date} onChange={setDate} testId="monitoring-date" maxDate={today} />
          <TextField label={t('monitoring.changes')} helperText={t('monitoring.changesHelp')} value={changes} onChange={(event) => setChanges(event.target.value)} multiline minRows={4} slotProps={{ htmlInput: { 'data-testid': 'monitoring-changes' } }} />
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
