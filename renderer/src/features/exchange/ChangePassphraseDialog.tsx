import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { changeExchangePassphrase, PASSPHRASE_MIN_LENGTH } from '../../db/exchange';
import { changePassphraseProblems, hasProblems } from './changePassphrase';
import { describeFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { EMPTY_SECRET, SecretField, toSecret, type SecretInput } from './SecretField';

/**
 * Changes the office passphrase (administrators): the current passphrase — or the recovery key when
 * it is forgotten —, then the new one typed twice. The data key stays the same, so every earlier
 * backup still opens with the recovery key and with the passphrase it was made with; the dialog says
 * so once the change is saved. A wrong passphrase or recovery key shows at its field, as elsewhere.
 */
export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { db } = useServices();
  const [current, setCurrent] = useState<SecretInput>(EMPTY_SECRET);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);
  const [done, setDone] = useState(false);

  const problems = checked ? changePassphraseProblems(current, next, repeat) : {};

  const submit = async () => {
    setChecked(true);
    if (busy || hasProblems(changePassphraseProblems(current, next, repeat))) return;
    setBusy(true);
    setFailure(null);
    try {
      await changeExchangePassphrase(db, toSecret(current), next);
      setCurrent(EMPTY_SECRET);
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      setBusy(false);
    }
  };

  /** Editing a field clears a failure met with what it held. */
  const edited = () => failure && setFailure(null);

  if (done) {
    return (
      <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="change-passphrase-dialog">
        <DialogTitle>{t('changePassphrase.title')}</DialogTitle>
        <DialogContent>
          <Alert severity="success" data-testid="change-passphrase-done">
            {t('changePassphrase.done')}
            <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
              {t('changePassphrase.earlierBackups')}
            </Typography>
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={onClose} autoFocus data-testid="change-passphrase-close">
            {t('transfer.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  const currentError = problems.current
    ? current.kind === 'recoveryKey'
      ? t('changePassphrase.recoveryKeyEmpty')
      : t('changePassphrase.currentEmpty')
    : failure?.secret
      ? t(failure.key, failure.values)
      : null;
  const nextError = problems.next === 'tooShort' ? t('setup.tooShort', { count: PASSPHRASE_MIN_LENGTH }) : problems.next === 'sameAsCurrent' ? t('changePassphrase.sameAsCurrent') : null;

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="change-passphrase-dialog">
      <DialogTitle>{t('changePassphrase.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{t('changePassphrase.text')}</Typography>
          <Box data-testid="change-passphrase-current">
            <SecretField
              value={current}
              onChange={(value) => {
                setCurrent(value);
                edited();
              }}
              label={t('changePassphrase.current')}
              error={currentError}
              disabled={busy}
              testId="change-passphrase-current"
            />
          </Box>
          <TextField
            label={t('changePassphrase.next')}
            type="password"
            value={next}
            onChange={(event) => {
              setNext(event.target.value);
              edited();
            }}
            error={!!nextError}
            helperText={nextError ?? t('setup.passphraseHelp', { count: PASSPHRASE_MIN_LENGTH })}
            disabled={busy}
            autoComplete="new-password"
            slotProps={{ htmlInput: { 'data-testid': 'change-passphrase-next' } }}
          />
          <TextField
            label={t('changePassphrase.repeat')}
            type="password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && void submit()}
            error={!!problems.repeat}
            helperText={problems.repeat ? t('setup.mismatch') : ' '}
            disabled={busy}
            autoComplete="new-password"
            slotProps={{ htmlInput: { 'data-testid': 'change-passphrase-repeat' } }}
          />
          {failure && !failure.secret && <FailureAlert failure={failure} testId="change-passphrase-error" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy} data-testid="change-passphrase-cancel">
          {t('common:action.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy} data-testid="change-passphrase-save">
          {busy ? <CircularProgress size={20} /> : t('changePassphrase.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
