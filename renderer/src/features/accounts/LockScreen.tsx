import LockIcon from '@mui/icons-material/Lock';
import { Box, Button, Modal, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { loggedIn } from '../../app/sessionSlice';
import { unlock } from '../../db/repositories/accounts';
import { DomainError } from '../../domain/errors';
import { biScriptIn } from '../../domain/names';
import { useLogout, useSessionUser } from './useSessionUser';
import { LoginFailureMessage, loginFailure, type LoginFailure } from './LoginPage';

/**
 * Covers the app while it is locked. The pages underneath stay mounted (and inert), so a
 * half-filled form is exactly as it was after unlocking. Only the same user's password unlocks;
 * anyone else logs the user out first (their drafts stay saved under their name).
 */
export function LockScreen() {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const language = useAppSelector((state) => state.session.language);
  const user = useSessionUser();
  const leave = useLogout();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await unlock(db, password);
      setPassword('');
      // The administrator reset the password meanwhile: a new one is chosen at the login screen.
      if (result.mustChange) return void (await leave());
      if (db.session) dispatch(loggedIn(db.session));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'accountDisabled') return void (await leave());
      setFailure(loginFailure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    // A modal of its own, opened last: above any dialog that was open (whose focus trap yields to it),
    // and an opaque backdrop so nothing of the page shows while locked.
    <Modal open aria-labelledby="lock-title" sx={{ zIndex: (theme) => theme.zIndex.modal + 10 }}>
      <Box data-testid="lock-screen" sx={{ position: 'fixed', inset: 0, display: 'grid', placeItems: 'center', outline: 'none', bgcolor: 'grey.200' }}>
      <Paper variant="outlined" sx={{ p: 4, width: 380 }}>
        <Stack spacing={2.5} component="form" noValidate onSubmit={(event) => void submit(event)}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <LockIcon color="primary" />
            <Typography variant="h6" component="h1" id="lock-title">
              {t('lock.title')}
            </Typography>
          </Stack>
          <Typography data-testid="lock-user">{user ? biScriptIn(user.fullName, language) : ''}</Typography>
          <TextField
            type="password"
            label={t('field.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoFocus
            autoComplete="current-password"
            slotProps={{ htmlInput: { 'data-testid': 'unlock-password' } }}
          />
          {failure && <LoginFailureMessage failure={failure} />}
          <Button type="submit" variant="contained" disabled={busy} data-testid="unlock-submit">
            {t('lock.unlock')}
          </Button>
          <Button onClick={() => void leave()} data-testid="lock-switch-user">
            {t('lock.switchUser')}
          </Button>
        </Stack>
      </Paper>
      </Box>
    </Modal>
  );
}
