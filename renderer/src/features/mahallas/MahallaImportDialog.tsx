import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isImportable, type MahallaField, type MahallaImportPlan, type MahallaImportRow } from '../../domain/mahalla';

const FIELDS: MahallaField[] = ['uzLatn', 'uzCyrl', 'ru'];

/**
 * Shows every row of an import file before anything is stored: what will be imported, which
 * spellings were suggested, and why the other rows will not be — so nothing is skipped unseen.
 */
export function MahallaImportDialog({
  fileName,
  plan,
  onConfirm,
  onClose,
}: {
  fileName: string;
  plan: MahallaImportPlan;
  onConfirm: (rows: MahallaImportRow[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('setup');
  const ready = plan.rows.filter(isImportable);
  const problems = plan.rows.length - ready.length;

  const rowProblem = (row: MahallaImportRow) =>
    Object.entries(row.errors)
      .map(([field, code]) => (field === 'row' ? t(`errors:validation.${code}`) : `${t(`common:script.${field}`)}: ${t(`errors:validation.${code}`)}`))
      .join('; ');

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="mahalla-import-dialog">
      <DialogTitle>{t('mahallas.importTitle', { file: fileName })}</DialogTitle>
      <DialogContent dividers>
        <Alert severity={problems ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="mahalla-import-summary">
          {t('mahallas.importReady', { count: ready.length })}
          {problems > 0 && ` ${t('mahallas.importProblems', { count: problems })}`}
        </Alert>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell>{t('mahallas.line')}</TableCell>
              {FIELDS.map((field) => (
                <TableCell key={field}>{t(`common:script.${field}`)}</TableCell>
              ))}
              <TableCell>{t('mahallas.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.rows.map((row) => (
              <TableRow key={row.line} data-testid="mahalla-import-row" sx={isImportable(row) ? undefined : { bgcolor: 'error.50', '& td': { color: 'error.dark' } }}>
                <TableCell>{row.line}</TableCell>
                {FIELDS.map((field) => (
                  <TableCell key={field} sx={row.suggested.includes(field) ? { fontStyle: 'italic' } : undefined}>
                    {row.name[field]}
                    {row.suggested.includes(field) && <Chip size="small" label={t('common:field.suggestedShort')} sx={{ ml: 1 }} />}
                  </TableCell>
                ))}
                <TableCell>{isImportable(row) ? t('mahallas.rowReady') : rowProblem(row)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={ready.length === 0} onClick={() => onConfirm(ready)} data-testid="mahalla-import-confirm">
          {t('mahallas.importConfirm', { count: ready.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
