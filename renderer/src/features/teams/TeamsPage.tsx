import GroupsIcon from '@mui/icons-material/Groups';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** Interagency teams of the mahallas and the district working group. */
export function TeamsPage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('teams.title')} subtitle={t('teams.subtitle')} />
      <EmptyState icon={<GroupsIcon />} title={t('teams.emptyTitle')} text={t('teams.emptyText')} />
    </>
  );
}
