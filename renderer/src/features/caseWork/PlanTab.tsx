import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { Alert, Autocomplete, Box, Button, Checkbox, Chip, FormControlLabel, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { approvePlan, completePlan, listPlanRevisions, listPlans, savePlan } from '../../db/repositories/plans';
import { listUsers } from '../../db/repositories/users';
import { canOnCase } from '../../domain/access';
import { ALL_DOMAINS, approvalProblem, sideOf, type TriangleDomain } from '../../domain/assessment';
import { formatDate, formatDateTime, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { biScriptIn } from '../../domain/names';
import { isChildOn } from '../../domain/person';
import { ACTION_STATUSES, planProblems, type FamilyPlan, type PlanAction, type PlanChange, type PlanContent, type PlanGoal, type Responsible } from '../../domain/plan';
import { DateField } from '../../ui/DateField';
import { PrintDocumentButton } from '../documents';
import { ApproveDialog } from './ApproveDialog';
import { ServicesLog } from './ServicesLog';
import { useResponsibleName } from './useResponsibleName';

/**
 * The family development plan of a case: the revision in force or being written, its goals and
 * actions with who does them by when, approval by a supervisor who did not write it, every
 * revision's history, and the services delivered against it.
 */
export function PlanTab({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const { kase } = file;
  const plans = useLiveQuery(() => listPlans(db, kase.id), [db, kase.id]);
  const [revising, setRevising] = useState(false);
  if (!plans) return null;
  const current = plans.at(-1);
  const mayChange = !!actor && canOnCase(actor, 'change', kase) && !!kase.agreement && kase.stage !== 'closed' && !kase.deletedAt;

  if (!kase.agreement) return <Typography color="text.secondary" data-testid="plan-tab">{t('plan.afterAgreement')}</Typography>;
  const editing = mayChange && (revising || !current || current.status === 'draft');
  return (
    <Stack spacing={3} data-testid="plan-tab">
      {current && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h6" component="h2">
            {t('plan.revision', { revision: current.revision })}
          </Typography>
          <Chip size="small" label={t(`plan.statusLabel.${current.status}`)} color={current.status === 'approved' ? 'success' : current.status === 'completed' ? 'warning' : 'default'} data-testid="plan-status" />
          <Box sx={{ flexGrow: 1 }} />
          <PrintDocumentButton kind="familyPlan" caseId={kase.id} />
          {mayChange && current.status !== 'draft' && !revising && (
            <Button variant="outlined" onClick={() => setRevising(true)} data-testid="plan-revise">
              {t('plan.revise')}
            </Button>
          )}
        </Stack>
      )}
      {editing ? (
        <PlanEditor key={`${current?.id}-${current?.rev}`} file={file} plan={current ?? null} onDone={() => setRevising(false)} />
      ) : current ? (
        <PlanView file={file} plan={current} />
      ) : (
        <Typography color="text.secondary">{t('plan.none')}</Typography>
      )}
      {current && <RevisionHistory file={file} />}
      <ServicesLog file={file} plan={current} />
    </Stack>
  );
}

function PlanView({ file, plan }: { file: CaseFile; plan: FamilyPlan }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const { submit } = useSubmit();
  const actor = useActor();
  const { personName } = useResponsibleName(file);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const language = useAppSelector((state) => state.session.language);
  const [approving, setApproving] = useState(false);
  const problem = actor ? approvalProblem(plan, actor) : 'approverNotSupervisor';
  const approver = plan.approval ? users.find((user) => user.id === plan.approval!.by) : undefined;
  const complete = () => submit(() => completePlan(db, plan.id), 'cases:plan.completed');
  return (
    <Stack spacing={2} data-testid="plan-view">
      <PlanGoals file={file} plan={plan} />
      <Typography>
        <b>{t('plan.participants')}:</b> {plan.participants.map(personName).join(', ') || '—'}
      </Typography>
      {plan.approval && (
        <Alert severity="success" data-testid="plan-approval">
          {t('triangle.approvedBy', { name: approver ? biScriptIn(approver.fullName, language) : '—', date: formatDateTime(plan.approval.at), note: plan.approval.note || '—' })}
        </Alert>
      )}
      {plan.status === 'draft' && (
        <Button variant="contained" sx={{ alignSelf: 'flex-start' }} onClick={() => void complete()} data-testid="plan-complete">
          {t('plan.complete')}
        </Button>
      )}
      {plan.status === 'completed' && problem === 'approverIsAuthor' && <Alert severity="info">{t('plan.notYours')}</Alert>}
      {plan.status === 'completed' && problem === null && (
        <Button variant="contained" color="success" sx={{ alignSelf: 'flex-start' }} onClick={() => setApproving(true)} data-testid="plan-approve">
          {t('plan.approve')}
        </Button>
      )}
      {approving && (
        <ApproveDialog title={t('plan.approveTitle', { revision: plan.revision })} action={t('plan.approve')} doneKey="cases:plan.approved" testId="plan" onApprove={(note) => approvePlan(db, plan.id, note)} onClose={() => setApproving(false)} />
      )}
    </Stack>
  );
}

/** The goals, each with the domains it answers and its actions: who, by when, where it stands. */
export function PlanGoals({ file, plan }: { file: CaseFile; plan: Pick<FamilyPlan, 'goals' | 'actions'> }) {
  const { t } = useTranslation('cases');
  const { personName, responsibleName } = useResponsibleName(file);
  const today = toIsoDate(new Date());
  return (
    <Stack spacing={2}>
      {plan.goals.map((goal, index) => (
        <Paper key={goal.id} variant="outlined" sx={{ p: 1.5 }} data-testid={`plan-goal-${index}`}>
          <Typography sx={{ fontWeight: 600 }}>
            {index + 1}. {goal.text} {goal.personId && `(${personName(goal.personId)})`}
          </Typography>
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, my: 0.5 }}>
            {goal.domains.map((domain) => (
              <Chip key={domain} size="small" variant="outlined" label={t(`triangle.domain.${domain}`)} />
            ))}
          </Stack>
          <Table size="small" sx={{ tableLayout: 'fixed' }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '40%' }}>{t('plan.action')}</TableCell>
                <TableCell sx={{ width: '25%' }}>{t('plan.responsible')}</TableCell>
                <TableCell sx={{ width: '12%' }}>{t('plan.deadline')}</TableCell>
                <TableCell>{t('plan.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.actions
                .filter((action) => action.goalId === goal.id)
                .map((action) => {
                  const late = (action.status === 'planned' || action.status === 'inProgress') && isIsoDate(action.deadline) && action.deadline < today;
                  return (
                    <TableRow key={action.id} data-testid="plan-action">
                      <TableCell>{action.description}</TableCell>
                      <TableCell>{responsibleName(action.responsible)}</TableCell>
                      <TableCell sx={late ? { color: 'error.main', fontWeight: 600 } : undefined}>{isIsoDate(action.deadline) ? formatDate(action.deadline) : '—'}</TableCell>
                      <TableCell>
                        {t(`plan.actionStatus.${action.status}`)}
                        {action.status === 'dropped' && ` — ${action.droppedReason}`}
                      </TableCell>
                    </TableRow>
                  );
                })}
            </TableBody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}

const newId = () => crypto.randomUUID();

function PlanEditor({ file, plan, onDone }: { file: CaseFile; plan: FamilyPlan | null; onDone: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const { specialistChoices, personName } = useResponsibleName(file);
  const today = toIsoDate(new Date());
  const members = file.members.filter((m) => m.membership.to === null);
  const children = members.filter((m) => isChildOn(m.person.birthDate, today));
  const [content, setContent] = useState<PlanContent>(() => (plan ? { goals: plan.goals, actions: plan.actions, participants: plan.participants } : { goals: [{ id: newId(), text: '', domains: [], personId: null }], actions: [], participants: [] }));
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  // A change to a plan in force is a new revision: it says why.
  const newRevision = !!plan && plan.status !== 'draft';
  const problems = planProblems(content);

  const setGoal = (id: string, change: Partial<PlanGoal>) => setContent((c) => ({ ...c, goals: c.goals.map((g) => (g.id === id ? { ...g, ...change } : g)) }));
  const setAction = (id: string, change: Partial<PlanAction>) => setContent((c) => ({ ...c, actions: c.actions.map((a) => (a.id === id ? { ...a, ...change } : a)) }));
  const addAction = (goalId: string) =>
    setContent((c) => ({ ...c, actions: [...c.actions, { id: newId(), goalId, description: '', responsible: { kind: 'member', personId: members[0]?.person.id ?? '' }, deadline: '' as IsoDate, status: 'planned', droppedReason: '' }] }));
  const removeGoal = (id: string) => setContent((c) => ({ ...c, goals: c.goals.filter((g) => g.id !== id), actions: c.actions.filter((a) => a.goalId !== id) }));

  const save = async (complete: boolean) => {
    const saved = await submit(async () => {
      const plan = await savePlan(db, file.kase.id, content, reason);
      if (complete) await completePlan(db, plan.id);
    }, complete ? 'cases:plan.completed' : 'cases:plan.saved');
    if (saved) onDone();
  };

  const responsibleValue = (r: Responsible) => (r.kind === 'member' ? `member:${r.personId}` : `specialist:${r.specialistId}`);
  const parseResponsible = (value: string): Responsible => (value.startsWith('member:') ? { kind: 'member', personId: value.slice(7) } : { kind: 'specialist', specialistId: value.slice(11) });

  return (
    <Stack spacing={2} data-testid="plan-editor">
      {content.goals.map((goal, index) => (
        <Paper key={goal.id} variant="outlined" sx={{ p: 2 }} data-testid={`plan-goal-edit-${index}`}>
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField label={t('plan.goal', { n: index + 1 })} fullWidth multiline value={goal.text} onChange={(e) => setGoal(goal.id, { text: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'goal-text' } }} />
              <IconButton aria-label={t('plan.removeGoal')} onClick={() => removeGoal(goal.id)} disabled={content.goals.length === 1}>
                <DeleteIcon />
              </IconButton>
            </Stack>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5}>
              <Autocomplete
                multiple
                sx={{ flex: 2 }}
                options={ALL_DOMAINS as TriangleDomain[]}
                value={goal.domains}
                onChange={(_, value) => setGoal(goal.id, { domains: value })}
                getOptionLabel={(domain) => t(`triangle.domain.${domain}`)}
                groupBy={(domain) => t(`triangle.side.${sideOf(domain)}`)}
                renderInput={(params) => <TextField {...params} label={t('plan.domains')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'goal-domains' } }} />}
              />
              <TextField select sx={{ flex: 1 }} label={t('plan.forWhom')} value={goal.personId ?? ''} onChange={(e) => setGoal(goal.id, { personId: e.target.value || null })} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
                <MenuItem value="">{t('plan.wholeFamily')}</MenuItem>
                {children.map((m) => (
                  <MenuItem key={m.person.id} value={m.person.id}>
                    {personName(m.person.id)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            {content.actions
              .filter((action) => action.goalId === goal.id)
              .map((action) => (
                <Stack key={action.id} direction={{ xs: 'column', lg: 'row' }} spacing={1} sx={{ alignItems: { lg: 'flex-start' }, pl: 2, borderLeft: 3, borderColor: 'divider' }} data-testid="action-edit">
                  <TextField size="small" label={t('plan.action')} sx={{ flex: 3 }} multiline value={action.description} onChange={(e) => setAction(action.id, { description: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'action-text' } }} />
                  <TextField
                    select
                    size="small"
                    label={t('plan.responsible')}
                    sx={{ flex: 2, minWidth: 200 }}
                    value={responsibleValue(action.responsible)}
                    onChange={(e) => setAction(action.id, { responsible: parseResponsible(e.target.value) })}
                    slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'action-responsible' } as object } }}
                  >
                    <MenuItem disabled value="">
                      <em>{t('plan.teamMembers')}</em>
                    </MenuItem>
                    {specialistChoices(action.responsible.kind === 'specialist' ? action.responsible.specialistId : null).map((choice) => (
                      <MenuItem key={choice.id} value={`specialist:${choice.id}`}>
                        {choice.label}
                      </MenuItem>
                    ))}
                    <MenuItem disabled value="-">
                      <em>{t('plan.familyMembers')}</em>
                    </MenuItem>
                    {members.map((m) => (
                      <MenuItem key={m.person.id} value={`member:${m.person.id}`}>
                        {personName(m.person.id)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <Box sx={{ flex: 1.3, minWidth: 170 }}>
                    <DateField label={t('plan.deadline')} value={action.deadline} onChange={(date) => setAction(action.id, { deadline: date as IsoDate })} testId="action-deadline" />
                  </Box>
                  <TextField select size="small" label={t('plan.status')} sx={{ flex: 1, minWidth: 140 }} value={action.status} onChange={(e) => setAction(action.id, { status: e.target.value as PlanAction['status'] })} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'action-status' } as object } }}>
                    {ACTION_STATUSES.map((status) => (
                      <MenuItem key={status} value={status}>
                        {t(`plan.actionStatus.${status}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  {action.status === 'dropped' && (
                    <TextField size="small" label={t('plan.droppedReason')} sx={{ flex: 2 }} value={action.droppedReason} onChange={(e) => setAction(action.id, { droppedReason: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'action-dropped-reason' } }} />
                  )}
                  <IconButton aria-label={t('plan.removeAction')} onClick={() => setContent((c) => ({ ...c, actions: c.actions.filter((a) => a.id !== action.id) }))}>
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              ))}
            <Box>
              <Button size="small" startIcon={<AddIcon />} onClick={() => addAction(goal.id)} data-testid="action-add">
                {t('plan.addAction')}
              </Button>
            </Box>
          </Stack>
        </Paper>
      ))}
      <Box>
        <Button startIcon={<AddIcon />} onClick={() => setContent((c) => ({ ...c, goals: [...c.goals, { id: newId(), text: '', domains: [], personId: null }] }))} data-testid="goal-add">
          {t('plan.addGoal')}
        </Button>
      </Box>
      <Box>
        <Typography variant="subtitle2">{t('plan.participants')}</Typography>
        {members.map((m) => (
          <FormControlLabel
            key={m.person.id}
            control={
              <Checkbox
                checked={content.participants.includes(m.person.id)}
                onChange={(e) => setContent((c) => ({ ...c, participants: e.target.checked ? [...c.participants, m.person.id] : c.participants.filter((id) => id !== m.person.id) }))}
                slotProps={{ input: { 'data-testid': `participant-${m.person.id}` } as object }}
              />
            }
            label={personName(m.person.id)}
          />
        ))}
      </Box>
      {(newRevision || plan) && (
        <TextField
          label={newRevision ? t('plan.reasonRequired') : t('plan.reason')}
          required={newRevision}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'plan-reason' } }}
        />
      )}
      {problems.length > 0 && (
        <Alert severity="info" data-testid="plan-problems">
          {[...new Set(problems.map((p) => p.problem))].map((problem) => (
            <div key={problem}>{t(`plan.problem.${problem}`)}</div>
          ))}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" disabled={busy || (newRevision && !reason.trim())} onClick={() => void save(false)} data-testid="plan-save">
          {t('plan.save')}
        </Button>
        <Button variant="contained" disabled={busy || problems.length > 0 || (newRevision && !reason.trim())} onClick={() => void save(true)} data-testid="plan-save-complete">
          {t('plan.saveComplete')}
        </Button>
        {newRevision && <Button onClick={onDone}>{t('common:action.cancel')}</Button>}
      </Stack>
    </Stack>
  );
}

/** Who changed the plan, when, why, and what: each saved change, newest first. */
function RevisionHistory({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const entries = useLiveQuery(() => listPlanRevisions(db, file.kase.id), [db, file.kase.id]) ?? [];
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const { personName, responsibleName } = useResponsibleName(file);
  const describe = (change: PlanChange): string => {
    switch (change.kind) {
      case 'goalAdded':
      case 'goalRemoved':
      case 'actionAdded':
      case 'actionRemoved':
        return t(`plan.change.${change.kind}`, { text: change.text });
      case 'participantsChanged':
        return t('plan.change.participantsChanged', { to: change.to.map(personName).join(', ') || '—' });
      case 'goalChanged':
      case 'actionChanged': {
        const value = (v: unknown): string => {
          if (change.field === 'status') return t(`plan.actionStatus.${String(v)}`);
          if (change.field === 'deadline') return isIsoDate(v as string) ? formatDate(v as IsoDate) : '—';
          if (change.field === 'responsible') return responsibleName(v as Responsible);
          if (change.field === 'domains') return (v as string[]).map((d) => t(`triangle.domain.${d}`)).join(', ');
          if (change.field === 'personId') return v ? personName(v as string) : t('plan.wholeFamily');
          return String(v ?? '') || '—';
        };
        return t('plan.change.fieldChanged', { field: t(`plan.field.${change.field}`), from: value(change.from), to: value(change.to) });
      }
    }
  };
  return (
    <Box data-testid="plan-history">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('plan.history')}
      </Typography>
      <Table size="small">
        <TableBody>
          {entries.map((entry) => {
            const user = users.find((u) => u.id === entry.createdBy);
            return (
              <TableRow key={entry.id} data-testid="plan-history-entry">
                <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {formatDateTime(entry.createdAt)}
                  <br />
                  {user ? biScriptIn(user.fullName, language) : '—'}
                </TableCell>
                <TableCell sx={{ verticalAlign: 'top' }}>{t('plan.revision', { revision: entry.revision })}</TableCell>
                <TableCell sx={{ verticalAlign: 'top' }}>
                  {entry.reason && <Typography sx={{ fontStyle: 'italic' }}>{entry.reason}</Typography>}
                  {entry.changes.map((change, index) => (
                    <Typography key={index} variant="body2">
                      {describe(change)}
                    </Typography>
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
