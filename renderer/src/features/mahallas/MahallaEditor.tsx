import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { mahallaKey, mahallaNameSchema, mahallasToTable, planMahallaImport, type MahallaImportPlan, type MahallaImportRow } from '../../domain/mahalla';
import type { TriLingualText } from '../../domain/names';
import { issuesByPath, type ValidationCode } from '../../domain/validation';
import { EMPTY_TRI_LINGUAL, TriLingualField } from '../../ui/TriLingualField';
import { MahallaImportDialog } from './MahallaImportDialog';
import { readTableFile, TABLE_EXTENSIONS, TableReadFailure, tableToCsv } from './readTable';

export interface MahallaItem {
  id: string;
  name: TriLingualText;
}

type NameErrors = Partial<Record<keyof TriLingualText, ValidationCode>>;

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Checks a name as the repositories will, plus uniqueness against the list shown. */
function check(name: TriLingualText, items: readonly MahallaItem[], exceptId?: string): { name?: TriLingualText; errors: NameErrors } {
  const parsed = mahallaNameSchema.safeParse(name);
  if (!parsed.success) return { errors: issuesByPath(parsed.error) as NameErrors };
  const key = mahallaKey(parsed.data.uzLatn);
  if (items.some((item) => item.id !== exceptId && mahallaKey(item.name.uzLatn) === key)) return { errors: { uzLatn: 'duplicate' } };
  return { name: parsed.data, errors: {} };
}

/**
 * The office's list of mahallas: add, rename, delete, import from CSV/XLSX with a preview, and
 * export to CSV. Storage is the caller's: setup keeps the list in memory, Settings in the database.
 */
export function MahallaEditor({
  items,
  onAdd,
  onRename,
  onDelete,
}: {
  items: readonly MahallaItem[];
  onAdd: (names: TriLingualText[]) => Promise<void>;
  onRename: (id: string, name: TriLingualText) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation('setup');
  const { host } = useServices();
  const feedback = useFeedback();
  const [draft, setDraft] = useState<TriLingualText>(EMPTY_TRI_LINGUAL);
  const [draftErrors, setDraftErrors] = useState<NameErrors>({});
  const [editing, setEditing] = useState<{ id: string; name: TriLingualText; errors: NameErrors } | null>(null);
  const [deleting, setDeleting] = useState<MahallaItem | null>(null);
  const [importing, setImporting] = useState<{ fileName: string; plan: MahallaImportPlan } | null>(null);

  const add = async () => {
    const { name, errors } = check(draft, items);
    setDraftErrors(errors);
    if (!name) return;
    try {
      await onAdd([name]);
      setDraft(EMPTY_TRI_LINGUAL);
    } catch (error) {
      feedback.failure(error);
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    const { name, errors } = check(editing.name, items, editing.id);
    if (!name) return setEditing({ ...editing, errors });
    try {
      await onRename(editing.id, name);
      setEditing(null);
    } catch (error) {
      feedback.failure(error);
    }
  };

  const startImport = async () => {
    const filters = [{ name: t('mahallas.tableFiles'), extensions: TABLE_EXTENSIONS }];
    const opened = await host.openFile({ filters, maxBytes: MAX_IMPORT_BYTES });
    if (!opened.ok) return feedback.hostError(opened.error);
    try {
      const table = await readTableFile(opened.value.name, opened.value.bytes);
      setImporting({ fileName: opened.value.name, plan: planMahallaImport(table, items.map((item) => item.name)) });
    } catch (error) {
      const code = error instanceof TableReadFailure ? error.code : 'unreadable';
      feedback.error(`errors:import.${code}`, { detail: error instanceof Error && error.message !== code ? error.message : undefined });
    }
  };

  const confirmImport = async (rows: MahallaImportRow[]) => {
    if (!importing) return;
    const skipped = importing.plan.rows.length - rows.length;
    try {
      await onAdd(rows.map((row) => row.name));
      setImporting(null);
      feedback.done('setup:mahallas.imported', { count: rows.length, skipped });
    } catch (error) {
      feedback.failure(error);
    }
  };

  const exportCsv = async () => {
    const bytes = tableToCsv(mahallasToTable(items.map((item) => item.name)));
    const result = await host.saveFile({ suggestedName: 'mahallas.csv', filters: [{ name: t('mahallas.csvFiles'), extensions: ['csv'] }], bytes });
    if (result.ok) feedback.saved(result.value);
    else feedback.hostError(result.error);
  };

  return (
    <Stack spacing={2} data-testid="mahalla-editor">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
        <TriLingualField label={t('mahallas.name')} value={draft} onChange={setDraft} errors={draftErrors} testId="mahalla-new" />
        <Button variant="contained" onClick={() => void add()} sx={{ minWidth: 120, mt: { md: 0.25 } }} data-testid="mahalla-add">
          {t('common:action.add')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }} color="text.secondary" data-testid="mahalla-count">
          {t('mahallas.count', { count: items.length })}
        </Typography>
        <Button startIcon={<UploadFileIcon />} onClick={() => void startImport()} data-testid="mahalla-import">
          {t('mahallas.import')}
        </Button>
        <Button startIcon={<FileDownloadIcon />} onClick={() => void exportCsv()} disabled={items.length === 0} data-testid="mahalla-export">
          {t('mahallas.export')}
        </Button>
      </Stack>
      {items.length > 0 && (
        <Table size="small" data-testid="mahalla-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('common:script.uzLatn')}</TableCell>
              <TableCell>{t('common:script.uzCyrl')}</TableCell>
              <TableCell>{t('common:script.ru')}</TableCell>
              <TableCell align="right" />
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id} data-testid="mahalla-row">
                <TableCell lang="uz-Latn">{item.name.uzLatn}</TableCell>
                <TableCell lang="uz-Cyrl">{item.name.uzCyrl}</TableCell>
                <TableCell lang="ru">{item.name.ru}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={t('common:action.edit')}>
                    <IconButton size="small" onClick={() => setEditing({ id: item.id, name: item.name, errors: {} })} aria-label={t('common:action.edit')}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('common:action.delete')}>
                    <IconButton size="small" onClick={() => setDeleting(item)} aria-label={t('common:action.delete')}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {editing && (
        <Dialog open onClose={() => setEditing(null)} maxWidth="md" fullWidth>
          <DialogTitle>{t('mahallas.editTitle')}</DialogTitle>
          <DialogContent sx={{ pt: '8px !important' }}>
            <TriLingualField label={t('mahallas.name')} value={editing.name} onChange={(name) => setEditing({ ...editing, name })} errors={editing.errors} autoFocus />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setEditing(null)}>{t('common:action.cancel')}</Button>
            <Button variant="contained" onClick={() => void saveEdit()}>
              {t('common:action.save')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {deleting && (
        <Dialog open onClose={() => setDeleting(null)}>
          <DialogTitle>{t('mahallas.deleteTitle')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{t('mahallas.deleteText', { name: deleting.name.uzLatn })}</DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(null)}>{t('common:action.cancel')}</Button>
            <Button
              color="error"
              variant="contained"
              onClick={() => {
                const id = deleting.id;
                setDeleting(null);
                onDelete(id).catch(feedback.failure);
              }}
            >
              {t('common:action.delete')}
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {importing && (
        <MahallaImportDialog fileName={importing.fileName} plan={importing.plan} onClose={() => setImporting(null)} onConfirm={(rows) => void confirmImport(rows)} />
      )}
    </Stack>
  );
}
