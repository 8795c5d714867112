import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { UpgradeBackupAnswer } from './automaticBackup';
import { FailureAlert } from './FailureAlert';
import type { FailureMessage } from './exchangeMessages';

/**
 * At start, after an update: the copy of the office's data before its upgrade could not be made.
 * Says why, and lets the person at the PC try again or upgrade without the copy. Rendered before
 * the store and router exist, inside the i18n provider only.
 */
export function UpgradeBackupFailed({ failure, onAnswer }: { failure: FailureMessage; onAnswer: (answer: UpgradeBackupAnswer) => void }) {
  const { t } = useTranslation('exchange');
  return (
    <Box sx={{ p: 6, maxWidth: 680 }} data-testid="startup-backup-failed">
      <Typography variant="h6" sx={{ mb: 2 }}>
        {t('automatic.beforeUpgradeFailed')}
      </Typography>
      <FailureAlert failure={failure} testId="startup-backup-failure" />
      <Typography variant="body2" sx={{ mt: 2 }}>
        {t('automatic.beforeUpgradeChoice')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mt: 3 }}>
        <Button variant="contained" onClick={() => onAnswer('retry')} data-testid="startup-backup-retry">
          {t('automatic.retry')}
        </Button>
        <Button onClick={() => onAnswer('continue')} data-testid="startup-backup-continue">
          {t('automatic.upgradeWithoutCopy')}
        </Button>
      </Stack>
    </Box>
  );
}
