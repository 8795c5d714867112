import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import LockIcon from '@mui/icons-material/Lock';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Menu, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { lockChanged } from '../../app/sessionSlice';
import { changeOwnPassword } from '../../db/repositories/accounts';
import { DomainError } from '../../domain/errors';
import { biScriptIn } from '../../domain/names';
import { passwordProblem, type PasswordProblem } from '../../domain/password';
import { useLogout, useSessionUser } from './useSessionUser';
import { PasswordFields, type NewPassword } from './PasswordFields';

/** The logged-in user in the app bar: lock now, change one's password, log out. */
export function UserMenu() {
  const { t } = useTranslation('accounts');
  const dispatch = useAppDispatch();
  const language = useAppSelector((state) => state.session.language);
  const user = useSessionUser();
  const leave = useLogout();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);

  return (
    <>
      <Tooltip title={t('lock.now')}>
        <IconButton color="inherit" onClick={() => dispatch(lockChanged(true))} aria-label={t('lock.now')} data-testid="lock-button">
          <LockIcon />
        </IconButton>
      </Tooltip>
      <Button color="inherit" startIcon={<AccountCircleIcon />} onClick={(event) => setAnchor(event.currentTarget)} data-testid="user-menu" sx={{ textTransform: 'none' }}>
        {user ? biScriptIn(user.fullName, language) : ''}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
          data-testid="change-password"
        >
          {t('password.change')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void leave();
          }}
          data-testid="logout"
        >
          {t('logout')}
        </MenuItem>
      </Menu>
      {changing && <ChangePasswordDialog username={user?.username ?? ''} onClose={() => setChanging(false)} />}
    </>
  );
}

function ChangePasswordDialog({ username, onClose }: { username: string; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const feedback = useFeedback();
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState<NewPassword>({ password: '', repeat: '' });
  const [problem, setProblem] = useState<PasswordProblem | 'sameAsCurrent' | null>(null);
  const [wrongCurrent, setWrongCurrent] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const found = passwordProblem(fresh.password, fresh.repeat, username);
    setProblem(found);
    setWrongCurrent(false);
    if (found) return;
    setBusy(true);
    try {
      await changeOwnPassword(db, current, fresh.password, fresh.repeat);
      feedback.done('accounts:password.changed');
      onClose();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'badCredentials') setWrongCurrent(true);
      else if (error instanceof DomainError && error.code === 'passwordRules') setProblem(error.message as PasswordProblem);
      else feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{t('password.change')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            type="password"
            label={t('password.current')}
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={wrongCurrent}
            helperText={wrongCurrent ? t('password.wrongCurrent') : ' '}
            autoComplete="current-password"
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'current-password' } }}
          />
          <PasswordFields value={fresh} onChange={setFresh} problem={problem} testId="change" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="change-password-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
