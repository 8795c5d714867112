import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { saveWorkingGroup } from '../../db/repositories/directory';
import { WORKING_GROUP_ROLES, workingGroupDraftSchema, type TeamMember, type WorkingGroupRole } from '../../domain/directory';
import { issuesByPath } from '../../domain/validation';
import { MembersEditor } from './MembersEditor';
import type { Directory } from './useDirectory';

/** Sets the composition of the district working group, as appendix 2 of the hokim's decision prints it. */
export function WorkingGroupDialog({ directory, onClose }: { directory: Directory; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const [members, setMembers] = useState<TeamMember<WorkingGroupRole>[]>(directory.workingGroup?.members ?? []);
  const [problems, setProblems] = useState<string[]>([]);
  // A specialist picked but not added would be lost on saving: the user is told instead.
  const [pending, setPending] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (pending) return setProblems(['memberNotAdded']);
    const parsed = workingGroupDraftSchema.safeParse({ members });
    setProblems(parsed.success ? [] : [...new Set(Object.values(issuesByPath(parsed.error)))]);
    if (!parsed.success) return;
    setBusy(true);
    try {
      await saveWorkingGroup(db, { members });
      feedback.done('teams:workingGroup.saved');
      onClose();
    } catch (failure) {
      feedback.failure(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('workingGroup.editTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <Alert severity="info">{t('workingGroup.chairHint')}</Alert>
          {problems.map((code) => (
            <Alert key={code} severity="error" data-testid="workingGroup-problem">
              {t(`errors:validation.${code}`)}
            </Alert>
          ))}
          <MembersEditor
            directory={directory}
            roles={WORKING_GROUP_ROLES}
            roleLabel={(role) => t(`workingGroupRole.${role}`)}
            members={members}
            onChange={setMembers}
            suggestRole={() => 'member'}
            testId="workingGroup"
            onPending={setPending}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy} data-testid="workingGroup-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
