import UpdateIcon from '@mui/icons-material/Update';
import { Alert, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { keptOfficeKeys } from '../../db/exchange';
import { getSetting } from '../../db/repositories/settings';
import { formatDateTime } from '../../domain/dates';
import type { AutomaticBackup } from '../../host/hostApi';
import { AUTOMATIC_BACKUPS_KEPT } from './automaticBackup';
import { formatMegabytes } from '../../domain/numbers';
import type { FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { keyNotKeptReason } from './keyKeeping';

/**
 * The backups this PC makes by itself into its data folder: whether they run (the office key kept
 * with the system), when the last one was made, and the ones kept, each of which an administrator
 * can restore (`onRestore`).
 */
export function AutomaticBackupsCard({
  recheck,
  onRestore,
}: {
  /**
   * Whatever changes when the page's dialogs open and close: setting up exchange and backing up
   * keep the office key with the system (no database change to watch), so the card asks again then.
   */
  recheck?: unknown;
  onRestore: ((name: string) => void) | null;
}) {
  const { t } = useTranslation('exchange');
  const { db, host } = useServices();
  const last = useLiveQuery(() => getSetting(db, 'lastAutomaticBackup'), [db]);
  const [backups, setBackups] = useState<AutomaticBackup[] | null>(null);
  const [running, setRunning] = useState<boolean | null>(null);
  const [notKept, setNotKept] = useState<FailureMessage | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [listed, keys] = await Promise.all([host.automaticBackupList(), keptOfficeKeys(db, host)]);
      if (!current) return;
      setBackups(listed.ok ? listed.value : []);
      setRunning(!!keys);
      setNotKept(keyNotKeptReason());
    })();
    return () => {
      current = false;
    };
  }, [db, host, last?.at, recheck]);

  return (
    <Card variant="outlined" data-testid="automatic-backups-card">
      <CardHeader avatar={<UpdateIcon color="action" />} title={t('automatic.title')} subheader={t('automatic.text', { count: AUTOMATIC_BACKUPS_KEPT })} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {running === false &&
            (notKept ? (
              <FailureAlert failure={notKept} testId="automatic-backups-not-kept" warning />
            ) : (
              <Alert severity="info" data-testid="automatic-backups-off">
                {t('automatic.off')}
              </Alert>
            ))}
          <Typography variant="body2" data-testid="automatic-backup-last">
            {last ? t('automatic.last', { date: formatDateTime(last.at) }) : t('automatic.none')}
          </Typography>
          {backups && backups.length > 0 && (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('automatic.made')}</TableCell>
                  <TableCell align="right">{t('automatic.size')}</TableCell>
                  {onRestore && <TableCell />}
                </TableRow>
              </TableHead>
              <TableBody>
                {backups.map((backup) => (
                  <TableRow key={backup.name} data-testid="automatic-backup-row" data-name={backup.name}>
                    <TableCell>{formatDateTime(backup.modifiedAt)}</TableCell>
                    <TableCell align="right">{t('automatic.sizeValue', { size: formatMegabytes(backup.size) })}</TableCell>
                    {onRestore && (
                      <TableCell align="right">
                        <Button size="small" color="error" onClick={() => onRestore(backup.name)} data-testid="automatic-backup-restore">
                          {t('automatic.restore')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
