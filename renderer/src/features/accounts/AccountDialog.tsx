import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { createAccount, resetPassword, updateAccount } from '../../db/repositories/accounts';
import { DomainError } from '../../domain/errors';
import type { Mahalla } from '../../domain/mahalla';
import { triLingualIn } from '../../domain/names';
import { passwordProblem, type PasswordProblem } from '../../domain/password';
import { accountDraftSchema, ROLES, type AccountDraft, type User } from '../../domain/user';
import { issuesByPath } from '../../domain/validation';
import { BiScriptField, EMPTY_BI_SCRIPT } from '../../ui/BiScriptField';
import { PasswordFields, type NewPassword } from './PasswordFields';

const EMPTY: AccountDraft = { username: '', fullName: EMPTY_BI_SCRIPT, position: '', phone: '', roles: [], mahallaIds: [] };

/** Opens or edits an account; a new account gets a first password its owner must change at the first login. */
export function AccountDialog({ user, mahallas, onClose }: { user: User | null; mahallas: Mahalla[]; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const feedback = useFeedback();
  const language = useAppSelector((state) => state.session.language);
  const [draft, setDraft] = useState<AccountDraft>(() =>
    user
      ? { username: user.username, fullName: user.fullName, position: user.position, phone: user.phone ?? '', roles: user.roles, mahallaIds: user.mahallaIds }
      : EMPTY,
  );
  const [fresh, setFresh] = useState<NewPassword>({ password: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof AccountDraft>(key: K, value: AccountDraft[K]) => setDraft({ ...draft, [key]: value });
  const toggle = <T,>(list: readonly T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const error = (path: string) => (errors[path] ? t(`errors:validation.${errors[path]}`) : undefined);

  const save = async () => {
    const parsed = accountDraftSchema.safeParse(draft);
    const found = user ? null : passwordProblem(fresh.password, fresh.repeat, draft.username);
    setErrors(parsed.success ? {} : issuesByPath(parsed.error));
    setProblem(found);
    if (!parsed.success || found) return;
    setBusy(true);
    try {
      if (user) await updateAccount(db, user.id, draft);
      else await createAccount(db, draft, fresh.password, fresh.repeat);
      feedback.done('accounts:saved');
      onClose();
    } catch (failure) {
      if (failure instanceof DomainError && failure.code === 'invalid' && failure.message.includes(':')) {
        setErrors(Object.fromEntries(failure.message.split(' ').map((pair) => pair.split(':') as [string, string])));
      } else feedback.failure(failure);
    } finally {
      setBusy(false);
    }
  };

  const nameErrors = {
    ...(errors['fullName.latn'] ? { latn: errors['fullName.latn'] as never } : {}),
    ...(errors['fullName.cyrl'] ? { cyrl: errors['fullName.cyrl'] as never } : {}),
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{user ? t('edit') : t('create')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <TextField
            label={t('field.username')}
            value={draft.username}
            onChange={(event) => set('username', event.target.value)}
            error={!!errors.username}
            helperText={error('username') ?? t('field.usernameHint')}
            slotProps={{ htmlInput: { 'data-testid': 'account-username', autoCapitalize: 'none', spellCheck: false } }}
          />
          <BiScriptField label={t('field.fullName')} value={draft.fullName} onChange={(value) => set('fullName', value)} errors={nameErrors} testId="account-name" required />
          <Stack direction="row" spacing={2}>
            <TextField
              label={t('field.position')}
              value={draft.position}
              onChange={(event) => set('position', event.target.value)}
              error={!!errors.position}
              helperText={error('position') ?? ' '}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'account-position' } }}
            />
            <TextField
              label={t('field.phone')}
              value={draft.phone ?? ''}
              onChange={(event) => set('phone', event.target.value)}
              error={!!errors.phone}
              helperText={error('phone') ?? ' '}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'account-phone' } }}
            />
          </Stack>
          <FormControl error={!!errors.roles} component="fieldset">
            <FormLabel component="legend">{t('field.roles')}</FormLabel>
            <FormGroup row>
              {ROLES.map((role) => (
                <FormControlLabel
                  key={role}
                  control={<Checkbox checked={draft.roles?.includes(role) ?? false} onChange={() => set('roles', toggle(draft.roles ?? [], role))} data-testid={`account-role-${role}`} />}
                  label={t(`role.${role}`)}
                />
              ))}
            </FormGroup>
            <FormHelperText>{errors.roles ? t(`errors:validation.${errors.roles}`) : t('field.rolesHint')}</FormHelperText>
          </FormControl>
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('field.mahallas')}</FormLabel>
            <FormGroup row>
              {mahallas.map((mahalla) => (
                <FormControlLabel
                  key={mahalla.id}
                  control={<Checkbox checked={draft.mahallaIds?.includes(mahalla.id) ?? false} onChange={() => set('mahallaIds', toggle(draft.mahallaIds ?? [], mahalla.id))} data-testid={`account-mahalla-${mahalla.id}`} />}
                  label={triLingualIn(mahalla.name, language)}
                />
              ))}
            </FormGroup>
            <FormHelperText>{t('field.mahallasHint')}</FormHelperText>
          </FormControl>
          {!user && <PasswordFields value={fresh} onChange={setFresh} problem={problem} testId="account" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="account-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The administrator sets a new password for a user who forgot theirs. */
export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const feedback = useFeedback();
  const [fresh, setFresh] = useState<NewPassword>({ password: '', repeat: '' });
  const [problem, setProblem] = useState<PasswordProblem | null>(null);
  const save = async () => {
    const found = passwordProblem(fresh.password, fresh.repeat, user.username);
    setProblem(found);
    if (found) return;
    try {
      await resetPassword(db, user.id, fresh.password, fresh.repeat);
      feedback.done('accounts:password.resetDone');
      onClose();
    } catch (failure) {
      feedback.failure(failure);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{t('password.resetFor', { username: user.username })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <FormHelperText>{t('password.resetText')}</FormHelperText>
          <PasswordFields value={fresh} onChange={setFresh} problem={problem} testId="reset" autoFocus />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="reset-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
