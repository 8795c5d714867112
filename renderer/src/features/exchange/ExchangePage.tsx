import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';

/** Backups and case transfers on USB. */
export function ExchangePage() {
  const { t } = useTranslation('pages');
  return (
    <>
      <PageHeader title={t('exchange.title')} subtitle={t('exchange.subtitle')} />
      <EmptyState icon={<SwapHorizIcon />} title={t('exchange.emptyTitle')} text={t('exchange.emptyText')} />
    </>
  );
}
