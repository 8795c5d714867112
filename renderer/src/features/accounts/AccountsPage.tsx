import { Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Paper } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { listAccounts, setAccountActive } from '../../db/repositories/accounts';
import { listMahallas } from '../../db/repositories/mahallas';
import { biScriptIn, triLingualIn } from '../../domain/names';
import type { User } from '../../domain/user';
import { PageHeader } from '../../ui/PageHeader';
import { AccountDialog, ResetPasswordDialog } from './AccountDialog';

/** The administrator's list of accounts: open, edit, reset a password, disable (never delete). */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { db } = useServices();
  const feedback = useFeedback();
  const session = useAppSelector((state) => state.session);
  const accounts = useLiveQuery(() => listAccounts(db), [db]) ?? [];
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const mahallaNames = new Map(mahallas.map((m) => [m.id, triLingualIn(m.name, session.language)]));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggleActive = async (user: User) => {
    try {
      await setAccountActive(db, user.id, !user.active);
    } catch (error) {
      feedback.failure(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="contained" onClick={() => setEditing('new')} data-testid="account-new">
            {t('create')}
          </Button>
        }
      />
      <Paper variant="outlined">
        <Table size="small" aria-label={t('title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('field.username')}</TableCell>
              <TableCell>{t('field.fullName')}</TableCell>
              <TableCell>{t('field.position')}</TableCell>
              <TableCell>{t('field.roles')}</TableCell>
              <TableCell>{t('field.mahallas')}</TableCell>
              <TableCell>{t('field.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {accounts.map((user) => (
              <TableRow key={user.id} data-testid={`account-row-${user.username}`} sx={{ opacity: user.active ? 1 : 0.55 }}>
                <TableCell>{user.username}</TableCell>
                <TableCell>{biScriptIn(user.fullName, session.language)}</TableCell>
                <TableCell>{user.position}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                    {user.roles.map((role) => (
                      <Chip key={role} size="small" label={t(`role.${role}`)} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>{user.mahallaIds.map((id) => mahallaNames.get(id) ?? '').join(', ')}</TableCell>
                <TableCell>{user.active ? t('status.active') : t('status.disabled')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => setEditing(user)} data-testid={`account-edit-${user.username}`}>
                    {t('common:action.edit')}
                  </Button>
                  <Button size="small" onClick={() => setResetting(user)} data-testid={`account-reset-${user.username}`}>
                    {t('password.reset')}
                  </Button>
                  {user.id !== session.currentUserId && (
                    <Button size="small" color={user.active ? 'warning' : 'primary'} onClick={() => void toggleActive(user)} data-testid={`account-active-${user.username}`}>
                      {user.active ? t('disable') : t('enable')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && <AccountDialog user={editing === 'new' ? null : editing} mahallas={mahallas} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
