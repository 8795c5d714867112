import { Alert, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, MenuItem, Radio, RadioGroup, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { caseIdsOfMahalla, checkTransferSize } from '../../db/exchange';
import { transferredCases } from '../../db/repositories/caseQueries';
import { listMahallas } from '../../db/repositories/mahallas';
import { TRANSFER_MODES, type TransferMode } from '../../domain/exchange';
import type { FamilyCase } from '../../domain/familyCase';
import { triLingualIn } from '../../domain/names';
import type { SavedFile } from '../../host/hostApi';
import { caseRecordCount } from './conflicts';
import { ExchangeProgressView } from './ExchangeProgressView';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { saveTransfer } from './saveTransfer';
import { caseLabel, TransferCasePicker } from './TransferCasePicker';
import { EMPTY_TRANSFER_SECRET, resolveTransferSecret, TransferSecretField, transferSecretProblem, type TransferSecretInput } from './TransferSecretField';
import { useExchangeJob } from './useExchangeJob';
import { formatNumber } from '../../domain/numbers';
import { custodyLeft } from '../../domain/familyCase';
import { useDropHold } from './dropHold';


/**
 * "Send cases": which cases (picked by number or name, or every case of a mahalla), custody or
 * copy, the secret (the office key or a passphrase agreed with the other office), then the file,
 * written with the host's atomic streamed write. Cancel or a failure leaves the cases as they were;
 * the dialog stays open so the passphrase can be typed again.
 */
export function SendCasesDialog({ configured, fileName, onClose }: { configured: boolean; fileName: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const job = useExchangeJob();
  const [by, setBy] = useState<'cases' | 'mahalla'>('cases');
  const [picked, setPicked] = useState<FamilyCase[]>([]);
  const [mahallaId, setMahallaId] = useState('');
  const [mode, setMode] = useState<TransferMode>('copy');
  const [includeDocumentBytes, setIncludeDocumentBytes] = useState(false);
  const [secret, setSecret] = useState<TransferSecretInput>(EMPTY_TRANSFER_SECRET);
  const [checked, setChecked] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [bytes, setBytes] = useState(0);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // Cancel stops the writing only: once the transfer is recorded, its file is kept and reported (useExchangeJob's own signal would call it cancelled).
  const stop = useRef<AbortController | null>(null);
  useEffect(() => () => stop.current?.abort(), []);
  const [sent, setSent] = useState<{ file: SavedFile; counts: Record<string, number>; leftOut: { conferences: number; documents: number } } | null>(null);
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const ofMahalla = useLiveQuery(async () => {
    if (!mahallaId) return [];
    const ids = await caseIdsOfMahalla(db, mahallaId);
    if (mode !== 'custody') return ids;
    // A case already sent away in custody cannot be sent again: left out, not refused.
    const gone = new Set((await transferredCases(db)).map((kase) => kase.id));
    return ids.filter((id) => !gone.has(id));
  }, [db, mahallaId, mode]);
  const caseIds = by === 'cases' ? picked.map((kase) => kase.id) : (ofMahalla ?? []);
  const busy = unlocking || job.running;
  useDropHold(busy);
  // Picked for a copy, then custody chosen: a case whose custody already left cannot go again, and says so.
  const handedOver = by === 'cases' && mode === 'custody' ? picked.filter(custodyLeft) : [];
  const ready = caseIds.length > 0 && handedOver.length === 0 && transferSecretProblem(secret, true) === null;

  const start = async () => {
    setChecked(true);
    if (busy || !ready) return;
    setFailure(null);
    setUnlocking(true);
    let resolved;
    try {
      // A selection larger than a receiving office opens is refused before the save dialog.
      await checkTransferSize(db, caseIds, mode, { includeDocumentBytes });
      resolved = await resolveTransferSecret(db, secret);
    } catch (error) {
      setFailure(describeFailure(error));
      return;
    } finally {
      setUnlocking(false);
    }
    setBytes(0);
    try {
      const controller = new AbortController();
      stop.current = controller;
      const outcome = await job.run(() =>
        saveTransfer({ host, db }, resolved.keys, { caseIds, mode, includeDocumentBytes, fileName, filterName: t('transfer.fileType'), signal: controller.signal, onBytes: setBytes }),
      );
      setCancelled(outcome.cancelled);
      if (outcome.cancelled) return;
      const saved = outcome.value;
      if (saved.ok) setSent(saved.value);
      else if (saved.error.code !== 'cancelled') setFailure(hostFailure(saved.error));
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  if (sent) {
    const records = caseRecordCount(sent.counts);
    return (
      <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="send-dialog">
        <DialogTitle>{t('transfer.send.title')}</DialogTitle>
        <DialogContent>
          <Alert severity="success" data-testid="send-done">
            {t('transfer.send.done', { cases: formatNumber(sent.counts.cases ?? 0), records: formatNumber(records), name: sent.file.name })}
            {mode === 'custody' && <Typography variant="body2" sx={{ mt: 0.5 }}>{t('transfer.send.doneCustody')}</Typography>}
            {sent.leftOut.documents > 0 && (
              <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="send-documents-left-out">
                {t('transfer.send.documentsLeftOut', { count: sent.leftOut.documents })}
              </Typography>
            )}
            {sent.leftOut.conferences > 0 && (
              <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="send-left-out">
                {t('transfer.send.conferencesLeftOut', { count: sent.leftOut.conferences })}
              </Typography>
            )}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={onClose} data-testid="send-close">
            {t('transfer.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth scroll="paper" data-testid="send-dialog">
      <DialogTitle>{t('transfer.send.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <ToggleButtonGroup exclusive size="small" value={by} disabled={busy} onChange={(_event, next: 'cases' | 'mahalla' | null) => next && setBy(next)}>
            <ToggleButton value="cases" data-testid="send-by-cases">
              {t('transfer.send.byCases')}
            </ToggleButton>
            <ToggleButton value="mahalla" data-testid="send-by-mahalla">
              {t('transfer.send.byMahalla')}
            </ToggleButton>
          </ToggleButtonGroup>
          {by === 'cases' ? (
            <>
              <TransferCasePicker value={picked} onChange={setPicked} custody={mode === 'custody'} disabled={busy} />
              {handedOver.length > 0 && (
                <Alert severity="warning" data-testid="send-handed-over">
                  {t('transfer.send.handedOver', { cases: handedOver.map((kase) => caseLabel(kase.caseNumber, kase.summary.head, language)).join('; ') })}
                </Alert>
              )}
            </>
          ) : (
            <TextField
              select
              label={t('transfer.send.mahalla')}
              value={mahallaId}
              onChange={(event) => setMahallaId(event.target.value)}
              disabled={busy}
              helperText={mahallaId ? t('transfer.send.mahallaCases', { count: ofMahalla?.length ?? 0 }) : ' '}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'send-mahalla' } as object } }}
            >
              {mahallas.map((mahalla) => (
                <MenuItem key={mahalla.id} value={mahalla.id} data-testid="send-mahalla-option">
                  {triLingualIn(mahalla.name, language)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {checked && caseIds.length === 0 && <FormHelperText error>{t('transfer.send.noneChosen')}</FormHelperText>}
          <RadioGroup value={mode} onChange={(event) => setMode(event.target.value as TransferMode)}>
            {TRANSFER_MODES.map((value) => (
              <div key={value}>
                <FormControlLabel value={value} disabled={busy} control={<Radio slotProps={{ input: { 'data-testid': `send-mode-${value}` } as object }} />} label={t(`transfer.mode.${value}`)} />
                <FormHelperText sx={{ mt: -1, ml: 4 }}>{t(`transfer.mode.${value}Help`)}</FormHelperText>
              </div>
            ))}
          </RadioGroup>
          <div>
            <FormControlLabel
              control={<Checkbox checked={includeDocumentBytes} onChange={(event) => setIncludeDocumentBytes(event.target.checked)} disabled={busy} data-testid="send-include-documents" />}
              label={t('backup.includeDocuments')}
            />
          </div>
          <Typography variant="subtitle2">{t('transfer.secret.title')}</Typography>
          <TransferSecretField
            value={secret}
            onChange={(value) => {
              setSecret(value);
              if (failure?.secret) setFailure(null);
            }}
            configured={configured}
            confirm
            checked={checked}
            error={failure?.secret ? t(failure.key, failure.values) : null}
            disabled={busy}
            testId="send"
            onSubmit={() => void start()}
          />
          <Typography variant="body2" color="text.secondary">
            {t('transfer.send.fileText', { name: fileName })}
          </Typography>
          {job.running && <ExchangeProgressView progress={null} startingKey="transfer.send.writing" />}
          {job.running && bytes > 0 && (
            <Typography variant="caption" color="text.secondary" data-testid="send-bytes">
              {t('transfer.send.bytes', { size: formatNumber(Math.ceil(bytes / 1024)) })}
            </Typography>
          )}
          {unlocking && <Typography variant="body2">{t('progress.unlocking')}</Typography>}
          {failure && !failure.secret && <FailureAlert failure={failure} testId="send-error" />}
          {cancelled && !job.running && (
            <Alert severity="info" data-testid="send-cancelled">
              {t('transfer.send.cancelled')}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {job.running ? (
          <Button onClick={() => stop.current?.abort()} color="warning" data-testid="send-cancel">
            {t('common:action.cancel')}
          </Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {t('common:action.cancel')}
          </Button>
        )}
        <Button variant="contained" onClick={() => void start()} disabled={busy} data-testid="send-confirm">
          {busy ? <CircularProgress size={20} /> : t('transfer.send.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
