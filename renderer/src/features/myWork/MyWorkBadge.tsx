import { Badge } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useMyWork } from './useMyWork';

/** The navigation's count of what is late or waits for the user: overdue cases and approvals. */
export function MyWorkBadge() {
  const { t } = useTranslation('pages');
  const work = useMyWork();
  const count = work ? work.overdue.length + work.awaitingApproval.length : 0;
  if (count === 0) return null;
  return <Badge color="error" badgeContent={count} max={99} aria-label={t('myWork.badge', { count })} data-testid="my-work-badge" sx={{ mr: 1.5 }} />;
}
