import AddIcon from '@mui/icons-material/Add';
import FolderSharedIcon from '@mui/icons-material/FolderShared';
import SearchIcon from '@mui/icons-material/Search';
import { Alert, Box, Button, Chip, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { DataGrid, type GridColDef, type GridSortModel } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inEveryLanguage } from '../../app/languages';
import { useNavigate } from 'react-router';
import { useActor, useAppDispatch, useAppSelector } from '../../app/hooks';
import { canDo } from '../../domain/access';
import { useServices } from '../../app/services';
import { facetCounts, queryCases, queryCasesByIds, transferredCases, type CaseSortField } from '../../db/repositories/caseQueries';
import { overdueCount } from '../../db/repositories/monitorings';
import { searchCases } from '../../db/repositories/caseSearch';
import { listMahallas } from '../../db/repositories/mahallas';
import { listUsers } from '../../db/repositories/users';
import { formatDate, toIsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { CaseFilters } from './CaseFilters';
import { pageChanged, searchChanged, selectionCleared, selectionShown, sortChanged } from './casesSlice';
import { StageChip } from './StageChip';
import { useGridLocaleText } from './useGridLocaleText';

/** The case list: search as you type in any script, filters with counts, sorted pages from the database. */
export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const { search, filter, sort, page, pageSize, selection } = useAppSelector((state) => state.cases);
  const language = useAppSelector((state) => state.session.language);
  const deferredSearch = useDeferredValue(search.trim());
  const localeText = useGridLocaleText();
  const actor = useActor();

  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const counts = useLiveQuery(() => facetCounts(db), [db]);
  // Cases sent away in custody leave the list; they are still found by search and behind this button.
  const transferred = useLiveQuery(async () => (await transferredCases(db)).map((kase) => kase.id), [db]) ?? [];
  const overdueTotal = useLiveQuery(() => overdueCount(db, toIsoDate(new Date())), [db]);
  const listed = useLiveQuery(
    () => (deferredSearch ? undefined : selection ? queryCasesByIds(db, selection.caseIds, sort, page * pageSize, pageSize) : queryCases(db, filter, sort, page * pageSize, pageSize)),
    [db, deferredSearch, filter, sort, page, pageSize, selection],
  );
  const hidden = listed && 'hidden' in listed ? (listed.hidden as number) : 0;
  const found = useLiveQuery(() => (deferredSearch ? searchCases(db, deferredSearch) : undefined), [db, deferredSearch]);

  const mahallaNames = useMemo(() => new Map(mahallas.map((m) => [m.id, triLingualIn(m.name, language)])), [mahallas, language]);
  const userNames = useMemo(() => new Map(users.map((u) => [u.id, biScriptIn(u.fullName, language)])), [users, language]);
  const today = toIsoDate(new Date());

  const rows: FamilyCase[] = useMemo(() => (deferredSearch ? (found?.hits.map((hit) => hit.kase) ?? []) : (listed?.rows ?? [])), [deferredSearch, found, listed]);
  // The grid re-processes columns and models whenever their identity changes: keep them stable.
  const columns: GridColDef<FamilyCase>[] = useMemo(() => [
    { field: 'caseNumber', headerName: t('field.caseNumber'), width: 210 },
    {
      field: 'sortName',
      headerName: t('list.head'),
      flex: 1,
      minWidth: 220,
      valueGetter: (_value, row) => (row.summary.head ? `${biScriptIn(row.summary.head.surname, language)} ${biScriptIn(row.summary.head.firstName, language)}` : '—'),
    },
    { field: 'mahalla', headerName: t('field.mahalla'), width: 170, sortable: false, valueGetter: (_value, row) => mahallaNames.get(row.address.mahallaId) ?? '' },
    { field: 'stage', headerName: t('field.stage'), width: 190, sortable: false, renderCell: ({ row }) => <StageChip stage={row.stage} /> },
    { field: 'riskLevel', headerName: t('field.riskLevel'), width: 80, sortable: false },
    { field: 'children', headerName: t('list.children'), width: 80, sortable: false, valueGetter: (_value, row) => `${row.summary.children}/${row.summary.members}` },
    { field: 'caseManagerId', headerName: t('field.caseManager'), width: 180, sortable: false, valueGetter: (value: string) => userNames.get(value) ?? '' },
    { field: 'updatedAt', headerName: t('list.updated'), width: 110, valueFormatter: (value: string) => formatDate(toIsoDate(new Date(value))) },
  ], [t, language, mahallaNames, userNames]);
  const sortModel: GridSortModel = useMemo(() => (deferredSearch ? [] : [{ field: sort.field, sort: sort.direction }]), [deferredSearch, sort]);
  const paginationModel = useMemo(() => ({ page: deferredSearch ? 0 : page, pageSize }), [deferredSearch, page, pageSize]);
  const total = deferredSearch ? rows.length : (listed?.total ?? 0);

  // Only those who may open cases get the button (the data layer refuses the others anyway).
  const newCase = actor && canDo(actor, 'createCase') && (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate('/cases/new')} data-testid="case-new">
      {t('list.newCase')}
    </Button>
  );

  if (counts?.all === 0 && transferred.length === 0 && !selection) {
    return (
      <>
        <PageHeader title={t('pages:cases.title')} subtitle={t('pages:cases.subtitle')} />
        <EmptyState
          icon={<FolderSharedIcon />}
          title={t('list.emptyTitle')}
          text={t('list.emptyText')}
          action={newCase}
        />
      </>
    );
  }

  return (
    <Stack spacing={2} sx={{ height: 'calc(100vh - 112px)' }}>
      <PageHeader
        title={t('pages:cases.title')}
        subtitle={t('pages:cases.subtitle')}
        actions={newCase}
      />
      <TextField
        value={search}
        onChange={(event) => dispatch(searchChanged(event.target.value))}
        placeholder={t('list.searchPlaceholder')}
        autoFocus
        slotProps={{
          htmlInput: { 'data-testid': 'case-search', 'aria-label': t('list.searchPlaceholder') },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
        }}
      />
      {!deferredSearch && selection && (
        <Alert
          severity="info"
          data-testid="case-selection"
          action={
            <Button color="inherit" size="small" onClick={() => dispatch(selectionCleared())} data-testid="case-selection-clear">
              {t('list.selectionClear')}
            </Button>
          }
        >
          {t('list.selection', { title: selection.title[language] ?? selection.title.en })}
          {hidden > 0 && ` ${t('list.selectionHidden', { count: hidden })}`}
        </Alert>
      )}
      {!deferredSearch && !selection && <CaseFilters counts={counts} mahallas={mahallas} users={users} overdue={overdueTotal} />}
      {!deferredSearch && !selection && transferred.length > 0 && (
        <Box>
          <Button size="small" onClick={() => dispatch(selectionShown({ title: inEveryLanguage(i18n, (tl) => tl('cases:list.transferred')), caseIds: transferred }))} data-testid="cases-transferred">
            {t('list.transferredCount', { count: transferred.length })}
          </Button>
        </Box>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography color="text.secondary" data-testid="case-count">
          {t('list.count', { count: total })}
        </Typography>
        {deferredSearch && found?.truncated && <Chip size="small" label="…" />}
      </Stack>
      {deferredSearch && found && found.hits.length === 0 ? (
        <Alert severity="info" data-testid="case-no-results">
          {t('list.noResults')}
        </Alert>
      ) : (
        <Box sx={{ flexGrow: 1, minHeight: 300 }}>
          <DataGrid
            rows={rows}
            columns={columns}
            getRowId={(row) => row.id}
            loading={deferredSearch ? !found : !listed}
            density="compact"
            disableColumnMenu
            disableRowSelectionOnClick
            localeText={localeText}
            onRowClick={({ row }) => navigate(`/cases/${row.id}`)}
            hideFooter={!!deferredSearch}
            paginationMode={deferredSearch ? 'client' : 'server'}
            sortingMode={deferredSearch ? 'client' : 'server'}
            rowCount={deferredSearch ? undefined : total}
            paginationModel={paginationModel}
            pageSizeOptions={[25, 50, 100]}
            onPaginationModelChange={(model) => dispatch(pageChanged(model))}
            sortModel={sortModel}
            onSortModelChange={(model) => {
              const [first] = model;
              if (first?.sort) dispatch(sortChanged({ field: first.field as CaseSortField, direction: first.sort }));
            }}
            getRowClassName={() => 'case-row'}
            sx={{ bgcolor: 'background.paper', '& .case-row': { cursor: 'pointer' } }}
            data-testid="case-grid"
            data-today={today}
          />
        </Box>
      )}
    </Stack>
  );
}
