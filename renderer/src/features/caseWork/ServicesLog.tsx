import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/feedback';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { addService, listServices } from '../../db/repositories/services';
import { canOnCase } from '../../domain/access';
import { SUPPORT_KINDS, type SupportKind } from '../../domain/caseWork';
import { formatDate, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import type { FamilyPlan } from '../../domain/plan';
import { DateField } from '../../ui/DateField';
import { delivererName, useResponsibleName } from './useResponsibleName';

/** The implementation log: what was delivered to whom, by whom, with what result, against which action. */
export function ServicesLog({ file, plan }: { file: CaseFile; plan: FamilyPlan | undefined }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const { kase } = file;
  const services = useLiveQuery(() => listServices(db, kase.id), [db, kase.id]) ?? [];
  const { specialists, personName, unknownSpecialist, language } = useResponsibleName(file);
  const [adding, setAdding] = useState(false);
  const mayChange = !!actor && canOnCase(actor, 'change', kase) && !!kase.agreement && kase.stage !== 'closed' && !kase.deletedAt;
  const actionText = (id: string | null) => plan?.actions.find((a) => a.id === id)?.description ?? '—';
  return (
    <Box data-testid="services-log">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t('service.title')}
        </Typography>
        {mayChange && (
          <Button startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="service-add">
            {t('service.add')}
          </Button>
        )}
      </Stack>
      {services.length === 0 ? (
        <Typography color="text.secondary">{t('service.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('service.date')}</TableCell>
              <TableCell>{t('service.kind')}</TableCell>
              <TableCell>{t('service.description')}</TableCell>
              <TableCell>{t('service.deliveredBy')}</TableCell>
              <TableCell>{t('service.recipients')}</TableCell>
              <TableCell>{t('service.result')}</TableCell>
              <TableCell>{t('service.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {services.map((service) => {
              return (
                <TableRow key={service.id} data-testid="service-row">
                  <TableCell>{formatDate(service.date)}</TableCell>
                  <TableCell>{t(`service.kinds.${service.kind}`)}</TableCell>
                  <TableCell>{service.description}</TableCell>
                  <TableCell>{delivererName(service.deliveredBy, specialists, language, { caseManager: t('triangle.caseManager'), unknown: unknownSpecialist })}</TableCell>
                  <TableCell>{service.recipients.map(personName).join(', ')}</TableCell>
                  <TableCell>{service.result || '—'}</TableCell>
                  <TableCell>{actionText(service.actionId)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {adding && <ServiceDialog file={file} plan={plan} onClose={() => setAdding(false)} />}
    </Box>
  );
}

function ServiceDialog({ file, plan, onClose }: { file: CaseFile; plan: FamilyPlan | undefined; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const { specialists, specialistChoices, personName } = useResponsibleName(file);
  const today = toIsoDate(new Date());
  const members = file.members.filter((m) => m.membership.to === null);
  const openActions = plan?.actions.filter((a) => a.status === 'planned' || a.status === 'inProgress') ?? [];
  const [actionId, setActionId] = useState<string>(openActions[0]?.id ?? '');
  const [date, setDate] = useState<string>(today);
  const [kind, setKind] = useState<SupportKind>('consultation');
  const [chosenDeliverer, setDeliveredBy] = useState<string | null>(null);
  // Until the user picks, the chosen action's specialist is proposed — when they are in this
  // directory: a specialist of another office (their case came with a transfer) is not proposed.
  const responsible = openActions.find((a) => a.id === actionId)?.responsible;
  const proposed = responsible?.kind === 'specialist' && specialists.some((s) => s.id === responsible.specialistId && s.deletedAt === null) ? responsible.specialistId : '';
  const deliveredBy = chosenDeliverer ?? proposed;
  const [description, setDescription] = useState('');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [result, setResult] = useState('');
  const [completesAction, setCompletesAction] = useState(false);
  const { busy, submit } = useSubmit();
  const problems = [
    !isIsoDate(date) && t('monitoring.problem.date'),
    isIsoDate(date) && date > today && t('service.problem.future'),
    isIsoDate(date) && file.kase.agreement && date < file.kase.agreement.signedDate && t('service.problem.beforeAgreement', { date: formatDate(file.kase.agreement.signedDate) }),
    !description.trim() && t('service.problem.description'),
    recipients.length === 0 && t('service.problem.recipients'),
  ].filter((p): p is string => !!p);

  const save = async () => {
    const input = { actionId: actionId || null, date: date as IsoDate, kind, deliveredBy: deliveredBy || null, description, recipients, result, completesAction: !!actionId && completesAction };
    if (await submit(() => addService(db, file.kase.id, input), 'cases:service.saved')) onClose();
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="service-dialog">
      <DialogTitle>{t('service.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label={t('service.action')} value={actionId} onChange={(e) => setActionId(e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            <MenuItem value="">{t('service.noAction')}</MenuItem>
            {openActions.map((action) => (
              <MenuItem key={action.id} value={action.id}>
                {action.description}
              </MenuItem>
            ))}
          </TextField>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Box sx={{ flex: 1 }}>
              <DateField label={t('service.date')} value={date} onChange={setDate} maxDate={today} testId="service-date" />
            </Box>
            <TextField select size="small" sx={{ flex: 1 }} label={t('service.kind')} value={kind} onChange={(e) => setKind(e.target.value as SupportKind)}>
              {SUPPORT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`service.kinds.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select size="small" sx={{ flex: 1 }} label={t('service.deliveredBy')} value={deliveredBy} onChange={(e) => setDeliveredBy(e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
              <MenuItem value="">{t('triangle.caseManager')}</MenuItem>
              {specialistChoices(deliveredBy || null).map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {choice.label}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField label={t('service.description')} multiline minRows={2} value={description} onChange={(e) => setDescription(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'service-description' } }} />
          <Box>
            <Typography variant="subtitle2">{t('service.recipients')}</Typography>
            {members.map((m) => (
              <FormControlLabel
                key={m.person.id}
                control={<Checkbox checked={recipients.includes(m.person.id)} onChange={(e) => setRecipients((r) => (e.target.checked ? [...r, m.person.id] : r.filter((id) => id !== m.person.id)))} />}
                label={personName(m.person.id)}
              />
            ))}
          </Box>
          <TextField label={t('service.result')} multiline value={result} onChange={(e) => setResult(e.target.value)} />
          {actionId && <FormControlLabel control={<Checkbox checked={completesAction} onChange={(e) => setCompletesAction(e.target.checked)} />} label={t('service.completesAction')} />}
          {problems.length > 0 && (
            <Alert severity="info">
              {problems.map((p) => (
                <div key={p}>{p}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={busy || problems.length > 0} onClick={() => void save()} data-testid="service-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
