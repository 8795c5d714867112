import { Alert, Box, CircularProgress, Tab, Tabs } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useActor } from '../../app/hooks';
import { canDo } from '../../domain/access';
import { PageHeader } from '../../ui/PageHeader';
import { AgenciesTab } from './AgenciesTab';
import { SpecialistsTab } from './SpecialistsTab';
import { TeamsTab } from './TeamsTab';
import { useDirectory } from './useDirectory';
import { WorkingGroupTab } from './WorkingGroupTab';
import { WorkloadTab } from './WorkloadTab';

const TABS = ['specialists', 'agencies', 'teams', 'workingGroup', 'workload'] as const;
type TeamsTabKey = (typeof TABS)[number];

/**
 * The interagency directory: specialists, agencies, the team of each mahalla, the district working
 * group and the workload. Administrators and supervisors keep it; everyone else reads it. The open
 * tab is in the address (`?tab=`), so going back or reloading returns to it.
 */
export function TeamsPage() {
  const { t } = useTranslation('teams');
  const actor = useActor();
  const directory = useDirectory();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TeamsTabKey = TABS.find((key) => key === requested) ?? 'specialists';
  const canEdit = !!actor && canDo(actor, 'manageDirectory');

  return (
    <>
      <PageHeader title={t('pages:teams.title')} subtitle={t('pages:teams.subtitle')} />
      {!canEdit && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="teams-read-only">
          {t('readOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_event, next: TeamsTabKey) => setParams({ tab: next }, { replace: true })} variant="scrollable" scrollButtons="auto" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((key) => (
          <Tab key={key} value={key} label={t(`tab.${key}`)} data-testid={`teams-tab-${key}`} />
        ))}
      </Tabs>
      {!directory ? (
        <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
          <CircularProgress aria-busy />
        </Box>
      ) : (
        <Box role="tabpanel" data-testid={`teams-panel-${tab}`}>
          {tab === 'specialists' && <SpecialistsTab directory={directory} canEdit={canEdit} />}
          {tab === 'agencies' && <AgenciesTab directory={directory} canEdit={canEdit} />}
          {tab === 'teams' && <TeamsTab directory={directory} canEdit={canEdit} />}
          {tab === 'workingGroup' && <WorkingGroupTab directory={directory} canEdit={canEdit} />}
          {tab === 'workload' && <WorkloadTab directory={directory} />}
        </Box>
      )}
    </>
  );
}
