import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../app/hooks';
import type { CaseFile } from '../../db/repositories/cases';
import { canDo, canOnCase } from '../../domain/access';
import { formatDate } from '../../domain/dates';
import { AgreementDialog } from './AgreementDialog';
import { RegisterTable } from './RegisterTable';

/**
 * The agreement of a case: whether it is signed, and the agreements printed for it. An eligible
 * family's agreement can be prepared and printed; entering its signed date (the stage actions
 * above) is what brings the case to the agreement stage.
 */
export function AgreementTab({ file }: { file: CaseFile }) {
  const { t } = useTranslation('register');
  const actor = useActor();
  const [preparing, setPreparing] = useState(false);
  const { kase } = file;
  const eligible = kase.eligibility?.decision === 'eligible' && kase.stage !== 'closed' && !kase.deletedAt;
  const mayPrepare = !!actor && canDo(actor, 'generateDocuments') && canOnCase(actor, 'change', kase);
  return (
    <Stack spacing={2}>
      <Typography data-testid="agreement-tab">
        {kase.agreement ? t('cases:card.agreementSigned', { date: formatDate(kase.agreement.signedDate), number: kase.agreement.number || '—' }) : eligible ? t('agreementToPrepare') : t('agreementNotEligibleYet')}
      </Typography>
      {mayPrepare && eligible && (
        <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => setPreparing(true)} data-testid="prepare-agreement">
          {t('prepareAgreement')}
        </Button>
      )}
      <RegisterTable caseId={kase.id} />
      {preparing && <AgreementDialog file={file} onClose={() => setPreparing(false)} />}
    </Stack>
  );
}
