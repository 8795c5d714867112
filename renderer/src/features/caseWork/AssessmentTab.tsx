import { Alert, Box, Button, Chip, MenuItem, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { approveAssessment, completeAssessment, listAssessments, saveAssessment, startAssessment, type AssessmentContent } from '../../db/repositories/assessments';
import type { CaseFile } from '../../db/repositories/cases';
import { listSpecialists } from '../../db/repositories/directory';
import { listUsers } from '../../db/repositories/users';
import { canOnCase } from '../../domain/access';
import { ALL_DOMAINS, approvalProblem, CHILD_DOMAINS, childTriangle, completionProblems, FAMILY_DOMAINS, RATINGS, sideOf, type Assessment, type DomainRating, type Rating, type TriangleDomain } from '../../domain/assessment';
import { formatDate, formatDateTime, toIsoDate, type IsoDate } from '../../domain/dates';
import { biScriptIn } from '../../domain/names';
import { fullName } from '../../domain/person';
import { DateField } from '../../ui/DateField';
import { PrintDocumentButton, TriangleRadar } from '../documents';
import { ApproveDialog } from './ApproveDialog';

const EMPTY_RATING: DomainRating = { rating: null, narrative: '', strengths: '', assessedBy: null };

/**
 * The case's in-depth assessments with the triangle: every version, the draft being written (each
 * child's seven needs, the family's twelve domains, the child's own views, a conclusion), approval
 * by a supervisor who did not write it, and each child's triangle, the first assessment against this one.
 */
export function AssessmentTab({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const feedback = useFeedback();
  const actor = useActor();
  const { kase } = file;
  const versions = useLiveQuery(() => listAssessments(db, kase.id), [db, kase.id]);
  const [selected, setSelected] = useState<string | null>(null);
  if (!versions) return null;
  const current = versions.find((version) => version.id === selected) ?? versions.at(-1);
  const mayChange = !!actor && canOnCase(actor, 'change', kase) && !!kase.agreement && kase.stage !== 'closed' && !kase.deletedAt;
  const hasDraft = versions.some((version) => version.status === 'draft');

  const start = async () => {
    try {
      const created = await startAssessment(db, kase.id, toIsoDate(new Date()));
      setSelected(created.id);
    } catch (error) {
      feedback.failure(error);
    }
  };

  return (
    <Stack spacing={2} data-testid="assessment-tab">
      {versions.length === 0 && <Typography color="text.secondary">{t('triangle.none')}</Typography>}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        {versions.map((version) => (
          <Chip
            key={version.id}
            label={`${t('triangle.version', { version: version.version, date: formatDate(version.date) })} · ${t(`triangle.status.${version.status}`)}`}
            color={version.status === 'approved' ? 'success' : version.status === 'completed' ? 'warning' : 'default'}
            variant={version.id === current?.id ? 'filled' : 'outlined'}
            onClick={() => setSelected(version.id)}
            data-testid={`assessment-version-${version.version}`}
          />
        ))}
        {current && current.status !== 'draft' && <PrintDocumentButton kind="assessmentSummary" caseId={kase.id} recordId={current.id} />}
        {mayChange && !hasDraft && (
          <Button variant="contained" onClick={() => void start()} data-testid="assessment-start">
            {versions.length ? t('triangle.reassess') : t('triangle.start')}
          </Button>
        )}
      </Stack>
      {current && current.status === 'draft' && mayChange ? (
        <AssessmentEditor key={current.id} file={file} assessment={current} />
      ) : current ? (
        <AssessmentView file={file} assessment={current} />
      ) : null}
      {current && current.children.length > 0 && <TrianglePictures file={file} first={versions[0]!} current={current} />}
    </Stack>
  );
}

function useNames(file: CaseFile) {
  const language = useAppSelector((state) => state.session.language);
  const script = language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl';
  return (personId: string) => {
    const member = file.members.find((m) => m.person.id === personId);
    return member ? fullName(member.person, script) : '—';
  };
}

function AssessmentEditor({ file, assessment }: { file: CaseFile; assessment: Assessment }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const feedback = useFeedback();
  const language = useAppSelector((state) => state.session.language);
  const nameOf = useNames(file);
  const specialists = useLiveQuery(() => listSpecialists(db), [db]) ?? [];
  const [content, setContent] = useState<AssessmentContent>({ date: assessment.date, children: assessment.children, family: assessment.family, conclusion: assessment.conclusion });
  const [part, setPart] = useState<string>(assessment.children[0]?.personId ?? 'family');
  const [busy, setBusy] = useState(false);
  const problems = completionProblems(content);
  const unrated = problems.filter((p) => p.problem === 'unrated').length;

  const setRating = (domain: TriangleDomain, change: Partial<DomainRating>) => {
    setContent((previous) => {
      if (part === 'family') return { ...previous, family: { ...previous.family, [domain]: { ...EMPTY_RATING, ...previous.family[domain as keyof typeof previous.family], ...change } } };
      return {
        ...previous,
        children: previous.children.map((child) => (child.personId === part ? { ...child, domains: { ...child.domains, [domain]: { ...EMPTY_RATING, ...child.domains[domain as keyof typeof child.domains], ...change } } } : child)),
      };
    });
  };
  const ratingOf = (domain: TriangleDomain): DomainRating =>
    (part === 'family' ? content.family[domain as keyof typeof content.family] : content.children.find((c) => c.personId === part)?.domains[domain as keyof (typeof content.children)[number]['domains']]) ?? EMPTY_RATING;

  const save = async (complete: boolean) => {
    setBusy(true);
    try {
      await saveAssessment(db, assessment.id, content);
      if (complete) {
        await completeAssessment(db, assessment.id);
        feedback.done('cases:triangle.completed');
      } else feedback.done('cases:triangle.saved');
    } catch (error) {
      feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  const domains = part === 'family' ? FAMILY_DOMAINS : CHILD_DOMAINS;
  const child = content.children.find((c) => c.personId === part);
  return (
    <Stack spacing={2} data-testid="assessment-editor">
      <DateField label={t('triangle.date')} value={content.date} onChange={(date) => setContent({ ...content, date: date as IsoDate })} testId="assessment-date" maxDate={toIsoDate(new Date())} />
      {content.children.length === 0 && <Alert severity="warning">{t('triangle.noChildren')}</Alert>}
      <Tabs value={part} onChange={(_, value: string) => setPart(value)} variant="scrollable">
        {content.children.map((c) => (
          <Tab key={c.personId} value={c.personId} label={nameOf(c.personId)} data-testid={`assessment-part-${c.personId}`} />
        ))}
        <Tab value="family" label={t('triangle.family')} data-testid="assessment-part-family" />
      </Tabs>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '22%' }} />
            <TableCell>{t('triangle.rating')}</TableCell>
            <TableCell>{t('triangle.narrative')}</TableCell>
            <TableCell>{t('triangle.strengths')}</TableCell>
            <TableCell>{t('triangle.assessedBy')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {domains.map((domain, index) => {
            const value = ratingOf(domain);
            const newSide = index === 0 || sideOf(domains[index - 1]!) !== sideOf(domain);
            return [
              newSide && (
                <TableRow key={`${domain}-side`}>
                  <TableCell colSpan={5} sx={{ fontWeight: 600, bgcolor: 'action.hover' }}>
                    {t(`triangle.side.${sideOf(domain)}`)}
                  </TableCell>
                </TableRow>
              ),
              <TableRow key={domain} data-testid={`domain-${domain}`}>
                <TableCell>{t(`triangle.domain.${domain}`)}</TableCell>
                <TableCell>
                  <ToggleButtonGroup size="small" exclusive value={value.rating} onChange={(_, rating: Rating | null) => setRating(domain, { rating })} aria-label={t(`triangle.domain.${domain}`)}>
                    {RATINGS.map((rating) => (
                      <ToggleButton key={rating} value={rating} title={t(`triangle.ratingLabel.${rating}`)} data-testid={`rate-${domain}-${rating}`}>
                        {rating}
                      </ToggleButton>
                    ))}
                  </ToggleButtonGroup>
                </TableCell>
                <TableCell>
                  <TextField size="small" fullWidth multiline value={value.narrative} onChange={(e) => setRating(domain, { narrative: e.target.value })} slotProps={{ htmlInput: { 'aria-label': t('triangle.narrative') } }} />
                </TableCell>
                <TableCell>
                  <TextField size="small" fullWidth multiline value={value.strengths} onChange={(e) => setRating(domain, { strengths: e.target.value })} slotProps={{ htmlInput: { 'aria-label': t('triangle.strengths') } }} />
                </TableCell>
                <TableCell>
                  <TextField select size="small" fullWidth value={value.assessedBy ?? ''} onChange={(e) => setRating(domain, { assessedBy: e.target.value || null })} slotProps={{ select: { displayEmpty: true } }}>
                    <MenuItem value="">{t('triangle.caseManager')}</MenuItem>
                    {specialists.map((s) => (
                      <MenuItem key={s.id} value={s.id}>
                        {biScriptIn(s.fullName, language)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              </TableRow>,
            ];
          })}
        </TableBody>
      </Table>
      {child && (
        <TextField
          label={t('triangle.views')}
          multiline
          minRows={2}
          value={child.views}
          onChange={(e) => setContent({ ...content, children: content.children.map((c) => (c.personId === part ? { ...c, views: e.target.value } : c)) })}
          slotProps={{ htmlInput: { 'data-testid': 'assessment-views' } }}
        />
      )}
      <TextField label={t('triangle.conclusion')} multiline minRows={3} value={content.conclusion} onChange={(e) => setContent({ ...content, conclusion: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'assessment-conclusion' } }} />
      {problems.length > 0 && (
        <Alert severity="info" data-testid="assessment-problems">
          {unrated > 0 && <div>{t('triangle.unrated', { count: unrated })}</div>}
          {problems.some((p) => p.problem === 'conclusionRequired') && <div>{t('triangle.needsConclusion')}</div>}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" disabled={busy} onClick={() => void save(false)} data-testid="assessment-save">
          {t('triangle.save')}
        </Button>
        <Button variant="contained" disabled={busy || problems.length > 0} onClick={() => void save(true)} data-testid="assessment-complete">
          {t('triangle.complete')}
        </Button>
      </Stack>
    </Stack>
  );
}

function AssessmentView({ file, assessment }: { file: CaseFile; assessment: Assessment }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const nameOf = useNames(file);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const [approving, setApproving] = useState(false);
  const problem = actor ? approvalProblem(assessment, actor) : 'approverNotSupervisor';
  const approver = assessment.approval ? users.find((user) => user.id === assessment.approval!.by) : undefined;
  const rating = (value: DomainRating | undefined) => value?.rating ?? '—';
  return (
    <Stack spacing={2} data-testid="assessment-view">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell />
            {assessment.children.map((c) => (
              <TableCell key={c.personId} align="center">
                {nameOf(c.personId)}
              </TableCell>
            ))}
            <TableCell align="center">{t('triangle.family')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ALL_DOMAINS.map((domain) => (
            <TableRow key={domain}>
              <TableCell>{t(`triangle.domain.${domain}`)}</TableCell>
              {assessment.children.map((c) => (
                <TableCell key={c.personId} align="center">
                  {(CHILD_DOMAINS as readonly string[]).includes(domain) ? rating(c.domains[domain as keyof typeof c.domains]) : ''}
                </TableCell>
              ))}
              <TableCell align="center">{(FAMILY_DOMAINS as readonly string[]).includes(domain) ? rating(assessment.family[domain as keyof typeof assessment.family]) : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box>
        <Typography variant="subtitle2">{t('triangle.conclusion')}</Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="assessment-conclusion-text">
          {assessment.conclusion || '—'}
        </Typography>
      </Box>
      {assessment.approval && (
        <Alert severity="success" data-testid="assessment-approval">
          {t('triangle.approvedBy', { name: approver ? biScriptIn(approver.fullName, language) : '—', date: formatDateTime(assessment.approval.at), note: assessment.approval.note || '—' })}
        </Alert>
      )}
      {assessment.status === 'completed' && problem === 'approverIsAuthor' && <Alert severity="info">{t('triangle.notYours')}</Alert>}
      {assessment.status === 'completed' && problem === null && (
        <Button variant="contained" color="success" sx={{ alignSelf: 'flex-start' }} onClick={() => setApproving(true)} data-testid="assessment-approve">
          {t('triangle.approve')}
        </Button>
      )}
      {approving && (
        <ApproveDialog title={t('triangle.approveTitle')} action={t('triangle.approve')} doneKey="cases:triangle.approved" testId="assessment" onApprove={(note) => approveAssessment(db, assessment.id, note)} onClose={() => setApproving(false)} />
      )}
    </Stack>
  );
}

/** Each child's triangle as a radar: the first assessment against the one shown, on the 1–4 scale. */
function TrianglePictures({ file, first, current }: { file: CaseFile; first: Assessment; current: Assessment }) {
  const { t } = useTranslation('cases');
  const nameOf = useNames(file);
  const labels = ALL_DOMAINS.map((domain) => t(`triangle.domain.${domain}`));
  const data = (assessment: Assessment, personId: string) => childTriangle(assessment, personId).map((entry) => entry.rating ?? 0);
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
      {current.children.map((child) => (
        <Box key={child.personId} sx={{ width: 680, maxWidth: '100%' }} data-testid={`triangle-${child.personId}`}>
          <Typography variant="subtitle2" align="center">
            {t('triangle.picture', { name: nameOf(child.personId) })}
          </Typography>
          <TriangleRadar
            labels={labels}
            series={[
              ...(first.id !== current.id && first.children.some((c) => c.personId === child.personId) ? [{ label: t('triangle.first', { version: first.version }), data: data(first, child.personId), which: 'first' as const }] : []),
              { label: t('triangle.latest', { version: current.version }), data: data(current, child.personId), which: 'current' as const },
            ]}
          />
        </Box>
      ))}
    </Stack>
  );
}
