import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/feedback';

/** A supervisor's approval of an assessment or a plan, with the supervision note. */
export function ApproveDialog({ title, action, doneKey, testId, onApprove, onClose }: { title: string; action: string; doneKey: string; testId: string; onApprove: (note: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { busy, submit } = useSubmit();
  const [note, setNote] = useState('');
  const approve = async () => {
    if (await submit(() => onApprove(note), doneKey)) onClose();
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <TextField label={t('triangle.note')} multiline minRows={3} fullWidth sx={{ mt: 1 }} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { 'data-testid': `${testId}-note` } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void approve()} data-testid={`${testId}-approve-confirm`}>
          {action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
