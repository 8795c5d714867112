import { Alert, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FailureMessage } from './exchangeMessages';

/** A failure inside a dialog: the translated message, what it means for the data, and the support detail last. */
export function FailureAlert({ failure, testId, note }: { failure: FailureMessage; testId: string; note?: string }) {
  const { t } = useTranslation('exchange');
  return (
    <Alert severity="error" data-testid={testId}>
      {t(failure.key, failure.values)}
      {note && (
        <Typography variant="body2" component="div" sx={{ mt: 0.5 }} data-testid={`${testId}-note`}>
          {note}
        </Typography>
      )}
      {failure.detail && (
        <Typography variant="caption" component="div" sx={{ opacity: 0.8, mt: 0.5 }} data-testid={`${testId}-detail`}>
          {t('common:notice.detail', { detail: failure.detail })}
        </Typography>
      )}
    </Alert>
  );
}
