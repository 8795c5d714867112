import PrintIcon from '@mui/icons-material/PrintOutlined';
import { Button, type ButtonProps } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import { canDo, canOnCase } from '../../domain/access';
import { documentScope } from '../../domain/documentRegister';
import { CaseWorkDocumentDialog, type CaseWorkDocumentTarget } from './CaseWorkDocumentDialog';

/**
 * A button that prepares one case-work document — the plan, the assessment summary, a monitoring
 * report, the closure act, a conference's minutes, a team member's task sheet — in the dialog with
 * the preview. Shown only to a user who may generate it: documents of one case need the right to
 * change that case, as the register asks.
 */
export function PrintDocumentButton({ label, variant = 'outlined', size, ...target }: CaseWorkDocumentTarget & { label?: string; variant?: ButtonProps['variant']; size?: ButtonProps['size'] }) {
  const { t } = useTranslation('register');
  const { db } = useServices();
  const actor = useActor();
  const [open, setOpen] = useState(false);
  const kase = useLiveQuery(async () => (target.caseId ? ((await db.cases.get(target.caseId)) ?? null) : null), [db, target.caseId]);
  const caseDocument = documentScope(target.kind) === 'case';
  const allowed = !!actor && canDo(actor, 'generateDocuments') && (!caseDocument || (!!kase && canOnCase(actor, 'change', kase)));
  if (!allowed) return null;
  return (
    <>
      <Button variant={variant} size={size} startIcon={<PrintIcon />} onClick={() => setOpen(true)} data-testid={`print-${target.kind}`}>
        {label ?? t(`print.${target.kind}`)}
      </Button>
      {open && <CaseWorkDocumentDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
