import { Box, GlobalStyles, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The class the body carries while the recovery key prints, and the class of the dialog that holds the sheet. */
export const PRINTING_CLASS = 'printing-recovery-key';
export const SHEET_DIALOG_CLASS = 'recovery-key-dialog';

/** While the key prints, only the sheet does: the app behind the dialog and the dialog's buttons stay off paper. */
export const RECOVERY_KEY_PRINT_STYLES = (
  <GlobalStyles
    styles={{
      '@media print': {
        [`body.${PRINTING_CLASS} > *:not(.${SHEET_DIALOG_CLASS})`]: { display: 'none !important' },
        [`body.${PRINTING_CLASS} .${SHEET_DIALOG_CLASS} .no-print`]: { display: 'none !important' },
        [`body.${PRINTING_CLASS} .${SHEET_DIALOG_CLASS}, body.${PRINTING_CLASS} .${SHEET_DIALOG_CLASS} *`]: {
          position: 'static !important',
          overflow: 'visible !important',
          boxShadow: 'none !important',
          maxHeight: 'none !important',
        },
        [`body.${PRINTING_CLASS} .MuiBackdrop-root`]: { display: 'none !important' },
        '@page': { size: 'A4', margin: '20mm' },
      },
    }}
  />
);

/**
 * The recovery key as it is shown once and printed: the office, the date, the key in eight groups
 * of four in large monospace, and what the paper is for.
 */
export function RecoveryKeySheet({ recoveryKey, officeName, date }: { recoveryKey: string; officeName: string; date: string }) {
  const { t } = useTranslation('exchange');
  const groups = recoveryKey.split('-');
  return (
    <Box data-testid="recovery-key-sheet">
      <Typography variant="overline" component="p">
        Hamkorlik — {t('setup.sheetTitle')}
      </Typography>
      <Typography variant="subtitle1">{officeName}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('setup.sheetDate', { date })}
      </Typography>
      <Box
        data-testid="recovery-key"
        aria-label={recoveryKey}
        sx={{
          my: 3,
          display: 'grid',
          gridTemplateColumns: 'repeat(4, auto)',
          justifyContent: 'center',
          columnGap: 3,
          rowGap: 1.5,
          fontFamily: '"Roboto Mono", "Consolas", "DejaVu Sans Mono", monospace',
          fontSize: '2rem',
          fontWeight: 500,
          letterSpacing: '0.12em',
          p: 2,
          border: 2,
          borderColor: 'text.primary',
          borderRadius: 1,
        }}
      >
        {groups.map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </Box>
      <Typography variant="body2">{t('setup.sheetText')}</Typography>
    </Box>
  );
}
