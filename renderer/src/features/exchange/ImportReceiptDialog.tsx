import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useDroppedSource, useHeldSource } from './useHeldSource';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { importReceipt, type PackageInfo } from '../../db/exchange';
import { transferredCases } from '../../db/repositories/caseQueries';
import { ExchangeError } from '../../exchange';
import type { HostFileSource } from '../../host/streams';
import { packageFilters } from './backupFile';
import { openPackage } from './openPackage';
import { describeFailure, describeTransferFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { PackageSummary } from './PackageSummary';
import { caseLabel } from './TransferCasePicker';
import { EMPTY_TRANSFER_SECRET, resolveTransferSecret, TransferSecretField, transferSecretProblem, type TransferSecretInput } from './TransferSecretField';
import { useDropHold } from './dropHold';

/**
 * "Import a receipt": the file the receiving office sent back after a custody transfer. Marks the
 * transfer's cases received (their custody now with that office); importing it again changes nothing.
 */
export function ImportReceiptDialog({ configured, initial, onClose }: { configured: boolean; initial?: HostFileSource; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { host, db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const [source, replaceSource] = useHeldSource();
  const [info, setInfo] = useState<PackageInfo | null>(null);
  const [secret, setSecret] = useState<TransferSecretInput>(EMPTY_TRANSFER_SECRET);
  const [busy, setBusy] = useState(false);
  useDropHold(busy);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [marked, setMarked] = useState<string[] | null>(null);

  /** Asks the host for a file, or takes the one dropped onto the window. */
  const pick = async (given?: HostFileSource) => {
    setBusy(true);
    try {
      const opened = await openPackage(host, packageFilters(t('transfer.receiptFileType')), given);
      // Chooser cancelled: the file picked before stays, as it was read.
      if (!(await replaceSource(opened))) return;
      setFailure(null);
      setInfo(null);
      if (!opened.source) return setFailure(opened.failure);
      if (!opened.info) return setFailure(describeTransferFailure(opened.error, 'receipt'));
      setInfo(opened.info);
      if (opened.info.kind !== 'receipt') setFailure(describeTransferFailure(new ExchangeError('wrongKind', { reason: opened.info.kind }), 'receipt'));
    } catch (error) {
      setFailure(describeTransferFailure(error, 'receipt'));
    } finally {
      setBusy(false);
    }
  };
  useDroppedSource(initial, pick);

  const start = async () => {
    if (!source || info?.kind !== 'receipt' || transferSecretProblem(secret, false) || busy) return;
    setFailure(null);
    setBusy(true);
    try {
      let resolved;
      try {
        resolved = await resolveTransferSecret(db, secret);
      } catch (error) {
        setFailure(describeFailure(error));
        return;
      }
      const result = await importReceipt(db, () => source.open(), resolved.open, { fileName: source.name });
      const cases = new Map((await transferredCases(db)).map((kase) => [kase.id, kase]));
      setMarked(result.marked.map((id) => (cases.get(id) ? caseLabel(cases.get(id)!.caseNumber, cases.get(id)!.summary.head, language) : id)));
    } catch (error) {
      setFailure(describeTransferFailure(error, 'receipt'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="receipt-dialog">
      <DialogTitle>{t('transfer.receipt.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {marked ? (
            <Alert severity={marked.length ? 'success' : 'info'} data-testid="receipt-imported">
              {marked.length ? t('transfer.receipt.marked', { count: marked.length, cases: marked.join(', ') }) : t('transfer.receipt.nothingNew')}
            </Alert>
          ) : (
            <>
              {info && source ? <PackageSummary info={info} fileName={source.name} currentDistrictCode={undefined /* from another office by nature: no warning */} /> : <Typography variant="body2">{t('transfer.receipt.pickText')}</Typography>}
              <div>
                <Button variant={info ? 'text' : 'contained'} onClick={() => void pick()} disabled={busy} data-testid="receipt-pick">
                  {info ? t('restore.pickOther') : t('restore.pick')}
                </Button>
              </div>
              {info?.kind === 'receipt' && (
                <TransferSecretField
                  value={secret}
                  onChange={(value) => {
                    setSecret(value);
                    if (failure?.secret) setFailure(null);
                  }}
                  configured={configured}
                  confirm={false}
                  checked={false}
                  error={failure?.secret ? t(failure.key, failure.values) : null}
                  disabled={busy}
                  testId="receipt"
                  onSubmit={() => void start()}
                />
              )}
              {failure && !failure.secret && <FailureAlert failure={failure} testId="receipt-import-error" />}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {marked ? (
          <Button variant="contained" onClick={onClose} data-testid="receipt-close">
            {t('transfer.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('common:action.cancel')}
            </Button>
            <Button variant="contained" onClick={() => void start()} disabled={busy || info?.kind !== 'receipt' || !!transferSecretProblem(secret, false)} data-testid="receipt-import-start">
              {busy ? <CircularProgress size={20} /> : t('transfer.receipt.start')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
