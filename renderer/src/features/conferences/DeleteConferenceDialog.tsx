import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { deleteConference, type ConferenceView } from '../../db/repositories/conferences';
import { formatDate } from '../../domain/dates';

/** Asks before deleting a conference; the cases' history keeps that it was held. */
export function DeleteConferenceDialog({ view, onClose }: { view: ConferenceView; onClose: () => void }) {
  const { t } = useTranslation('conferences');
  const { db } = useServices();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    try {
      await deleteConference(db, view.conference.id, view.conference.rev);
      feedback.done('conferences:deleted');
      onClose();
    } catch (error) {
      feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{t('delete')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('deleteConfirm', { date: formatDate(view.conference.date) })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button color="error" variant="contained" disabled={busy} onClick={() => void remove()} data-testid="conference-delete-confirm">
          {t('common:action.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
