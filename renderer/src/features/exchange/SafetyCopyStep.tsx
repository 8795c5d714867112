import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Alert, Box, Button, Checkbox, CircularProgress, FormControlLabel, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { keptOfficeKeys, unlockExchange } from '../../db/exchange';
import type { SavedFile } from '../../host/hostApi';
import { FailureAlert } from './FailureAlert';
import { ExchangeProgressView } from './ExchangeProgressView';
import { describeFailure, type FailureMessage } from './exchangeMessages';
import { saveBackup } from './saveBackup';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';
import { useExchangeJob } from './useExchangeJob';
import { useVolumesChoice, VolumesOption } from './VolumesOption';
import { useDropHold } from './dropHold';

/**
 * How the current data is kept before a restore: a copy saved to a file, an automatic copy the
 * restore makes first into this PC's backup folder, or the user's word that there is nothing to keep.
 */
export type SafetyOutcome = { copy: SavedFile } | { automatic: true } | { waived: true };

/**
 * The required step before a restore: a full backup of the data on this computer. Where this PC
 * keeps the office key (exchange set up here), the restore makes it by itself into the PC's backup
 * folder, as the automatic backups are (`automatic`); the user may save one to a file as well.
 * Otherwise the user saves it through the save dialog with the passphrase of the current data.
 * Without exchange set up there are no keys to encrypt a copy with; the user must then confirm explicitly.
 */
export function SafetyCopyStep({
  configured,
  fileName,
  outcome,
  onOutcome,
  disabled,
  onBusy,
}: {
  configured: boolean;
  fileName: string;
  outcome: SafetyOutcome | null;
  onOutcome: (outcome: SafetyOutcome | null) => void;
  disabled: boolean;
  /** While the copy is unlocked or written to a file: the restore waits, and its dialog stays open. */
  onBusy?: (busy: boolean) => void;
}) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const job = useExchangeJob();
  const [secret, setSecret] = useState<SecretInput>(EMPTY_SECRET);
  const [unlocking, setUnlocking] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const volumes = useVolumesChoice(true);
  const busy = unlocking || job.running;
  useDropHold(busy);
  useEffect(() => {
    onBusy?.(busy);
    // Gone while busy (its job is cancelled with it): the restore is not left waiting on it.
    return busy ? () => onBusy?.(false) : undefined;
  }, [busy, onBusy]);
  const [toFile, setToFile] = useState(false);
  const kept = useLiveQuery(async () => (configured ? (await keptOfficeKeys(db, host)) !== null : false), [db, host, configured]);
  // Settled once the key is found kept; a copy saved to a file meanwhile stays the outcome.
  useEffect(() => {
    if (kept && !toFile && outcome === null) onOutcome({ automatic: true });
  }, [kept, toFile, outcome, onOutcome]);

  if (!configured) {
    return (
      <FormControlLabel
        control={
          <Checkbox
            checked={!!outcome}
            disabled={disabled}
            onChange={(event) => onOutcome(event.target.checked ? { waived: true } : null)}
            data-testid="restore-waive-copy"
          />
        }
        label={t('restore.noCopyPossible')}
      />
    );
  }

  // Until it is known whether this PC keeps the key, neither way is offered (one would flash and go).
  if (kept === undefined) return <CircularProgress size={20} />;

  if (kept && !toFile && !(outcome && 'copy' in outcome)) {
    return (
      <Box data-testid="restore-copy-step">
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {t('restore.copyTitleAutomatic')}
        </Typography>
        <Alert severity="info" data-testid="restore-copy-automatic">
          {t('restore.copyAutomatic')}
          <Box>
            <Button size="small" onClick={() => setToFile(true)} disabled={disabled} sx={{ px: 0, mt: 0.5 }} data-testid="restore-copy-to-file">
              {t('restore.copyToFileToo')}
            </Button>
          </Box>
        </Alert>
      </Box>
    );
  }

  if (outcome && 'copy' in outcome) {
    return (
      <Alert severity="success" icon={<CheckCircleIcon />} data-testid="restore-copy-saved">
        {t('restore.copySaved', { name: outcome.copy.name })}
      </Alert>
    );
  }

  const save = async () => {
    if (busy || !secret.text) return;
    setFailure(null);
    setUnlocking(true);
    let keys;
    try {
      keys = await unlockExchange(db, toSecret(secret));
    } catch (error) {
      setFailure(describeFailure(error));
      return;
    } finally {
      setUnlocking(false);
    }
    try {
      const result = await job.run((signal, onProgress) =>
        saveBackup({ host, db }, keys, { fileName, filterName: t('fileType'), includeDocumentBytes: true, inVolumes: volumes.inVolumes, onProgress, signal }),
      );
      if (result.cancelled) return;
      if (result.value.ok) onOutcome({ copy: result.value.value.file });
      else setFailure(volumes.failureOf(result.value.error, 'exchange:restore.copyTooLargeForDrive'));
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  return (
    <Box data-testid="restore-copy-step">
      <Typography variant="subtitle2">{t('restore.copyTitle')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('restore.copyText')}
      </Typography>
      <Stack spacing={1.5}>
        <SecretField
          value={secret}
          onChange={(value) => {
            setSecret(value);
            if (failure?.secret) setFailure(null);
          }}
          label={t('restore.currentPassphrase')}
          error={failure?.secret ? t(failure.key, failure.values) : null}
          disabled={busy || disabled}
          testId="restore-copy-secret"
          onSubmit={() => void save()}
        />
        <VolumesOption fileName={fileName} choice={volumes} disabled={busy || disabled} />
        {job.running && <ExchangeProgressView progress={job.progress} startingKey="progress.starting" />}
        {failure && !failure.secret && <FailureAlert failure={failure} testId="restore-copy-error" />}
        <Box>
          {job.running ? (
            <Button onClick={job.cancel} disabled={job.progress?.phase === 'checking'} color="warning" data-testid="restore-copy-cancel">
              {t('common:action.cancel')}
            </Button>
          ) : (
            <Button variant="outlined" onClick={() => void save()} disabled={busy || disabled || !secret.text} data-testid="restore-copy-save">
              {unlocking ? <CircularProgress size={20} /> : t('restore.copySave')}
            </Button>
          )}
        </Box>
      </Stack>
    </Box>
  );
}
