import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { applyEvent } from '../../db/repositories/cases';
import { listDocuments } from '../../db/repositories/documents';
import { toIsoDate, type IsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import { useActor, useAppSelector } from '../../app/hooks';
import { triLingualIn } from '../../domain/names';
import { RISK_LEVELS, VULNERABILITY_CRITERIA, type RiskLevel } from '../../domain/vulnerability';
import { canOnCase } from '../../domain/access';
import { availableEvents, closureOutcomesFor, nextStages, type CaseEvent, type OpenStage } from '../../domain/stages';
import { DateField } from '../../ui/DateField';
import { currentPlan } from '../../db/repositories/plans';
import { GOAL_RESULTS, type GoalResult } from '../../domain/closure';

type Action = { kind: 'advance'; to: OpenStage } | { kind: 'decideEligibility' } | { kind: 'signAgreement' } | { kind: 'close' } | { kind: 'reopen' } | { kind: 'urgentAction' };

/** The stage moves the case allows now, each through a small dialog that asks what the history needs. */
export function StageActions({ kase }: { kase: FamilyCase }) {
  const { t } = useTranslation('cases');
  const [action, setAction] = useState<Action | null>(null);
  const actor = useActor();
  // Closing and reopening are the supervisor's approval; others do not see those steps.
  const events = availableEvents(kase).filter((event) => (event !== 'close' && event !== 'reopen') || (!!actor && canOnCase(actor, event, kase)));
  if (kase.deletedAt) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="stage-actions">
      {events.includes('advance') && nextStages(kase.stage).map((to) => (
        <Button key={to} variant="contained" onClick={() => setAction({ kind: 'advance', to })} data-testid={`advance-${to}`}>
          {t('card.moveTo')}: {t(`stage.${to}`)}
        </Button>
      ))}
      {events.includes('decideEligibility') && (
        <Button variant="outlined" onClick={() => setAction({ kind: 'decideEligibility' })} data-testid="decide-eligibility">
          {t('card.decideEligibility')}
        </Button>
      )}
      {events.includes('signAgreement') && (
        <Button variant="outlined" onClick={() => setAction({ kind: 'signAgreement' })} data-testid="sign-agreement">
          {t('card.signAgreement')}
        </Button>
      )}
      {events.includes('urgentAction') && (
        <Button color="warning" variant="outlined" onClick={() => setAction({ kind: 'urgentAction' })} data-testid="urgent-action">
          {t('card.urgentAction')}
        </Button>
      )}
      {events.includes('close') && (
        <Button color="inherit" onClick={() => setAction({ kind: 'close' })} data-testid="close-case">
          {t('card.close')}
        </Button>
      )}
      {events.includes('reopen') && (
        <Button variant="contained" onClick={() => setAction({ kind: 'reopen' })} data-testid="reopen-case">
          {t('card.reopen')}
        </Button>
      )}
      {action && <EventDialog kase={kase} action={action} onClose={() => setAction(null)} />}
    </Stack>
  );
}

function EventDialog({ kase, action, onClose }: { kase: FamilyCase; action: Action; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const today = toIsoDate(new Date());
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string>(today);
  const [decision, setDecision] = useState<'eligible' | 'notEligible'>('eligible');
  const actor = useActor();
  // "Not eligible" closes the case, which is the supervisor's approval.
  const mayClose = !!actor && canOnCase(actor, 'close', kase);
  const [number, setNumber] = useState('');
  // The agreement printed last for this case is most likely the one signed: offer its number.
  const printed = useLiveQuery(() => (action.kind === 'signAgreement' ? listDocuments(db, { caseId: kase.id }) : Promise.resolve([])), [db, kase.id, action.kind]);
  const lastAgreement = printed?.find((record) => record.kind === 'familyAgreement');
  useEffect(() => {
    if (lastAgreement) setNumber((current) => current || lastAgreement.number);
  }, [lastAgreement]);
  const outcomes = closureOutcomesFor(kase.stage);
  const [outcome, setOutcome] = useState(outcomes[0]!);
  const [busy, setBusy] = useState(false);
  const [description, setDescription] = useState('');
  const [responsible, setResponsible] = useState('');
  // The primary assessment confirms the criteria recorded at identification, and may add or drop some.
  const [criteria, setCriteria] = useState<string[]>(kase.vulnerability);
  const [riskLevel, setRiskLevel] = useState<RiskLevel>(kase.riskLevel);
  const language = useAppSelector((state) => state.session.language);
  const [problems, setProblems] = useState<string[]>([]);
  // Closing gives each goal of the plan its outcome (the closure act prints them).
  const plan = useLiveQuery(() => (action.kind === 'close' ? currentPlan(db, kase.id) : Promise.resolve(undefined)), [db, kase.id, action.kind]);
  const [goalResults, setGoalResults] = useState<Record<string, { result: GoalResult | ''; note: string }>>({});

  const event = (): CaseEvent => {
    switch (action.kind) {
      case 'advance':
        return { type: 'advance', to: action.to, reason };
      case 'decideEligibility':
        return { type: 'decideEligibility', decision, reason, date: date as IsoDate, ...(decision === 'eligible' ? { criteria, riskLevel } : {}) };
      case 'signAgreement':
        return { type: 'signAgreement', signedDate: date as IsoDate, number };
      case 'close':
        return { type: 'close', outcome, reason, date: date as IsoDate };
      case 'reopen':
        return { type: 'reopen', reason };
      case 'urgentAction':
        return { type: 'urgentAction', reason };
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      const goalOutcomes = (plan?.goals ?? []).flatMap((goal) => {
        const chosen = goalResults[goal.id];
        return chosen?.result ? [{ goalId: goal.id, result: chosen.result, note: chosen.note }] : [];
      });
      await applyEvent(db, kase.id, event(), action.kind === 'urgentAction' ? { description, responsible, dueDate: date as IsoDate } : undefined, action.kind === 'close' ? { goalOutcomes } : undefined);
      onClose();
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'stageRefused' || error.code === 'stageRequirement')) {
        setProblems(error.message.split(' ').map((code) => t(`errors:stage.${code}`)));
      } else if (error instanceof DomainError) {
        setProblems([t(`errors:domain.${error.code}`)]);
      } else {
        console.error(error);
        setProblems([t('errors:domain.unexpected')]);
      }
    } finally {
      setBusy(false);
    }
  };

  const title =
    action.kind === 'advance' ? `${t('card.moveTo')}: ${t(`stage.${action.to}`)}` : t(`card.${action.kind === 'close' ? 'close' : action.kind === 'reopen' ? 'reopen' : action.kind}`);
  const needsDate = ['decideEligibility', 'signAgreement', 'close', 'urgentAction'].includes(action.kind);
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="event-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {action.kind === 'urgentAction' && <Typography color="text.secondary">{t('card.urgentActionText')}</Typography>}
          {action.kind === 'decideEligibility' && (
            <TextField select label={t('card.eligibility')} value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'event-decision' } as object } }}>
              <MenuItem value="eligible" data-testid="decision-eligible">{t('card.eligible')}</MenuItem>
              <MenuItem value="notEligible" data-testid="decision-notEligible" disabled={!mayClose}>
                {t('card.notEligible')}
                {!mayClose && ` — ${t('card.supervisorDecides')}`}
              </MenuItem>
            </TextField>
          )}
          {action.kind === 'decideEligibility' && decision === 'eligible' && (
            <>
              <Autocomplete
                multiple
                options={VULNERABILITY_CRITERIA.map((criterion) => criterion.code)}
                value={criteria}
                onChange={(_, value) => setCriteria(value)}
                getOptionLabel={(code) => {
                  const criterion = VULNERABILITY_CRITERIA.find((c) => c.code === code);
                  return criterion ? triLingualIn(criterion.name, language) : code;
                }}
                renderInput={(params) => <TextField {...params} label={t('card.confirmedCriteria')} helperText={t('card.confirmedCriteriaHelp')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'event-criteria' } }} />}
              />
              <TextField select label={t('field.riskLevel')} value={riskLevel} onChange={(e) => setRiskLevel(e.target.value as RiskLevel)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'event-risk' } as object } }}>
                {RISK_LEVELS.map((level) => (
                  <MenuItem key={level.code} value={level.code}>
                    {level.code} — {triLingualIn(level.name, language)}
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          {action.kind === 'close' && (
            <TextField select label={t('card.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'event-outcome' } as object } }}>
              {outcomes.map((o) => (
                <MenuItem key={o} value={o}>
                  {t(`outcome.${o}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {action.kind === 'close' && plan && plan.goals.length > 0 && (
            <Stack spacing={1} data-testid="goal-outcomes">
              <Typography variant="subtitle2">{t('closure.goalOutcomes')}</Typography>
              {plan.goals.map((goal, index) => (
                <Stack key={goal.id} direction={{ xs: 'column', sm: 'row' }} spacing={1} data-testid="goal-outcome">
                  <Typography sx={{ flex: 2, pt: 1 }}>
                    {index + 1}. {goal.text}
                  </Typography>
                  <TextField
                    select
                    size="small"
                    sx={{ flex: 1, minWidth: 170 }}
                    label={t('closure.result')}
                    value={goalResults[goal.id]?.result ?? ''}
                    onChange={(e) => setGoalResults((r) => ({ ...r, [goal.id]: { note: r[goal.id]?.note ?? '', result: e.target.value as GoalResult } }))}
                    slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'goal-result' } as object } }}
                  >
                    {GOAL_RESULTS.map((result) => (
                      <MenuItem key={result} value={result}>
                        {t(`closure.results.${result}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField size="small" sx={{ flex: 2 }} label={t('closure.note')} value={goalResults[goal.id]?.note ?? ''} onChange={(e) => setGoalResults((r) => ({ ...r, [goal.id]: { result: r[goal.id]?.result ?? '', note: e.target.value } }))} />
                </Stack>
              ))}
            </Stack>
          )}
          {action.kind === 'signAgreement' && (
            <TextField label={t('card.agreementNumber')} value={number} onChange={(e) => setNumber(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'event-number' } }} />
          )}
          {action.kind === 'urgentAction' && (
            <>
              <TextField label={t('card.actionDescription')} value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'event-description' } }} />
              <TextField label={t('card.actionResponsible')} value={responsible} onChange={(e) => setResponsible(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'event-responsible' } }} />
            </>
          )}
          {needsDate && <DateField label={action.kind === 'urgentAction' ? t('card.actionDue') : t('card.date')} value={date} onChange={setDate} testId="event-date" maxDate={action.kind === 'urgentAction' ? undefined : today} />}
          {action.kind !== 'signAgreement' && (
            <TextField label={t('card.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'event-reason' } }} />
          )}
          {problems.length > 0 && (
            <Alert severity="error" data-testid="event-error">
              {problems.map((problem) => (
                <div key={problem}>{problem}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void confirm()} data-testid="event-confirm">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
