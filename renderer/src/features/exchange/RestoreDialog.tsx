import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useDroppedSource, useHeldSource } from './useHeldSource';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { restoreBackup, type PackageInfo } from '../../db/exchange';
import { formatDateTime } from '../../domain/dates';
import type { HostFileSource } from '../../host/streams';
import { ExchangeProgressView } from './ExchangeProgressView';
import { runAutomaticBackup } from './automaticBackup';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { packageFilters } from './backupFile';
import { openPackage } from './openPackage';
import { PackageSummary } from './PackageSummary';
import { SafetyCopyStep, type SafetyOutcome } from './SafetyCopyStep';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';
import { useExchangeJob } from './useExchangeJob';
import { whileRestoring } from './restoring';
import { useDropHold } from './dropHold';

/** The automatic copy of the current data could not be made (`failure`: the host's reason, when it gave one). */
class SafetyCopyFailed extends Error {
  constructor(readonly failure: FailureMessage | null) {
    super('safety copy failed');
  }
}

/** How long "restored, the app restarts" shows before the reload. */
const RELOAD_DELAY_MS = 800;
/** Failures that, on a file in volumes, point to a missing volume. */
const VOLUME_FAILURES = new Set(['exchange:error.truncated', 'exchange:error.damagedAt', 'exchange:error.notAPackage']);

/**
 * "Restore from a backup", in the order that keeps data safe: pick the file and see what it is
 * (its header, before any passphrase); read the warning; save a copy of the current data; then
 * the file's passphrase or recovery key. The data layer builds the restored database beside the
 * current one and switches to it only when the whole file has verified, so Cancel or a damaged file
 * leaves the current data as it was. On success the app reloads into the restored database.
 */
export function RestoreDialog({
  configured,
  copyFileName,
  currentDistrictCode,
  initial,
  firstRun = false,
  onRestored,
  onClose,
}: {
  configured: boolean;
  copyFileName: string;
  currentDistrictCode: string | undefined;
  /** A file dropped onto the window: the dialog starts with it picked. */
  initial?: HostFileSource;
  /** On a PC with no office yet (the first-run setup): there is no data to keep a copy of. */
  firstRun?: boolean;
  /** Called once the restored database is active, just before the app restarts into it. */
  onRestored?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('exchange');
  const { host, db, directory } = useServices();
  const job = useExchangeJob();
  const [source, replaceSource] = useHeldSource();
  const [info, setInfo] = useState<PackageInfo | null>(null);
  const [picking, setPicking] = useState(false);
  const [copying, setCopying] = useState(false);
  const [safety, setSafety] = useState<SafetyOutcome | null>(firstRun ? { waived: true } : null);
  const [secret, setSecret] = useState<SecretInput>(EMPTY_SECRET);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [notice, setNotice] = useState<'cancelled' | 'restored' | null>(null);

  /** Asks the host for a file, or takes the one dropped onto the window. */
  const pick = async (given?: HostFileSource) => {
    setPicking(true);
    try {
      const opened = await openPackage(host, packageFilters(t('fileType')), given);
      // Chooser cancelled: the file picked before stays, as it was read.
      if (!(await replaceSource(opened))) return;
      setFailure(null);
      setNotice(null);
      setInfo(null);
      if (!opened.source) return setFailure(opened.failure);
      if (!opened.info) return setFailure(describeFailure(opened.error));
      setInfo(opened.info);
    } finally {
      setPicking(false);
    }
  };
  useDroppedSource(initial, pick);

  const restore = async () => {
    if (!source || !info || !safety || !secret.text || job.running) return;
    setFailure(null);
    setNotice(null);
    try {
      const outcome = await job.run((signal, onProgress) => {
        // The copy of the current data, once the file has verified and before anything is written: no restore without it.
        const safetyCopy = async () => {
          const copy = await runAutomaticBackup({ db, host }, new Date(), { force: true, keepOlder: true, onProgress, signal });
          if (!('made' in copy)) throw new SafetyCopyFailed('failed' in copy ? hostFailure(copy.failed) : null);
        };
        return whileRestoring(() =>
          restoreBackup(directory, () => source.open(), toSecret(secret), { onProgress, signal, fileName: source.name, ...(db.session ? { actor: db.session } : {}), ...('automatic' in safety ? { beforeWriting: safetyCopy } : {}) }),
        );
      });
      if (outcome.cancelled) {
        setNotice('cancelled');
        return;
      }
      setNotice('restored');
      onRestored?.();
      // A reload unmounts nothing: the host's handle on the file is let go here, not by the dialog's cleanup.
      await source.close();
      setTimeout(() => window.location.reload(), RELOAD_DELAY_MS);
    } catch (error) {
      setFailure(error instanceof SafetyCopyFailed ? { key: 'exchange:restore.copyFailed', ...(error.failure ? { cause: error.failure, ...(error.failure.detail ? { detail: error.failure.detail } : {}) } : {}) } : describeFailure(error));
    }
  };

  const restorable = !!info && info.kind === 'backup';
  // A file in volumes that ends early or fails at a block most likely lacks a volume, or has one of another
  // backup; one that does not start as a package is a later volume picked without the first.
  const volumeSuspect = source?.volumes !== undefined && VOLUME_FAILURES.has(failure?.key ?? '');
  const failureNote = [info ? t('restore.untouched') : '', volumeSuspect ? t('restore.volumeMissing', { count: source.volumes }) : ''].filter(Boolean).join(' ');
  const done = notice === 'restored';
  // The safety copy being saved to a file counts too: closing would stop it.
  const busy = picking || job.running || done || copying;
  useDropHold(busy);
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth scroll="paper" data-testid="restore-dialog">
      <DialogTitle>{t('restore.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {info && source ? (
            <PackageSummary info={info} fileName={source.name} currentDistrictCode={currentDistrictCode} />
          ) : (
            <Typography variant="body2">{t('restore.pickText')}</Typography>
          )}
          <div>
            <Button variant={info ? 'text' : 'contained'} onClick={() => void pick()} disabled={busy} data-testid="restore-pick">
              {picking ? <CircularProgress size={20} /> : info ? t('restore.pickOther') : t('restore.pick')}
            </Button>
          </div>
          {/* One file read: a lone later volume (the failure note says so) or a whole file named like a volume. */}
          {source?.volumes !== undefined && source.volumes > 1 && (
            <Typography variant="body2" data-testid="restore-volumes">
              {t('restore.volumesFound', { count: source.volumes })}
            </Typography>
          )}
          {info && !restorable && <Alert severity="info">{t('restore.notABackup', { kind: t(`kind.${info.kind}`) })}</Alert>}
          {restorable && (
            <>
              <Alert severity={firstRun ? 'info' : 'warning'} data-testid="restore-warning">
                {t(firstRun ? 'restore.firstRunText' : 'restore.warning', { date: formatDateTime(info.createdAt) })}
              </Alert>
              {!firstRun && <SafetyCopyStep configured={configured} fileName={copyFileName} outcome={safety} onOutcome={setSafety} disabled={busy && !copying} onBusy={setCopying} />}
              <Divider />
              <Typography variant="subtitle2">{t(firstRun ? 'restore.secretTitleOnly' : 'restore.secretTitle')}</Typography>
              <SecretField
                value={secret}
                onChange={(value) => {
                  setSecret(value);
                  if (failure?.secret) setFailure(null);
                }}
                error={failure?.secret ? t(failure.key, failure.values) : null}
                disabled={busy || !safety}
                testId="restore-secret"
                onSubmit={() => void restore()}
              />
            </>
          )}
          {job.running && <ExchangeProgressView progress={job.progress} startingKey="progress.unlocking" />}
          {failure && !failure.secret && <FailureAlert failure={failure} testId="restore-error" {...(failureNote ? { note: failureNote } : {})} />}
          {notice === 'cancelled' && <Alert severity="info" data-testid="restore-cancelled">{t('restore.cancelled')}</Alert>}
          {done && <Alert severity="success" data-testid="restore-done">{t('restore.done')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        {job.running ? (
          <Button onClick={job.cancel} color="warning" data-testid="restore-cancel">
            {t('common:action.cancel')}
          </Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {t('common:action.cancel')}
          </Button>
        )}
        <Button
          variant="contained"
          color="error"
          onClick={() => void restore()}
          disabled={busy || !restorable || !safety || !secret.text}
          data-testid="restore-start"
        >
          {job.running ? <CircularProgress size={20} /> : t('restore.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
