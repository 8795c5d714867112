import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, MenuItem, Paper, TextField } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { queryAudit, type AuditFilter } from '../../db/repositories/auditLog';
import { listMahallas } from '../../db/repositories/mahallas';
import { listUsers } from '../../db/repositories/users';
import { AUDIT_OPS, type AuditEntry, type AuditOp } from '../../domain/audit';
import { formatDateTime } from '../../domain/dates';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { useGridLocaleText } from '../cases';
import { describeEntry } from './describeEntry';
import { auditWorkbook } from './exportAudit';

interface Row {
  id: string;
  at: string;
  user: string;
  op: string;
  what: string;
  details: string;
}

/**
 * The audit viewer for administrators and supervisors: who did what and when — changes, case
 * views, refusals and logins — filtered by user, case, dates and kind, in the reader's language,
 * and the filtered view exported to an Excel file.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const { db, host } = useServices();
  const feedback = useFeedback();
  const language = useAppSelector((state) => state.session.language);
  const localeText = useGridLocaleText();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [caseNumber, setCaseNumber] = useState('');
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  // Deleted specialists too: the log names whoever a service or conference named then.
  const specialists = useLiveQuery(() => db.specialists.toArray(), [db]) ?? [];
  const caseId = useLiveQuery(async () => (caseNumber.trim() ? ((await db.cases.where('caseNumber').equals(caseNumber.trim()).first())?.id ?? null) : undefined), [db, caseNumber]);
  const effective = useMemo(() => ({ ...filter, ...(caseId ? { caseId } : {}) }), [filter, caseId]);
  const result = useLiveQuery(() => (caseId === null ? { entries: [], truncated: false } : queryAudit(db, effective)), [db, effective, caseId]);
  const caseNumbers = useLiveQuery(async () => {
    const ids = [...new Set((result?.entries ?? []).filter((entry) => entry.table === 'cases' && entry.recordId !== '*').map((entry) => entry.recordId))];
    const cases = await db.cases.bulkGet(ids);
    return new Map(cases.flatMap((kase) => (kase ? [[kase.id, kase.caseNumber] as const] : [])));
  }, [db, result]);

  const rows: Row[] = useMemo(() => {
    const casesT = i18n.getFixedT(language, 'cases');
    const userName = (id: string) => {
      const user = users.find((u) => u.id === id);
      return user ? biScriptIn(user.fullName, language) : id === 'unknown' ? t('unknownUser') : id.slice(0, 8);
    };
    const names = {
      user: userName,
      mahalla: (id: string) => {
        const mahalla = mahallas.find((m) => m.id === id);
        return mahalla ? triLingualIn(mahalla.name, language) : '—';
      },
      specialist: (id: string) => {
        const specialist = specialists.find((s) => s.id === id);
        return specialist ? biScriptIn(specialist.fullName, language) : '—';
      },
    };
    return (result?.entries ?? []).map((entry: AuditEntry) => ({
      id: entry.id,
      at: entry.at,
      user: userName(entry.userId),
      op: t(`op.${entry.op}`),
      what: `${t(`table.${entry.table}`, { defaultValue: entry.table })}${entry.table === 'cases' && caseNumbers?.get(entry.recordId) ? ` ${caseNumbers.get(entry.recordId)}` : ''}`,
      details: describeEntry(casesT, entry, language, names),
    }));
  }, [result, users, mahallas, specialists, caseNumbers, language, i18n, t]);

  const columns: GridColDef<Row>[] = useMemo(
    () => [
      { field: 'at', headerName: t('column.at'), width: 140, valueFormatter: (value: string) => formatDateTime(value) },
      { field: 'user', headerName: t('column.user'), width: 200 },
      { field: 'op', headerName: t('column.op'), width: 150 },
      { field: 'what', headerName: t('column.what'), width: 220 },
      { field: 'details', headerName: t('column.details'), flex: 1, minWidth: 300 },
    ],
    [t],
  );

  const exportView = async () => {
    const bytes = await auditWorkbook(
      columns.map((column) => column.headerName ?? ''),
      rows.map((row) => [formatDateTime(row.at), row.user, row.op, row.what, row.details]),
      t('title'),
    );
    const saved = await host.saveFile({ suggestedName: `audit-${new Date().toISOString().slice(0, 10)}.xlsx`, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes });
    if (saved.ok) feedback.saved(saved.value);
    else feedback.hostError(saved.error);
  };

  const set = (changes: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...filter, ...changes };
    for (const key of Object.keys(next) as (keyof AuditFilter)[]) if (!next[key]) delete next[key];
    setFilter(next);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void exportView()} disabled={!rows.length} data-testid="audit-export">
            {t('export')}
          </Button>
        }
      />
      <Box sx={{ mb: 2, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', alignItems: 'start' }}>
        <TextField select size="small" label={t('filter.user')} value={filter.userId ?? ''} onChange={(event) => set({ userId: event.target.value })} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'audit-user' } as object } }}>
          <MenuItem value="">{t('filter.all')}</MenuItem>
          {users.map((user) => (
            <MenuItem key={user.id} value={user.id} data-value={user.username}>
              {biScriptIn(user.fullName, language)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('filter.caseNumber')}
          value={caseNumber}
          onChange={(event) => setCaseNumber(event.target.value)}
          error={caseId === null}
          helperText={caseId === null ? t('filter.noSuchCase') : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'audit-case' } }}
        />
        <TextField select size="small" label={t('filter.op')} value={filter.op ?? ''} onChange={(event) => set({ op: event.target.value as AuditOp })} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'audit-op' } as object } }}>
          <MenuItem value="">{t('filter.all')}</MenuItem>
          {AUDIT_OPS.map((op) => (
            <MenuItem key={op} value={op}>
              {t(`op.${op}`)}
            </MenuItem>
          ))}
        </TextField>
        <DateField label={t('filter.from')} value={filter.from ?? null} onChange={(value) => set({ from: value })} testId="audit-from" />
        <DateField label={t('filter.to')} value={filter.to ?? null} onChange={(value) => set({ to: value })} testId="audit-to" />
      </Box>
      {result?.truncated && <Alert severity="info" sx={{ mb: 2 }}>{t('truncated', { count: result.entries.length })}</Alert>}
      <Paper variant="outlined" sx={{ height: 600 }}>
        <DataGrid
          rows={rows}
          columns={columns}
          loading={!result}
          localeText={localeText}
          density="compact"
          disableRowSelectionOnClick
          getRowClassName={() => 'audit-row'}
          getRowHeight={() => 'auto'}
          pageSizeOptions={[50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 100 } } }}
        />
      </Paper>
    </>
  );
}
