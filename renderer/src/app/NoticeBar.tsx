import { Alert, Button, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useFeedback } from './feedback';
import { useAppDispatch, useAppSelector } from './hooks';
import { noticeDismissed } from './noticeSlice';
import { useServices } from './services';

/** Shows the current notice; errors stay until dismissed, successes fade. */
export function NoticeBar() {
  const notice = useAppSelector((state) => state.notice.current);
  const dispatch = useAppDispatch();
  const { host } = useServices();
  const feedback = useFeedback();
  const { t } = useTranslation();
  if (!notice) return null;
  const close = () => dispatch(noticeDismissed());
  return (
    <Snackbar
      key={notice.id}
      open
      autoHideDuration={notice.severity === 'error' ? null : 6000}
      onClose={(_event, reason) => reason !== 'clickaway' && close()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={notice.severity}
        variant="filled"
        onClose={close}
        data-testid="notice"
        sx={{ maxWidth: 720 }}
        action={
          notice.fileId ? (
            <>
              {notice.openable && (
                <Button color="inherit" size="small" onClick={() => void host.openWithSystem(notice.fileId!).then((result) => !result.ok && feedback.hostError(result.error))} data-testid="notice-open">
                  {t('common:action.open')}
                </Button>
              )}
              <Button color="inherit" size="small" onClick={() => void host.showInFolder(notice.fileId!)}>
                {t('common:action.showInFolder')}
              </Button>
            </>
          ) : undefined
        }
      >
        {t(notice.messageKey, notice.values)}
        {notice.cause && (
          <div style={{ marginTop: 4 }} data-testid="notice-cause">
            {t(notice.cause.key, notice.cause.values)}
          </div>
        )}
        {notice.detail && (
          <div style={{ opacity: 0.8, fontSize: '0.8em', marginTop: 4 }} data-testid="notice-detail">
            {t('common:notice.detail', { detail: notice.detail })}
          </div>
        )}
      </Alert>
    </Snackbar>
  );
}
