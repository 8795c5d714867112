import { Alert, Box, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { DomainError } from '../domain/errors';

/**
 * What a page shows when it fails while rendering (instead of the router's developer page): the
 * reason in the user's language where it is a known rule (e.g. not permitted), and a way back.
 */
export function PageError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  const message = error instanceof DomainError ? t(`errors:domain.${error.code}`) : t('errors:domain.unexpected');
  return (
    <Box sx={{ maxWidth: 640, mx: 'auto', mt: 10, px: 2 }}>
      <Alert
        severity="error"
        data-testid="page-error"
        action={
          <Button color="inherit" onClick={() => window.location.assign('#/')}>
            {t('common:action.back')}
          </Button>
        }
      >
        {message}
      </Alert>
    </Box>
  );
}
