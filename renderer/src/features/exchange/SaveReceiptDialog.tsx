import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../domain/dates';
import type { ReceiptRecord, TransferKeys } from '../../db/exchange';
import type { ExchangeLogEntry, ExchangePeer } from '../../domain/exchange';
import { triLingualIn } from '../../domain/names';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { saveReceipt } from './saveTransfer';
import { EMPTY_TRANSFER_SECRET, resolveTransferSecret, TransferSecretField, transferSecretProblem, type TransferSecretInput } from './TransferSecretField';

/** Whether a log entry is a custody transfer received here: the one kind of entry that has a receipt to send back. */
export function hasReceipt(entry: ExchangeLogEntry): boolean {
  return entry.kind === 'transfer' && entry.direction === 'import' && entry.mode === 'custody' && entry.peer !== null;
}

/**
 * Saving a receipt where the user picks, as the summary after an import and the exchange log both
 * offer it: `save` resolves the keys, writes the file (logged only once it is in place) and keeps
 * what to show — the saved name, or the failure; the user's own Cancel is neither.
 */
export function useReceiptSaver(fileName: string) {
  const { t } = useTranslation('exchange');
  const { host, db } = useServices();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const save = async (keys: () => Promise<TransferKeys>, receipt: ReceiptRecord, peer: ExchangePeer) => {
    if (saving) return;
    setFailure(null);
    setSaving(true);
    try {
      const result = await saveReceipt({ host, db }, await keys(), receipt, { peer, fileName, filterName: t('transfer.receiptFileType') });
      if (result.ok) setSaved(result.value.name);
      else if (result.error.code !== 'cancelled') setFailure(hostFailure(result.error));
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setSaving(false);
    }
  };
  return { saving, saved, failure, save };
}

/**
 * The receipt of a custody transfer received earlier, saved again from the exchange log: the one
 * saved after the import was lost, never saved (the dialog closed first), or did not reach the
 * other office. The receipt is what the import recorded (the transfer, its cases, when), protected
 * with the passphrase agreed for the transfer or this office's key, as the transfer was.
 */
export function SaveReceiptDialog({ entry, configured, fileName, onClose }: { entry: ExchangeLogEntry; configured: boolean; fileName: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const [secret, setSecret] = useState<TransferSecretInput>(EMPTY_TRANSFER_SECRET);
  const [checked, setChecked] = useState(false);
  const { saving, saved, failure, save: saveWith } = useReceiptSaver(fileName);
  const office = entry.peer ? triLingualIn(entry.peer.officeName, language) : '—';

  const save = async () => {
    setChecked(true);
    if (!entry.peer || transferSecretProblem(secret, false)) return;
    const receipt = { transferId: entry.transferId, caseIds: [...entry.caseIds], receivedAt: entry.at };
    await saveWith(async () => (await resolveTransferSecret(db, secret)).keys, receipt, entry.peer);
  };

  return (
    <Dialog open onClose={saving ? undefined : onClose} maxWidth="sm" fullWidth data-testid="save-receipt-dialog">
      <DialogTitle>{t('transfer.receive.receiptAgainTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">{t('transfer.receive.receiptAgainText', { date: formatDateTime(entry.at), office, count: entry.caseIds.length })}</Typography>
          {!saved && (
            <TransferSecretField
              value={secret}
              onChange={setSecret}
              configured={configured}
              confirm={false}
              checked={checked}
              error={failure?.secret ? t(failure.key, failure.values) : null}
              disabled={saving}
              testId="save-receipt"
              onSubmit={() => void save()}
            />
          )}
          {saved && (
            <Alert severity="success" data-testid="receipt-saved">
              {t('transfer.receive.receiptSaved', { name: saved })}
            </Alert>
          )}
          {failure && !failure.secret && <FailureAlert failure={failure} testId="save-receipt-error" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving} variant={saved ? 'contained' : 'text'} data-testid="save-receipt-close">
          {t('transfer.close')}
        </Button>
        {!saved && (
          <Button variant="contained" onClick={() => void save()} disabled={saving} data-testid="save-receipt-start">
            {saving ? <CircularProgress size={20} /> : t('transfer.receive.receiptSave')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
