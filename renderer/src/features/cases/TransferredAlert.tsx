import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { formatDate, toIsoDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { triLingualIn } from '../../domain/names';
import { findDistrict } from '../../domain/regions';

/**
 * A case this office sent away in a custody transfer: to which office, when, and that it is
 * read-only here — pending the other office's receipt, or received (the custody is theirs now).
 */
export function TransferredAlert({ kase }: { kase: FamilyCase }) {
  const { t } = useTranslation('cases');
  const language = useAppSelector((state) => state.session.language);
  const out = kase.custody.transferredOut;
  if (!out) return null;
  const code = out.to?.districtCode;
  const district = code ? findDistrict(code)?.district : undefined;
  const office = district ? triLingualIn(district.name, language) : (code ?? t('card.transferred.otherOffice'));
  const date = formatDate(toIsoDate(new Date(out.at)));
  return (
    <Alert severity="info" data-testid="case-transferred-alert">
      {out.receivedAt
        ? t('card.transferred.received', { office, date, received: formatDate(toIsoDate(new Date(out.receivedAt))) })
        : t('card.transferred.pending', { office, date })}
    </Alert>
  );
}
