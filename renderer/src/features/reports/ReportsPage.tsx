import AssessmentIcon from '@mui/icons-material/Assessment';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** The indicators the office reports upward. */
export function ReportsPage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <EmptyState icon={<AssessmentIcon />} title={t('reports.emptyTitle')} text={t('reports.emptyText')} />
    </>
  );
}
