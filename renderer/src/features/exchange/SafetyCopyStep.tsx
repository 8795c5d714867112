import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Alert, Box, Button, Checkbox, CircularProgress, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { unlockExchange } from '../../db/exchange';
import type { SavedFile } from '../../host/hostApi';
import { FailureAlert } from './FailureAlert';
import { ExchangeProgressView } from './ExchangeProgressView';
import { describeFailure, type FailureMessage } from './exchangeMessages';
import { saveBackup } from './saveBackup';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';
import { useExchangeJob } from './useExchangeJob';
import { useVolumesChoice, VolumesOption } from './VolumesOption';

/** How the current data was kept before a restore: a copy saved to a file, or the user's word that there is nothing to keep. */
export type SafetyOutcome = { copy: SavedFile } | { waived: true };

/**
 * The required step before a restore: save a full backup of the data on this computer. The host
 * writes files only where the user picks in a save dialog (there is no data-folder API yet), so
 * the user makes this copy through the dialog, with the passphrase of the current data. Without
 * exchange set up there are no keys to encrypt a copy with; the user must then confirm explicitly.
 */
export function SafetyCopyStep({
  configured,
  fileName,
  outcome,
  onOutcome,
  disabled,
}: {
  configured: boolean;
  fileName: string;
  outcome: SafetyOutcome | null;
  onOutcome: (outcome: SafetyOutcome | null) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const job = useExchangeJob();
  const [secret, setSecret] = useState<SecretInput>(EMPTY_SECRET);
  const [unlocking, setUnlocking] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const volumes = useVolumesChoice(true);
  const busy = unlocking || job.running;

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
            <Button onClick={job.cancel} color="warning" data-testid="restore-copy-cancel">
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
