import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { saveTeam } from '../../db/repositories/directory';
import { mahallaTeamDraftSchema, TEAM_ROLES, type AgencyKind, type Specialist, type TeamMember, type TeamRole } from '../../domain/directory';
import type { Mahalla } from '../../domain/mahalla';
import { biScriptIn } from '../../domain/names';
import { issuesByPath } from '../../domain/validation';
import { MembersEditor } from './MembersEditor';
import { namesAttribute, type Directory } from './useDirectory';

/** The role a specialist of an agency usually holds in a mahalla team (seeds 000 §2); the user may change it. */
const ROLE_OF_KIND: Partial<Record<AgencyKind, TeamRole>> = {
  mahalla: 'mahallaRepresentative',
  familySupport: 'ministrySpecialist',
  internalAffairs: 'juvenileInspector',
  health: 'medicalWorker',
  education: 'schoolPsychologist',
};

/** Sets a mahalla's interagency team: its members with their roles and the case manager who coordinates it. */
export function TeamDialog({ mahalla, directory, onClose }: { mahalla: Mahalla; directory: Directory; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const { language } = directory;
  const team = directory.teamOf(mahalla.id);
  const [members, setMembers] = useState<TeamMember[]>(team?.members ?? []);
  const [coordinator, setCoordinator] = useState(team?.coordinatorUserId ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  // A specialist picked but not added would be lost on saving: the user is told instead.
  const [pending, setPending] = useState(false);
  const [busy, setBusy] = useState(false);

  const caseManagers = directory.accounts.filter((account) => account.id === coordinator || (account.active && account.roles.includes('caseManager')));
  const suggestRole = (specialist: Specialist): TeamRole => {
    const kind = directory.agencies.find((agency) => agency.id === specialist.agencyId)?.kind;
    return (kind && ROLE_OF_KIND[kind]) ?? 'other';
  };

  const save = async () => {
    if (pending) return setProblems(['memberNotAdded']);
    const draft = { mahallaId: mahalla.id, members, coordinatorUserId: coordinator || null };
    const parsed = mahallaTeamDraftSchema.safeParse(draft);
    setProblems(parsed.success ? [] : [...new Set(Object.values(issuesByPath(parsed.error)))]);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await saveTeam(db, draft);
      feedback.done('teams:team.saved');
      onClose();
    } catch (failure) {
      feedback.failure(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('team.editTitle', { mahalla: directory.mahallaName(mahalla.id) })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {problems.map((code) => (
            <Alert key={code} severity="error">
              {t(`errors:validation.${code}`)}
            </Alert>
          ))}
          <MembersEditor
            directory={directory}
            roles={TEAM_ROLES}
            roleLabel={(role) => t(`teamRole.${role}`)}
            members={members}
            onChange={setMembers}
            suggestRole={suggestRole}
            servingMahallaId={mahalla.id}
            testId="team"
            onPending={setPending}
          />
          <TextField
            select
            label={t('field.coordinator')}
            value={coordinator}
            onChange={(event) => setCoordinator(event.target.value)}
            sx={{ maxWidth: 480 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'team-coordinator' } as object } }}
          >
            <MenuItem value="">
              <em>{t('notChosen')}</em>
            </MenuItem>
            {caseManagers.map((account) => (
              <MenuItem key={account.id} value={account.id} data-names={namesAttribute(account.username, account.fullName.latn, account.fullName.cyrl)}>
                {biScriptIn(account.fullName, language)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="team-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
