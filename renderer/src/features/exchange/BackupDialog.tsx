import { Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { unlockExchange } from '../../db/exchange';
import { ExchangeProgressView } from './ExchangeProgressView';
import { keepKeyForAutomaticBackups } from './keyKeeping';
import { describeFailure, type FailureMessage } from './exchangeMessages';
import { saveBackup } from './saveBackup';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';
import { useExchangeJob } from './useExchangeJob';
import { FailureAlert } from './FailureAlert';
import { useVolumesChoice, VolumesOption } from './VolumesOption';
import { useDropHold } from './dropHold';

/**
 * "Back up now": unlock the office keys with the passphrase (or the recovery key), pick where the
 * file goes, then write it with a progress bar and Cancel. Cancel or any failure leaves the file
 * the user picked as it was; the dialog stays open so a wrong passphrase can be typed again.
 * "Split into volumes" shows where a single file would not fit a FAT32 stick (useVolumesChoice).
 */
export function BackupDialog({ fileName, onClose }: { fileName: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const feedback = useFeedback();
  const job = useExchangeJob();
  const [secret, setSecret] = useState<SecretInput>(EMPTY_SECRET);
  const [includeDocumentBytes, setIncludeDocumentBytes] = useState(true);
  const [unlocking, setUnlocking] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const volumes = useVolumesChoice(includeDocumentBytes);
  const busy = unlocking || job.running;
  useDropHold(busy);

  const start = async () => {
    if (busy || !secret.text) return;
    setFailure(null);
    setUnlocking(true);
    let keys;
    try {
      keys = await unlockExchange(db, toSecret(secret));
      // Whoever knows the passphrase turns on (or renews) this PC's automatic backups.
      await keepKeyForAutomaticBackups({ db, host }, keys); // what failed, the automatic backups card says
    } catch (error) {
      setFailure(describeFailure(error));
      return;
    } finally {
      setUnlocking(false);
    }
    try {
      const outcome = await job.run((signal, onProgress) =>
        saveBackup({ host, db }, keys, { fileName, filterName: t('fileType'), includeDocumentBytes, inVolumes: volumes.inVolumes, onProgress, signal }),
      );
      if (outcome.cancelled) {
        feedback.done('exchange:backup.cancelled');
        onClose();
        return;
      }
      const saved = outcome.value;
      if (saved.ok) {
        feedback.saved(saved.value.file);
        onClose();
      } else setFailure(volumes.failureOf(saved.error, 'exchange:backup.tooLargeForDrive'));
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="backup-dialog">
      <DialogTitle>{t('backup.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{t('backup.text', { name: fileName })}</Typography>
          <SecretField
            value={secret}
            onChange={(value) => {
              setSecret(value);
              if (failure?.secret) setFailure(null);
            }}
            error={failure?.secret ? t(failure.key, failure.values) : null}
            disabled={busy}
            testId="backup-secret"
            onSubmit={() => void start()}
          />
          <div>
            <FormControlLabel
              control={<Checkbox checked={includeDocumentBytes} onChange={(event) => setIncludeDocumentBytes(event.target.checked)} disabled={busy} data-testid="backup-include-documents" />}
              label={t('backup.includeDocuments')}
            />
            <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{t('backup.includeDocumentsHelp')}</FormHelperText>
          </div>
          <VolumesOption fileName={fileName} choice={volumes} disabled={busy} />
          {job.running && <ExchangeProgressView progress={job.progress} startingKey="progress.starting" />}
          {unlocking && <Typography variant="body2">{t('progress.unlocking')}</Typography>}
          {failure && !failure.secret && <FailureAlert failure={failure} testId="backup-error" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {job.running ? (
          <Button onClick={job.cancel} disabled={job.progress?.phase === 'checking'} color="warning" data-testid="backup-cancel">
            {t('common:action.cancel')}
          </Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {t('common:action.cancel')}
          </Button>
        )}
        <Button variant="contained" onClick={() => void start()} disabled={busy || !secret.text} data-testid="backup-start">
          {busy ? <CircularProgress size={20} /> : t('backup.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
