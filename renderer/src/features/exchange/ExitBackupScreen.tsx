import { Backdrop, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from './FailureAlert';
import type { ExitBackupState } from './useExitBackup';

/** Over everything (the lock screen included) while the window waits for the backup on exit. */
export function ExitBackupScreen({ state, onCloseNow }: { state: ExitBackupState; onCloseNow: () => void }) {
  const { t } = useTranslation('exchange');
  if (state.phase === 'idle') return null;
  return (
    <Backdrop open sx={{ zIndex: (theme) => theme.zIndex.modal + 10 }} data-testid="exit-backup">
      <Paper sx={{ p: 4, maxWidth: 560 }}>
        <Stack spacing={2}>
          {state.phase === 'backingUp' ? (
            <>
              <Typography variant="h6">{t('automatic.onExit')}</Typography>
              <LinearProgress />
              <Typography variant="body2" color="text.secondary">
                {t('automatic.onExitHint')}
              </Typography>
            </>
          ) : (
            <>
              <Typography variant="subtitle1">{t('automatic.failed')}</Typography>
              <FailureAlert failure={state.failure} testId="exit-backup-failed" />
            </>
          )}
          <Button onClick={onCloseNow} data-testid="exit-backup-close-now" sx={{ alignSelf: 'flex-end' }}>
            {t('automatic.closeNow')}
          </Button>
        </Stack>
      </Paper>
    </Backdrop>
  );
}
