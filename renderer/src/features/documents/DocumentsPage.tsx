import DescriptionIcon from '@mui/icons-material/Description';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** The register of documents the office printed. */
export function DocumentsPage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('documents.title')} subtitle={t('documents.subtitle')} />
      <EmptyState icon={<DescriptionIcon />} title={t('documents.emptyTitle')} text={t('documents.emptyText')} />
    </>
  );
}
