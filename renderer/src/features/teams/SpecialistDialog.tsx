import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { saveSpecialist } from '../../db/repositories/directory';
import { toIsoDate } from '../../domain/dates';
import { specialistDraftSchema, type Specialist, type SpecialistDraft } from '../../domain/directory';
import { biScriptIn, triLingualIn, type BiScriptText, type TriLingualText } from '../../domain/names';
import { issuesByPath, type ValidationCode } from '../../domain/validation';
import { BiScriptField, EMPTY_BI_SCRIPT } from '../../ui/BiScriptField';
import { DateField } from '../../ui/DateField';
import { EMPTY_TRI_LINGUAL, TriLingualField } from '../../ui/TriLingualField';
import { MahallaPicker } from './pickers';
import { namesAttribute, type Directory } from './useDirectory';

interface Form {
  fullName: BiScriptText;
  agencyId: string;
  position: TriLingualText;
  phone: string;
  mahallaIds: string[];
  trained: boolean;
  trainedOn: string;
  userId: string;
}

const EMPTY: Form = { fullName: EMPTY_BI_SCRIPT, agencyId: '', position: EMPTY_TRI_LINGUAL, phone: '', mahallaIds: [], trained: false, trainedOn: '', userId: '' };

function formOf(specialist: Specialist): Form {
  return {
    fullName: specialist.fullName,
    agencyId: specialist.agencyId,
    position: specialist.position,
    phone: specialist.phone ?? '',
    mahallaIds: specialist.mahallaIds,
    trained: specialist.trainedOn !== null,
    trainedOn: specialist.trainedOn ?? '',
    userId: specialist.userId ?? '',
  };
}

const draftOf = (form: Form): SpecialistDraft => ({
  fullName: form.fullName,
  agencyId: form.agencyId,
  position: form.position,
  phone: form.phone,
  mahallaIds: form.mahallaIds,
  trainedOn: form.trained ? form.trainedOn : null,
  userId: form.userId || null,
});

/** Field path → the codes the shared name fields take (`fullName.latn` → `latn`). */
function partsOf(errors: Record<string, string>, prefix: string): Record<string, ValidationCode> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith(`${prefix}.`)).map(([path, code]) => [path.slice(prefix.length + 1), code as ValidationCode]));
}

/** Adds or edits a specialist of the directory: who they are, where they work, whom they serve. */
export function SpecialistDialog({ specialist, directory, onClose }: { specialist: Specialist | null; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const { language } = directory;
  const [form, setForm] = useState<Form>(() => (specialist ? formOf(specialist) : EMPTY));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const today = toIsoDate(new Date());

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const error = (path: string) => (errors[path] ? t(`errors:validation.${errors[path]}`) : undefined);
  // An account is one specialist's: the others' are shown but cannot be picked.
  const linkedTo = new Map(directory.specialists.filter((other) => other.userId && other.id !== specialist?.id).map((other) => [other.userId!, other]));
  const accounts = directory.accounts.filter((account) => account.active || account.id === form.userId);

  const save = async () => {
    const parsed = specialistDraftSchema.safeParse(draftOf(form));
    const found: Record<string, string> = parsed.success ? {} : issuesByPath(parsed.error);
    // The schema reads an empty date as "not trained": a ticked box needs its date.
    if (form.trained && !form.trainedOn) found.trainedOn ??= 'required';
    else if (form.trained && form.trainedOn > today) found.trainedOn ??= 'dateInFuture';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await saveSpecialist(db, specialist?.id ?? null, draftOf(form));
      feedback.done('teams:specialist.saved');
      onClose();
    } catch (failure) {
      feedback.failure(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{specialist ? t('specialist.edit') : t('specialist.create')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <BiScriptField label={t('field.fullName')} value={form.fullName} onChange={(value) => set('fullName', value)} errors={partsOf(errors, 'fullName')} testId="specialist-fullName" required />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
            <TextField
              select
              label={t('field.agency')}
              value={form.agencyId}
              onChange={(event) => set('agencyId', event.target.value)}
              error={!!errors.agencyId}
              helperText={error('agencyId')}
              required
              fullWidth
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'specialist-agency' } as object } }}
            >
              {directory.agencies.map((agency) => (
                <MenuItem key={agency.id} value={agency.id} data-names={namesAttribute(agency.name.uzLatn, agency.name.uzCyrl, agency.name.ru)}>
                  {triLingualIn(agency.name, language)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('field.phone')}
              value={form.phone}
              onChange={(event) => set('phone', event.target.value)}
              error={!!errors.phone}
              helperText={error('phone')}
              sx={{ minWidth: { sm: 240 } }}
              slotProps={{ htmlInput: { 'data-testid': 'specialist-phone', inputMode: 'tel' } }}
            />
          </Stack>
          <TriLingualField label={t('field.position')} value={form.position} onChange={(value) => set('position', value)} errors={partsOf(errors, 'position')} testId="specialist-position" />
          <MahallaPicker
            label={t('field.mahallas')}
            helperText={t('specialist.mahallasHint')}
            language={language}
            mahallas={directory.mahallas}
            value={form.mahallaIds}
            onChange={(ids) => set('mahallaIds', ids)}
            testId="specialist-mahallas"
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
            <FormControlLabel
              sx={{ minWidth: 280, mt: { sm: 0.5 } }}
              control={<Checkbox checked={form.trained} onChange={(event) => set('trained', event.target.checked)} data-testid="specialist-trained" />}
              label={t('field.trained')}
            />
            {form.trained && <DateField label={t('field.trainedOn')} value={form.trainedOn} onChange={(date) => set('trainedOn', date)} error={errors.trainedOn} testId="specialist-trainedOn" maxDate={today} required />}
          </Stack>
          <TextField
            select
            label={t('field.account')}
            value={form.userId}
            onChange={(event) => set('userId', event.target.value)}
            helperText={error('userId') ?? t('specialist.accountHint')}
            error={!!errors.userId}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'specialist-account' } as object } }}
          >
            <MenuItem value="">
              <em>{t('specialist.noAccount')}</em>
            </MenuItem>
            {accounts.map((account) => {
              const other = linkedTo.get(account.id);
              return (
                <MenuItem key={account.id} value={account.id} disabled={!!other} data-names={namesAttribute(account.username, account.fullName.latn, account.fullName.cyrl)}>
                  <ListItemText
                    primary={`${biScriptIn(account.fullName, language)} (${account.username})`}
                    secondary={other ? t('specialist.accountTaken', { name: biScriptIn(other.fullName, language) }) : undefined}
                  />
                </MenuItem>
              );
            })}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="specialist-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
