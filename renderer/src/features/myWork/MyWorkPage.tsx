import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** The case manager's own due work: monitoring, plan actions, approvals. */
export function MyWorkPage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('myWork.title')} subtitle={t('myWork.subtitle')} />
      <EmptyState icon={<TaskAltIcon />} title={t('myWork.emptyTitle')} text={t('myWork.emptyText')} />
    </>
  );
}
