import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** The case list. Until case files exist it says so plainly. */
export function CasesPage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('cases.title')} subtitle={t('cases.subtitle')} />
      <EmptyState icon={<FolderSharedIcon />} title={t('cases.emptyTitle')} text={t('cases.emptyText')} />
    </>
  );
}
