import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { saveAgency } from '../../db/repositories/directory';
import { AGENCY_KINDS, agencyDraftSchema, type Agency, type AgencyDraft } from '../../domain/directory';
import { issuesByPath, type ValidationCode } from '../../domain/validation';
import { EMPTY_TRI_LINGUAL, TriLingualField } from '../../ui/TriLingualField';

type NameErrors = Partial<Record<'uzLatn' | 'uzCyrl' | 'ru', ValidationCode>>;

/** Adds or renames an agency; its kind stays what it is through reorganizations and renamings. */
export function AgencyDialog({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const [draft, setDraft] = useState<AgencyDraft>(() => (agency ? { kind: agency.kind, name: agency.name } : { kind: 'other', name: EMPTY_TRI_LINGUAL }));
  const [errors, setErrors] = useState<Record<string, ValidationCode>>({});
  const [busy, setBusy] = useState(false);

  const nameErrors: NameErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith('name.')).map(([path, code]) => [path.slice(5), code]));

  const save = async () => {
    const parsed = agencyDraftSchema.safeParse(draft);
    setErrors(parsed.success ? {} : issuesByPath(parsed.error));
    if (!parsed.success) return;
    setBusy(true);
    try {
      await saveAgency(db, agency?.id ?? null, draft);
      feedback.done('teams:agency.saved');
      onClose();
    } catch (failure) {
      feedback.failure(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{agency ? t('agency.edit') : t('agency.create')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('field.kind')}
            value={draft.kind}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value as AgencyDraft['kind'] })}
            sx={{ maxWidth: 360 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'agency-kind' } as object } }}
          >
            {AGENCY_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {t(`agencyKind.${kind}`)}
              </MenuItem>
            ))}
          </TextField>
          <TriLingualField label={t('field.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} errors={nameErrors} testId="agency-name" autoFocus={!agency} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="agency-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
