import { Box, Button, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../app/hooks';
import { canDo } from '../../domain/access';
import { PageHeader } from '../../ui/PageHeader';
import { DecisionDialog } from './DecisionDialog';
import { NumberingForm } from './NumberingForm';
import { RegisterTable } from './RegisterTable';
import { StandardTexts } from './StandardTexts';

/** The document register of the office; administrators also keep the standard texts and the numbering here. */
export function DocumentsPage() {
  const { t } = useTranslation('register');
  const actor = useActor();
  const [tab, setTab] = useState<'register' | 'texts' | 'numbering'>('register');
  const [deciding, setDeciding] = useState(false);
  const mayDecide = !!actor && canDo(actor, 'generateDecision');
  const manages = !!actor && canDo(actor, 'manageOffice');
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          mayDecide && (
            <Button variant="contained" onClick={() => setDeciding(true)} data-testid="new-decision">
              {t('newDecision')}
            </Button>
          )
        }
      />
      {manages && (
        <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ mb: 2 }}>
          <Tab value="register" label={t('tab.register')} data-testid="documents-tab-register" />
          <Tab value="texts" label={t('tab.texts')} data-testid="documents-tab-texts" />
          <Tab value="numbering" label={t('tab.numbering')} data-testid="documents-tab-numbering" />
        </Tabs>
      )}
      <Box>
        {tab === 'register' && <RegisterTable />}
        {tab === 'texts' && <StandardTexts />}
        {tab === 'numbering' && <NumberingForm />}
      </Box>
      {deciding && <DecisionDialog onClose={() => setDeciding(false)} />}
    </>
  );
}
