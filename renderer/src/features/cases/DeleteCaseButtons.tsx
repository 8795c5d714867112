import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clearDraft } from '../../app/drafts';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { deleteCase, purgeCase, restoreCase } from '../../db/repositories/cases';
import { useActor } from '../../app/hooks';
import { canOnCase } from '../../domain/access';
import type { FamilyCase } from '../../domain/familyCase';

/** Delete (reversible), and for a deleted case restore or purge for good — each confirmed first. */
export function DeleteCaseButtons({ kase }: { kase: FamilyCase }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [asking, setAsking] = useState<'delete' | 'purge' | null>(null);
  const actor = useActor();
  const may = (action: 'restore' | 'purge') => !!actor && canOnCase(actor, action, kase);
  const run = async (action: () => Promise<void>, then?: () => void) => {
    setAsking(null);
    try {
      await action();
      then?.();
    } catch (error) {
      feedback.failure(error);
    }
  };

  return (
    <>
      {kase.deletedAt ? (
        <Alert
          severity="warning"
          data-testid="case-deleted"
          action={
            <>
              {may('restore') && (
                <Button color="inherit" onClick={() => void run(() => restoreCase(db, kase.id))} data-testid="case-restore">
                  {t('card.restore')}
                </Button>
              )}
              {may('purge') && (
                <Button color="error" onClick={() => setAsking('purge')} data-testid="case-purge">
                  {t('card.purge')}
                </Button>
              )}
            </>
          }
        >
          {t('card.deleted')}
        </Alert>
      ) : (
        <Button color="inherit" startIcon={<DeleteIcon />} onClick={() => setAsking('delete')} data-testid="case-delete">
          {t('card.delete')}
        </Button>
      )}
      {asking && (
        <Dialog open onClose={() => setAsking(null)}>
          <DialogTitle>{t(asking === 'delete' ? 'card.delete' : 'card.purge')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t(asking === 'delete' ? 'card.deleteText' : 'card.purgeText')}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)}>{t('common:action.cancel')}</Button>
            <Button
              color="error"
              variant="contained"
              data-testid="case-delete-confirm"
              onClick={() =>
                void (asking === 'delete'
                  ? run(() => deleteCase(db, kase.id))
                  : run(
                      () => purgeCase(db, kase.id),
                      () => {
                        clearDraft(`case:${kase.id}:edit`); // an unsaved edit holds the family's data too
                        navigate('/cases');
                      },
                    ))
              }
            >
              {t(asking === 'delete' ? 'card.delete' : 'card.purge')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
