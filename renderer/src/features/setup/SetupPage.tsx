import { Alert, Box, Button, Container, Divider, Paper, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useState } from 'react';
import iconUrl from '../../../../resources/icon.svg';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../app/feedback';
import { useAppDispatch } from '../../app/hooks';
import { useServices } from '../../app/services';
import { loggedIn } from '../../app/sessionSlice';
import { completeFirstRun, type FirstRunInput } from '../../db/repositories/setup';
import { newId } from '../../domain/record';
import { EMPTY_BI_SCRIPT } from '../../ui/BiScriptField';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { NoticeBar } from '../../app/NoticeBar';
import { RestoreDialog } from '../exchange';
import { MahallaEditor } from '../mahallas';
import { EMPTY_OFFICE_DRAFT, OfficeForm } from '../office';
import { AdministratorForm } from './AdministratorForm';
import type { NewPassword } from '../accounts';
import { clearSetupDraft, loadSetupDraft, saveSetupDraft, type SetupDraft } from './setupDraft';

const STEPS = ['language', 'office', 'mahallas', 'administrator'] as const;

/**
 * First-run setup: language, the office and its district, the mahallas it serves, and the first
 * user. Nothing is stored until the last step, and then all of it at once; until then the draft
 * survives a reload.
 */
export function SetupPage() {
  const { t } = useTranslation('setup');
  const { db, appInfo } = useServices();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [draft, setDraftState] = useState<SetupDraft>(() => loadSetupDraft() ?? { step: 0, office: null, mahallas: [], administrator: null });
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const setDraft = (next: SetupDraft) => {
    setDraftState(next);
    saveSetupDraft(next);
  };
  const go = (step: number, changes: Partial<SetupDraft> = {}) => setDraft({ ...draft, ...changes, step });
  const back = (
    <Button onClick={() => go(draft.step - 1)} data-testid="setup-back">
      {t('common:action.back')}
    </Button>
  );

  const finish = async (administrator: FirstRunInput['administrator'], password: NewPassword) => {
    if (!draft.office) return go(1);
    setBusy(true);
    try {
      const result = await completeFirstRun(
        db,
        { office: draft.office, mahallas: draft.mahallas.map((m) => m.name), administrator, password: password.password, repeatPassword: password.repeat },
        appInfo.installationId,
      );
      clearSetupDraft();
      const { id, roles, mahallaIds } = result.administrator;
      dispatch(loggedIn({ userId: id, roles, mahallaIds }));
      navigate('/cases', { replace: true });
    } catch (error) {
      feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container maxWidth="lg" sx={{ py: 4 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 3 }} spacing={2}>
        <Box component="img" src={iconUrl} alt="" sx={{ width: 48, height: 48 }} />
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h4" component="h1" data-testid="setup-title">
            {t('title')}
          </Typography>
          <Typography color="text.secondary">{t('subtitle')}</Typography>
        </Box>
      </Stack>
      <Stepper activeStep={draft.step} sx={{ mb: 3 }}>
        {STEPS.map((step) => (
          <Step key={step}>
            <StepLabel>{t(`steps.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper sx={{ p: 3 }} variant="outlined">
        {draft.step === 0 && (
          <Stack spacing={3} sx={{ maxWidth: 480 }}>
            <Typography>{t('language.text')}</Typography>
            <LanguageSwitcher variant="form" />
            <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
              <Button variant="contained" onClick={() => go(1)} data-testid="setup-next">
                {t('common:action.next')}
              </Button>
            </Stack>
            <Divider />
            {/* A PC that replaces a broken one: the office comes back from its backup, users and all. */}
            <Typography color="text.secondary">{t('restore.text')}</Typography>
            <Box>
              <Button variant="outlined" onClick={() => setRestoring(true)} data-testid="setup-restore">
                {t('restore.open')}
              </Button>
            </Box>
          </Stack>
        )}
        {draft.step === 1 && (
          <Stack spacing={2}>
            <Typography color="text.secondary">{t('office.text')}</Typography>
            <OfficeForm
              initial={draft.office ?? EMPTY_OFFICE_DRAFT}
              submitLabel={t('common:action.next')}
              onChange={(office) => setDraft({ ...draft, office })}
              onSubmit={(office) => go(2, { office })}
            />
            <Box>{back}</Box>
          </Stack>
        )}
        {draft.step === 2 && (
          <Stack spacing={2}>
            <Typography color="text.secondary">{t('mahallas.text')}</Typography>
            <MahallaEditor
              items={draft.mahallas}
              onAdd={async (names) => setDraft({ ...draft, mahallas: [...draft.mahallas, ...names.map((name) => ({ id: newId(), name }))] })}
              onRename={async (id, name) => setDraft({ ...draft, mahallas: draft.mahallas.map((m) => (m.id === id ? { id, name } : m)) })}
              onDelete={async (id) => setDraft({ ...draft, mahallas: draft.mahallas.filter((m) => m.id !== id) })}
            />
            {draft.mahallas.length === 0 && <Alert severity="info">{t('mahallas.laterHint')}</Alert>}
            <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
              {back}
              <Button variant="contained" onClick={() => go(3)} data-testid="setup-next">
                {t('common:action.next')}
              </Button>
            </Stack>
          </Stack>
        )}
        {draft.step === 3 && (
          <Stack spacing={2}>
            <Typography color="text.secondary">{t('administrator.text')}</Typography>
            <AdministratorForm
              initial={draft.administrator ?? { fullName: EMPTY_BI_SCRIPT, position: '', username: '' }}
              submitLabel={t('finish')}
              busy={busy}
              back={back}
              onChange={(administrator) => setDraft({ ...draft, administrator })}
              onSubmit={(administrator, password) => void finish(administrator, password)}
            />
          </Stack>
        )}
      </Paper>
      {restoring && <RestoreDialog configured={false} copyFileName="" currentDistrictCode={undefined} firstRun onRestored={clearSetupDraft} onClose={() => setRestoring(false)} />}
      <NoticeBar />
    </Container>
  );
}
