import { Alert, Box, LinearProgress, MenuItem, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useActor, useAppDispatch, useAppSelector } from '../../app/hooks';
import { inEveryLanguage } from '../../app/languages';
import { useServices } from '../../app/services';
import { listMahallas } from '../../db/repositories/mahallas';
import { listTeams } from '../../db/repositories/directory';
import { listUsers } from '../../db/repositories/users';
import { canDo } from '../../domain/access';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { localizeTables, periodText, REPORT_GROUPS, reportTables, type Indicators, type ReportCell, type ReportGroup } from '../../reports';
import { PageHeader } from '../../ui/PageHeader';
import { selectionShown } from '../cases';
import { describeFigure, type FigureRef } from './figureTitle';
import { currentMonth, PeriodPicker, periodOf } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { ReportExportButtons } from './ReportExportButtons';
import { FigureValue, ReportGroupView, type ShowCases } from './ReportTables';
import { periodChosen, reportFilterChanged } from './reportsSlice';
import { useReport } from './useReport';

function KeyFigure({ figure, label, cell, showCases, testId }: { figure: string; label: string; cell: ReportCell; showCases: ShowCases; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="h5" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        <FigureValue cell={cell} what={{ kind: 'key', key: figure }} showCases={showCases} testId={testId} />
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Paper>
  );
}

/** The figures a glance at the dashboard should give, each opening its cases. */
function KeyFigures({ indicators, showCases }: { indicators: Indicators; showCases: ShowCases }) {
  const { t } = useTranslation('reports');
  const { families, outcomes, process } = indicators;
  const count = (value: number, caseIds?: string[]): ReportCell => ({ value, format: 'count', ...(caseIds ? { caseIds } : {}) });
  const figures: [string, string, ReportCell][] = [
    ['openFamilies', t('dashboard.openFamilies'), count(families.openAtEnd.families, families.openAtEnd.caseIds)],
    ['openChildren', t('dashboard.openChildren'), count(families.openAtEnd.children, families.openAtEnd.caseIds)],
    ['new', t('dashboard.new'), count(families.new.families, families.new.caseIds)],
    ['closed', t('dashboard.closed'), count(families.closed.families, families.closed.caseIds)],
    ['selfSufficient', t('dashboard.selfSufficient'), count(outcomes.selfSufficient.families, outcomes.selfSufficient.caseIds)],
    ['keptInFamily', t('dashboard.keptInFamily'), count(outcomes.keptInFamily.children, outcomes.keptInFamily.caseIds)],
    ['monitoringOnTime', t('dashboard.monitoringOnTime'), { value: process.monitoring.percent, format: 'percent' }],
    ['monitoringsLate', t('dashboard.monitoringsLate'), count(process.monitoring.due - process.monitoring.onTime, process.monitoring.lateCaseIds)],
  ];
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }} data-testid="report-key-figures">
      {figures.map(([key, label, cell]) => (
        <KeyFigure key={key} figure={key} label={label} cell={cell} showCases={showCases} testId={`report-key-${key}`} />
      ))}
    </Stack>
  );
}

/** The indicators the office reports upward: a dashboard, the tables, and their exports. */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const { db } = useServices();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const { period: chosen, mahallaId, caseManagerId } = useAppSelector((state) => state.reports);
  const [today] = useState(() => new Date());
  const choice = chosen ?? currentMonth(today);
  const period = useMemo(() => periodOf(choice), [choice]);
  const [tab, setTab] = useState<ReportGroup>('families');

  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const teams = useLiveQuery(() => listTeams(db), [db]) ?? [];
  const caseManagers = users.filter((user) => user.roles.includes('caseManager'));

  const options = useMemo(() => ({ ...(mahallaId ? { mahallaId } : {}), ...(caseManagerId ? { caseManagerId } : {}) }), [mahallaId, caseManagerId]);
  const report = useReport(period, options);
  const indicators = report.status === 'ready' ? report.indicators : null;
  const periodLabel = indicators ? periodText(indicators.label, i18n.t.bind(i18n)) : '';
  const groups = useMemo(
    () => (indicators ? localizeTables(reportTables(indicators), i18n.t.bind(i18n), language, { mahallas, users, teams }) : []),
    [indicators, i18n, language, mahallas, users, teams],
  );

  const showCases: ShowCases = useCallback(
    (what: FigureRef, caseIds: string[]) => {
      if (!indicators) return;
      // Named in every language now: the case list follows a later switch of language.
      const title = inEveryLanguage(i18n, (tl, lang) => {
        const named = lang === language ? groups : localizeTables(reportTables(indicators), tl, lang, { mahallas, users, teams });
        return tl('reports:selection', { what: describeFigure(what, named, i18n.getFixedT(lang, 'reports')), period: periodText(indicators.label, tl) });
      });
      dispatch(selectionShown({ title, caseIds }));
      navigate('/cases');
    },
    [dispatch, navigate, i18n, indicators, language, groups, mahallas, users, teams],
  );
  const canOpen = !!actor && canDo(actor, 'listCases');

  return (
    <Stack spacing={2}>
      <PageHeader title={t('pages:reports.title')} subtitle={t('pages:reports.subtitle')} actions={indicators && <ReportExportButtons groups={groups} indicators={indicators} options={options} periodLabel={periodLabel} />} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <PeriodPicker value={choice} onChange={(next) => dispatch(periodChosen(next))} today={today} />
          <TextField select fullWidth={false} size="small" label={t('page.mahalla')} value={mahallaId} onChange={(event) => dispatch(reportFilterChanged({ key: 'mahallaId', value: event.target.value }))} sx={{ minWidth: 180 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-mahalla' } as object } }}>
            <MenuItem value="">{t('page.all')}</MenuItem>
            {mahallas.map((mahalla) => (
              <MenuItem key={mahalla.id} value={mahalla.id}>
                {triLingualIn(mahalla.name, language)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select fullWidth={false} size="small" label={t('page.caseManager')} value={caseManagerId} onChange={(event) => dispatch(reportFilterChanged({ key: 'caseManagerId', value: event.target.value }))} sx={{ minWidth: 200 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'report-case-manager' } as object } }}>
            <MenuItem value="">{t('page.all')}</MenuItem>
            {caseManagers.map((user) => (
              <MenuItem key={user.id} value={user.id}>
                {biScriptIn(user.fullName, language)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Paper>
      {report.status === 'reading' && (
        <Box data-testid="report-reading">
          <Typography color="text.secondary">{t('page.reading', { read: report.read, of: report.of })}</Typography>
          <LinearProgress variant="determinate" value={(100 * report.read) / Math.max(1, report.of)} />
        </Box>
      )}
      {report.status === 'computing' && <LinearProgress data-testid="report-computing" aria-label={t('page.computing')} />}
      {report.status === 'failed' && (
        <Alert severity="error" data-testid="report-failed">
          {t('page.failed')} {t(`errors:domain.${report.code}`)}
        </Alert>
      )}
      {indicators && (
        <Stack spacing={2} data-testid="report-ready" data-period={`${indicators.period.from}/${indicators.period.to}`}>
          <Typography variant="h6" component="h2" data-testid="report-period">
            {periodLabel}
          </Typography>
          <KeyFigures indicators={indicators} showCases={canOpen ? showCases : null} />
          <ReportCharts groups={groups} trend={report.status === 'ready' ? report.trend : null} showCases={canOpen ? showCases : null} />
          {canOpen && <Typography color="text.secondary">{t('page.clickHint')}</Typography>}
          <Tabs value={tab} onChange={(_event, value: ReportGroup) => setTab(value)} variant="scrollable">
            {REPORT_GROUPS.map((group) => (
              <Tab key={group} value={group} label={t(`group.${group}`)} data-testid={`report-tab-${group}`} />
            ))}
          </Tabs>
          {groups
            .filter((group) => group.group === tab)
            .map((group) => (
              <ReportGroupView key={group.group} group={group} showCases={canOpen ? showCases : null} />
            ))}
        </Stack>
      )}
    </Stack>
  );
}
