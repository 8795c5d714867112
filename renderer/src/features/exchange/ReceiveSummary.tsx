import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { AppliedTransfer, TransferKeys } from '../../db/exchange';
import { triLingualIn } from '../../domain/names';
import { importSummary } from './conflicts';
import { FailureAlert } from './FailureAlert';
import { useReceiptSaver } from './SaveReceiptDialog';
import { formatNumber } from '../../domain/numbers';


/**
 * What an applied transfer did (records new, updated, unchanged, conflicts decided) and, for a
 * custody transfer, the receipt to save and send back: until the sending office imports it, the
 * cases are read-only there and in neither office's hands as far as it knows.
 */
export function ReceiveSummary({ applied, keys, receiptFileName, onClose }: { applied: AppliedTransfer; keys: TransferKeys; receiptFileName: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const language = useAppSelector((state) => state.session.language);
  const { saving, saved, failure, save: saveWith } = useReceiptSaver(receiptFileName);
  const { log, receipt } = applied;
  const summary = importSummary(log);
  const office = log.peer ? triLingualIn(log.peer.officeName, language) : '—';

  const save = async () => {
    if (receipt && log.peer) await saveWith(async () => keys, receipt, log.peer);
  };

  return (
    // An unsaved receipt: only Close closes it, never a stray Escape or click beside it.
    <Dialog open onClose={saving || (receipt && !saved) ? undefined : onClose} maxWidth="sm" fullWidth data-testid="receive-dialog">
      <DialogTitle>{t('transfer.receive.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="success" data-testid="receive-done">
            {t('transfer.receive.done', { count: log.caseIds.length, office })}
            <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="receive-done-counts">
              {t('transfer.receive.doneCounts', { added: formatNumber(summary.added), updated: formatNumber(summary.updated), unchanged: formatNumber(summary.unchanged), decided: formatNumber(summary.decided) })}
            </Typography>
          </Alert>
          {(log.unmatchedRefs?.length ?? 0) > 0 && <Typography variant="body2">{t('transfer.receive.doneUnmatched', { count: log.unmatchedRefs!.length })}</Typography>}
          {(log.purgedEdits?.length ?? 0) > 0 && (
            <Typography variant="body2" data-testid="receive-done-purged">
              {t('transfer.receive.donePurged', { count: log.purgedEdits!.length })}
            </Typography>
          )}
          {receipt && (
            <>
              <Typography variant="body2">{t('transfer.receive.receiptText', { office })}</Typography>
              {saved && (
                <Alert severity="success" data-testid="receipt-saved">
                  {t('transfer.receive.receiptSaved', { name: saved })}
                </Alert>
              )}
            </>
          )}
          {failure && <FailureAlert failure={failure} testId="receipt-error" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {receipt && (
          <Button variant={saved ? 'text' : 'contained'} onClick={() => void save()} disabled={saving} data-testid="receipt-save">
            {saving ? <CircularProgress size={20} /> : t('transfer.receive.receiptSave')}
          </Button>
        )}
        <Button variant={receipt && !saved ? 'text' : 'contained'} onClick={onClose} disabled={saving} data-testid="receive-close">
          {t('transfer.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
