import { Alert, Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { passphraseProblem, PASSPHRASE_MIN_LENGTH, setUpExchange } from '../../db/exchange';
import { formatDate, toIsoDate } from '../../domain/dates';
import { keepKeyForAutomaticBackups } from './keyKeeping';
import { describeFailure, type FailureMessage } from './exchangeMessages';
import { PRINTING_CLASS, RECOVERY_KEY_PRINT_STYLES, RecoveryKeySheet, SHEET_DIALOG_CLASS } from './RecoveryKeySheet';

/**
 * Sets up exchange: the office passphrase, typed twice, then the recovery key, shown once. The
 * dialog cannot be closed while the key shows until the user confirms it is on paper: the app never
 * shows it again, and without it a forgotten passphrase locks every backup for good.
 */
export function SetupDialog({ officeName, onClose }: { officeName: string; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const feedback = useFeedback();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [keptSafe, setKeptSafe] = useState(false);

  const tooShort = passphraseProblem(passphrase) === 'tooShort';
  const mismatch = repeat !== passphrase;

  const submit = async () => {
    setChecked(true);
    if (tooShort || mismatch || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { recoveryKey: key, keys } = await setUpExchange(db, passphrase);
      // This PC's automatic backups start with the key just made (where the system can protect it).
      await keepKeyForAutomaticBackups({ db, host }, keys); // what failed, the automatic backups card says
      setPassphrase('');
      setRepeat('');
      setRecoveryKey(key);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    document.body.classList.add(PRINTING_CLASS);
    try {
      const result = await host.print();
      if (!result.ok) feedback.hostError(result.error);
    } finally {
      document.body.classList.remove(PRINTING_CLASS);
    }
  };

  const finish = () => {
    feedback.done('exchange:setup.done');
    onClose();
  };

  if (recoveryKey) {
    return (
      <Dialog open maxWidth="md" fullWidth className={SHEET_DIALOG_CLASS} data-testid="recovery-key-dialog">
        {RECOVERY_KEY_PRINT_STYLES}
        <DialogTitle className="no-print">{t('setup.keyTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Alert severity="warning" className="no-print" data-testid="recovery-key-warning">
              {t('setup.keyWarning')}
            </Alert>
            <RecoveryKeySheet recoveryKey={recoveryKey} officeName={officeName} date={formatDate(toIsoDate(new Date()))} />
            <FormControlLabel
              className="no-print"
              control={<Checkbox checked={keptSafe} onChange={(event) => setKeptSafe(event.target.checked)} data-testid="recovery-key-kept" />}
              label={t('setup.keptSafe')}
            />
          </Stack>
        </DialogContent>
        <DialogActions className="no-print">
          <Button onClick={() => void print()} data-testid="recovery-key-print">
            {t('common:action.print')}
          </Button>
          <Button variant="contained" disabled={!keptSafe} onClick={finish} data-testid="recovery-key-close">
            {t('setup.keyClose')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="exchange-setup-dialog">
      <DialogTitle>{t('setup.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{t('setup.text')}</Typography>
          <TextField
            label={t('setup.passphrase')}
            type="password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            error={checked && tooShort}
            helperText={checked && tooShort ? t('setup.tooShort', { count: PASSPHRASE_MIN_LENGTH }) : t('setup.passphraseHelp', { count: PASSPHRASE_MIN_LENGTH })}
            disabled={busy}
            autoComplete="new-password"
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'exchange-setup-passphrase' } }}
          />
          <TextField
            label={t('setup.repeat')}
            type="password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && void submit()}
            error={checked && !tooShort && mismatch}
            helperText={checked && !tooShort && mismatch ? t('setup.mismatch') : ' '}
            disabled={busy}
            autoComplete="new-password"
            slotProps={{ htmlInput: { 'data-testid': 'exchange-setup-repeat' } }}
          />
          {failure && (
            <Alert severity="error" data-testid="exchange-setup-error">
              {t(failure.key, failure.values)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common:action.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy} data-testid="exchange-setup-submit">
          {busy ? <CircularProgress size={20} /> : t('setup.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
