import BackupIcon from '@mui/icons-material/Backup';
import KeyIcon from '@mui/icons-material/Key';
import RestoreIcon from '@mui/icons-material/SettingsBackupRestore';
import { Alert, Button, Card, CardActions, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { exchangeStatus, inspectPackage, type ExchangeStatus } from '../../db/exchange';
import { getOfficeProfile } from '../../db/repositories/office';
import { canDo } from '../../domain/access';
import { formatDateTime } from '../../domain/dates';
import type { ExchangeLogEntry } from '../../domain/exchange';
import { triLingualIn } from '../../domain/names';
import type { OfficeProfile } from '../../domain/office';
import { openHostSource, type HostFileSource } from '../../host/streams';
import { PageHeader } from '../../ui/PageHeader';
import { backupAge, backupFileName, transferFileName } from './backupFile';
import { AutomaticBackupsCard } from './AutomaticBackupsCard';
import { BackupDialog } from './BackupDialog';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { describeFailure } from './exchangeMessages';
import { ExchangeLog } from './ExchangeLog';
import { useDroppedFile } from './FileDrop';
import { ImportReceiptDialog } from './ImportReceiptDialog';
import { ReceiveCasesDialog } from './ReceiveCasesDialog';
import { RestoreDialog } from './RestoreDialog';
import { SaveReceiptDialog } from './SaveReceiptDialog';
import { SendCasesDialog } from './SendCasesDialog';
import { SetupDialog } from './SetupDialog';
import { TransfersCard } from './TransfersCard';
import { dropsHeld } from './dropHold';

type OpenDialog = 'setup' | 'changePassphrase' | 'backup' | 'restore' | 'send' | 'receive' | 'receipt' | null;

/**
 * Backups on USB: set up the office's exchange keys (administrators), back up now (administrators
 * and supervisors), restore a backup over the office's data (administrators); send and receive
 * cases between offices, import receipts, and the exchange log (administrators and supervisors).
 */
export function ExchangePage() {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const { hostError } = useFeedback();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const status = useLiveQuery(() => exchangeStatus(db), [db]);
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // A custody transfer received earlier whose receipt is being saved again (from the exchange log).
  const [receiptEntry, setReceiptEntry] = useState<ExchangeLogEntry | null>(null);
  const managesExchange = !!actor && canDo(actor, 'manageExchange');
  const backsUp = !!actor && canDo(actor, 'backup');
  const transfers = !!actor && canDo(actor, 'transferCases');
  const [dropped, setDropped] = useState<{ source: HostFileSource; count: number } | null>(null);
  const close = () => {
    setDialog(null);
    setDropped(null);
  };
  useFileDropped(status !== undefined, { restore: managesExchange, transfers }, (target, source) => {
    setDropped((previous) => ({ source, count: (previous?.count ?? 0) + 1 }));
    setDialog(target);
  });
  const restoreAutomatic = async (name: string) => {
    const opened = await openHostSource(host, { automaticBackup: name });
    if (!opened.ok) return hostError(opened.error);
    setDropped((previous) => ({ source: opened.value, count: (previous?.count ?? 0) + 1 }));
    setDialog('restore');
  };
  const initial = dropped?.source;
  const dropKey = dropped?.count ?? 0;

  return (
    <>
      <PageHeader title={t('pages:exchange.title')} subtitle={t('pages:exchange.subtitle')} />
      {status && (
        <Stack spacing={3} sx={{ maxWidth: 880 }}>
          <KeysCard status={status} canSetUp={managesExchange} onSetUp={() => setDialog('setup')} onChangePassphrase={() => setDialog('changePassphrase')} />
          {backsUp && <BackupCard status={status} onBackup={() => setDialog('backup')} />}
          {backsUp && status.configured && <AutomaticBackupsCard recheck={dialog} onRestore={managesExchange ? (name) => void restoreAutomatic(name) : null} />}
          {managesExchange && (
            <Card variant="outlined" data-testid="restore-card">
              <CardHeader avatar={<RestoreIcon color="action" />} title={t('restore.title')} subheader={t('restore.cardText')} />
              <CardActions sx={{ px: 2, pb: 2 }}>
                <Button variant="outlined" color="error" onClick={() => setDialog('restore')} data-testid="exchange-restore">
                  {t('restore.open')}
                </Button>
              </CardActions>
            </Card>
          )}
          {transfers && <TransfersCard onSend={() => setDialog('send')} onReceive={() => setDialog('receive')} onReceipt={() => setDialog('receipt')} />}
          {transfers && <ExchangeLog onSaveReceipt={setReceiptEntry} />}
        </Stack>
      )}
      {dialog === 'setup' && <SetupDialog officeName={office ? triLingualIn(office.name, language) : ''} onClose={close} />}
      {dialog === 'changePassphrase' && <ChangePassphraseDialog onClose={close} />}
      {dialog === 'backup' && <BackupDialog fileName={backupFileName(office, new Date())} onClose={close} />}
      {dialog === 'restore' && status && (
        <RestoreDialog key={dropKey} configured={status.configured} copyFileName={safetyCopyName(office)} currentDistrictCode={office?.districtCode} initial={initial} onClose={close} />
      )}
      {dialog === 'send' && status && <SendCasesDialog configured={status.configured} fileName={transferFileName(office, new Date())} onClose={close} />}
      {dialog === 'receive' && status && (
        <ReceiveCasesDialog key={dropKey} configured={status.configured} receiptFileName={transferFileName(office, new Date(), 'receipt')} initial={initial} onClose={close} />
      )}
      {receiptEntry && status && (
        <SaveReceiptDialog entry={receiptEntry} configured={status.configured} fileName={transferFileName(office, new Date(), 'receipt')} onClose={() => setReceiptEntry(null)} />
      )}
      {dialog === 'receipt' && status && <ImportReceiptDialog key={dropKey} configured={status.configured} initial={initial} onClose={close} />}
    </>
  );
}

/**
 * Takes a file dropped onto the window (FileDrop) once the page is ready, reads its header and opens
 * the dialog its kind calls for: a backup → restore, cases → receive, a receipt → import. A file that
 * is not ours, or that this user's role cannot open, gets a message instead.
 */
function useFileDropped(ready: boolean, may: { restore: boolean; transfers: boolean }, open: (dialog: 'restore' | 'receive' | 'receipt', source: HostFileSource) => void) {
  const { dropped, taken } = useDroppedFile();
  const { error: showError } = useFeedback();
  const latest = useRef({ may, open });
  latest.current = { may, open };
  useEffect(() => {
    if (!dropped || !ready) return;
    taken();
    if (dropsHeld()) {
      showError('exchange:drop.busy');
      return;
    }
    void (async () => {
      try {
        const { kind } = await inspectPackage(() => dropped.open());
        const { may: allowed, open: show } = latest.current;
        const target = kind === 'backup' ? (allowed.restore ? 'restore' : null) : allowed.transfers ? (kind === 'transfer' ? 'receive' : 'receipt') : null;
        if (target) show(target, dropped);
        else showError('exchange:drop.notAllowed');
      } catch (error) {
        const { key, detail, values } = describeFailure(error);
        showError(key, { detail, values });
      }
    })();
  }, [dropped, ready, taken, showError]);
}

function safetyCopyName(office: OfficeProfile | undefined): string {
  return backupFileName(office, new Date(), { withTime: true });
}

/** `canSetUp`: the user manages exchange, so sets it up, and once it is set up changes the passphrase. */
function KeysCard({ status, canSetUp, onSetUp, onChangePassphrase }: { status: ExchangeStatus; canSetUp: boolean; onSetUp: () => void; onChangePassphrase: () => void }) {
  const { t } = useTranslation('exchange');
  return (
    <Card variant="outlined" data-testid="exchange-keys-card">
      <CardHeader avatar={<KeyIcon color="action" />} title={t('keys.title')} subheader={t('keys.text')} />
      <CardContent sx={{ pt: 0 }}>
        {status.configured ? (
          <Typography variant="body2" data-testid="exchange-configured">
            {t('keys.setUpAt', { date: status.setUpAt ? formatDateTime(status.setUpAt) : '—' })}
            {status.passphraseChangedAt && ` ${t('keys.passphraseChangedAt', { date: formatDateTime(status.passphraseChangedAt) })}`}
          </Typography>
        ) : (
          <Alert severity="info" data-testid="exchange-not-configured">
            {canSetUp ? t('keys.notConfigured') : t('keys.notConfiguredAskAdmin')}
          </Alert>
        )}
      </CardContent>
      {!status.configured && canSetUp && (
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button variant="contained" onClick={onSetUp} data-testid="exchange-setup">
            {t('setup.open')}
          </Button>
        </CardActions>
      )}
      {status.configured && canSetUp && (
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button variant="outlined" onClick={onChangePassphrase} data-testid="exchange-change-passphrase">
            {t('changePassphrase.open')}
          </Button>
        </CardActions>
      )}
    </Card>
  );
}

function BackupCard({ status, onBackup }: { status: ExchangeStatus; onBackup: () => void }) {
  const { t } = useTranslation('exchange');
  const age = backupAge(status.lastBackupAt, new Date());
  return (
    <Card variant="outlined" data-testid="backup-card">
      <CardHeader avatar={<BackupIcon color="action" />} title={t('backup.title')} subheader={t('backup.cardText')} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1}>
          {status.lastBackupAt ? (
            <Typography variant="body2" data-testid="backup-last">
              {t('backup.last', { date: formatDateTime(status.lastBackupAt), name: status.lastBackupFile ?? '—' })}
            </Typography>
          ) : (
            <Typography variant="body2" data-testid="backup-last">
              {t('backup.never')}
            </Typography>
          )}
          {status.configured && age.stale && (
            <Alert severity="warning" data-testid="backup-stale">
              {age.days === null ? t('backup.neverWarning') : t('backup.staleWarning', { count: age.days })}
            </Alert>
          )}
          {!status.configured && (
            <Typography variant="body2" color="text.secondary">
              {t('backup.setUpFirst')}
            </Typography>
          )}
        </Stack>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button variant="contained" onClick={onBackup} disabled={!status.configured} data-testid="exchange-backup">
          {t('backup.open')}
        </Button>
      </CardActions>
    </Card>
  );
}
