import { Alert, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureMessage } from './exchangeMessages';

/**
 * A failure inside a dialog: the translated message, what it means for the data, and the support
 * detail last. It sits below the dialog's fields, which may run past the screen: brought into view
 * when it appears, or a click on the dialog's button would seem to do nothing.
 */
export function FailureAlert({
  failure,
  testId,
  note,
  warning = false,
}: {
  failure: FailureMessage;
  testId: string;
  note?: string;
  /** What did not work beside the page's work (a card on the page): shown as a warning, where it stands. */
  warning?: boolean;
}) {
  const { t } = useTranslation('exchange');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!warning) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [failure, warning]);
  return (
    <Alert severity={warning ? 'warning' : 'error'} data-testid={testId} ref={ref}>
      {t(failure.key, failure.values)}
      {failure.cause && (
        <Typography variant="body2" component="div" sx={{ mt: 0.5 }} data-testid={`${testId}-cause`}>
          {t(failure.cause.key, failure.cause.values)}
        </Typography>
      )}
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
