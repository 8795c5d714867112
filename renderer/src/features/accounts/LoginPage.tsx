import { Alert, Box, Button, Container, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import iconUrl from '../../../../resources/icon.svg';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { useServices } from '../../app/services';
import { loggedIn } from '../../app/sessionSlice';
import { changePasswordAtLogin, login, needsFirstPassword, setFirstPassword, type LoginResult } from '../../db/repositories/accounts';
import { getOfficeProfile } from '../../db/repositories/office';
import { DomainError } from '../../domain/errors';
import { triLingualIn } from '../../domain/names';
import { passwordProblem, type PasswordProblem } from '../../domain/password';
import { PasswordFields, type NewPassword } from './PasswordFields';

/** Seconds left until `until` (an ISO time), ticking once a second; 0 when it has passed. */
export function useSecondsUntil(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : 0;
}

export interface LoginFailure {
  code: 'badCredentials' | 'loginThrottled' | 'accountDisabled' | 'passwordRules' | 'other';
  waitUntil: string | null;
}

/** What a failed login attempt tells the user; a wait comes with the time of the next allowed attempt. */
export function loginFailure(error: unknown): LoginFailure {
  if (error instanceof DomainError && (error.code === 'badCredentials' || error.code === 'loginThrottled' || error.code === 'accountDisabled')) {
    return { code: error.code, waitUntil: error.message && error.message !== error.code ? error.message : null };
  }
  return { code: 'other', waitUntil: null };
}

export function LoginFailureMessage({ failure }: { failure: LoginFailure }) {
  const { t } = useTranslation('accounts');
  const seconds = useSecondsUntil(failure.waitUntil);
  return (
    <Alert severity="error" data-testid="login-error">
      {t(`login.failure.${failure.code}`)}
      {seconds > 0 && ` ${t('login.wait', { count: seconds })}`}
    </Alert>
  );
}

/**
 * The login screen, in the language chosen on this PC. Also where an office whose data predates
 * passwords sets the administrator's first one, and where a user whose password an administrator
 * set chooses their own before working.
 */
export function LoginPage() {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const language = useAppSelector((state) => state.session.language);
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const firstPassword = useLiveQuery(() => needsFirstPassword(db), [db]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fresh, setFresh] = useState<NewPassword>({ password: '', repeat: '' });
  const [problem, setProblem] = useState<PasswordProblem | 'sameAsCurrent' | null>(null);
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const [mustChange, setMustChange] = useState<LoginResult | null>(null);
  const [busy, setBusy] = useState(false);

  // The data layer's session, not the account: it holds the mahallas the user reads through their teams too.
  const enter = (result: LoginResult) => db.session && db.session.userId === result.user.id && dispatch(loggedIn(db.session));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (firstPassword || mustChange) {
      const found = passwordProblem(fresh.password, fresh.repeat, username);
      setProblem(found);
      if (found) return;
    }
    setBusy(true);
    try {
      if (firstPassword) return enter(await setFirstPassword(db, username, fresh.password, fresh.repeat));
      if (mustChange) return enter(await changePasswordAtLogin(db, username, password, fresh.password, fresh.repeat));
      const result = await login(db, username, password);
      if (result.mustChange) setMustChange(result);
      else enter(result);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'passwordRules') setProblem(error.message as PasswordProblem);
      else setFailure(loginFailure(error));
    } finally {
      setBusy(false);
    }
  };

  if (firstPassword === undefined) return null;
  const title = firstPassword ? t('login.firstPasswordTitle') : mustChange ? t('login.mustChangeTitle') : t('login.title');
  return (
    <Container maxWidth="xs" sx={{ py: 8 }}>
      <Paper variant="outlined" sx={{ p: 4 }}>
        <Stack spacing={2.5} component="form" noValidate onSubmit={(event) => void submit(event)}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Box component="img" src={iconUrl} alt="" sx={{ width: 40, height: 40 }} />
            <Box sx={{ flexGrow: 1, minWidth: 0 }}>
              <Typography variant="h5" component="h1" data-testid="login-title">
                {title}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {office ? triLingualIn(office.name, language) : 'Hamkorlik'}
              </Typography>
            </Box>
          </Stack>
          {firstPassword && <Alert severity="info">{t('login.firstPasswordText')}</Alert>}
          {mustChange && <Alert severity="info">{t('login.mustChangeText')}</Alert>}
          <TextField
            label={t('field.username')}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            disabled={!!mustChange}
            autoComplete="username"
            autoFocus
            slotProps={{ htmlInput: { 'data-testid': 'login-username', autoCapitalize: 'none', spellCheck: false } }}
          />
          {!firstPassword && !mustChange && (
            <TextField
              type="password"
              label={t('field.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
            />
          )}
          {(firstPassword || mustChange) && <PasswordFields value={fresh} onChange={setFresh} problem={problem} testId="login-new" />}
          {failure && <LoginFailureMessage failure={failure} />}
          <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="login-submit">
            {firstPassword || mustChange ? t('login.setAndEnter') : t('login.submit')}
          </Button>
          <LanguageSwitcher variant="form" />
        </Stack>
      </Paper>
    </Container>
  );
}
