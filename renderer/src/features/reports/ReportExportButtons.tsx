import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import TableChartIcon from '@mui/icons-material/TableChartOutlined';
import { Button, Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback, useSubmit } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { getOfficeProfile } from '../../db/repositories/office';
import { canDo } from '../../domain/access';
import { formatDate, toIsoDate } from '../../domain/dates';
import { triLingualIn } from '../../domain/names';
import type { Indicators, LocalGroup, ReportOptions } from '../../reports';
import { reportCsv } from '../../reports/export/csv';
import { reportWorkbook, type ReportHeading } from '../../reports/export/workbook';
import { MonthlyReportDialog } from './MonthlyReportDialog';

/** A file name without characters Windows refuses. */
const safe = (text: string) => text.replace(/[\\/:*?"<>|]+/gu, '-').trim();

/**
 * The report as files: an Excel workbook and a CSV of exactly the tables on the screen (the same
 * `LocalGroup[]`), and the printable report through the documents register.
 */
export function ReportExportButtons({ groups, indicators, options, periodLabel }: { groups: LocalGroup[]; indicators: Indicators; options: ReportOptions; periodLabel: string }) {
  const { t } = useTranslation('reports');
  const { db, host } = useServices();
  const actor = useActor();
  const feedback = useFeedback();
  const { submit, busy } = useSubmit();
  const language = useAppSelector((state) => state.session.language);
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  const [printing, setPrinting] = useState(false);

  const heading = (): ReportHeading => ({
    office: office ? triLingualIn(office.name, language) : '',
    period: periodLabel,
    generated: t('page.generated', { date: formatDate(toIsoDate(new Date())) }),
    labelColumn: t('page.labelColumn'),
    title: `${t('pages:reports.title')} — ${periodLabel}`,
  });
  const fileName = (extension: string) => `${safe(`${t('page.fileName')}-${indicators.period.from}-${indicators.period.to}`)}.${extension}`;

  const save = (extension: 'xlsx' | 'csv', bytes: () => Promise<Uint8Array>) =>
    submit(async () => {
      const saved = await host.saveFile({ suggestedName: fileName(extension), filters: [{ name: extension === 'xlsx' ? 'Excel' : 'CSV', extensions: [extension] }], bytes: await bytes() });
      if (saved.ok) feedback.saved(saved.value);
      else feedback.hostError(saved.error);
    });

  return (
    <Stack direction="row" spacing={1}>
      <Button variant="outlined" startIcon={<TableChartIcon />} disabled={busy} onClick={() => void save('xlsx', () => reportWorkbook(groups, heading()))} data-testid="report-export-xlsx">
        {t('page.exportExcel')}
      </Button>
      <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={busy} onClick={() => void save('csv', async () => new TextEncoder().encode(reportCsv(groups, heading())))} data-testid="report-export-csv">
        {t('page.exportCsv')}
      </Button>
      {actor && canDo(actor, 'generateDocuments') && (
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => setPrinting(true)} data-testid="report-print">
          {t('page.print')}
        </Button>
      )}
      {printing && <MonthlyReportDialog indicators={indicators} options={options} onClose={() => setPrinting(false)} />}
    </Stack>
  );
}
