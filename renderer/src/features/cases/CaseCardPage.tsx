import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/EditOutlined';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { getCaseFile, recordCaseView, type CaseFile, type CaseMember } from '../../db/repositories/cases';
import { canOnCase } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { listMahallas } from '../../db/repositories/mahallas';
import { listUsers } from '../../db/repositories/users';
import { formatDate, toIsoDate } from '../../domain/dates';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { custodyLeft } from '../../domain/familyCase';
import { ageOn, fullName, isChildOn, RELATIONS } from '../../domain/person';
import { RISK_LEVELS, VULNERABILITY_CRITERIA } from '../../domain/vulnerability';
import { EmptyState } from '../../ui/EmptyState';
import { AssessmentTab, MonitoringTab, PlacementsPanel, PlanTab } from '../caseWork';
import { CaseConferences } from '../conferences';
import { AgreementTab, PrintDocumentButton, RegisterTable } from '../documents';
import { DeleteCaseButtons } from './DeleteCaseButtons';
import { HistoryTab } from './HistoryTab';
import { MemberDialog } from './MemberDialog';
import { StageActions } from './StageActions';
import { StageChip } from './StageChip';
import { TransferredAlert } from './TransferredAlert';

const TABS = ['family', 'referral', 'agreement', 'assessment', 'plan', 'monitoring', 'conferences', 'documents', 'history'] as const;

/** One case file: the family and its children, referral and eligibility, agreement, and history. */
export function CaseCardPage() {
  const { caseId = '' } = useParams();
  const { db } = useServices();
  const file = useLiveQuery(async () => {
    try {
      return (await getCaseFile(db, caseId)) ?? null;
    } catch (error) {
      // Refused (and audited) by the data layer: say so rather than show an empty or broken card.
      if (error instanceof DomainError && error.code === 'forbidden') return 'forbidden' as const;
      throw error;
    }
  }, [db, caseId]);
  // Only once the file shown is this case's (a live query keeps the last result while the next loads).
  const readable = !!file && file !== 'forbidden' && file.kase.id === caseId;
  useEffect(() => {
    // The access log: one entry each time a user opens a case file.
    if (readable) void recordCaseView(db, caseId);
  }, [db, caseId, readable]);
  if (file === undefined) return null;
  if (file === null) return <NotFound />;
  if (file === 'forbidden') return <Forbidden />;
  return <CaseCard file={file} />;
}

function Forbidden() {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  return (
    <EmptyState
      title={t('card.forbiddenTitle')}
      text={t('card.forbiddenText')}
      action={
        <Button onClick={() => navigate('/cases')} data-testid="forbidden-back">
          {t('card.back')}
        </Button>
      }
    />
  );
}

function CaseCard({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const navigate = useNavigate();
  const language = useAppSelector((state) => state.session.language);
  const script = language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl';
  const [tab, setTab] = useState<(typeof TABS)[number]>('family');
  const [editing, setEditing] = useState<CaseMember | null | 'new'>(null);
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const { kase } = file;
  const actor = useActor();
  // A case sent away in a custody transfer is read-only here (the data layer refuses its changes too).
  const canChange = !!actor && canOnCase(actor, 'change', kase) && !custodyLeft(kase);
  const today = toIsoDate(new Date());
  const head = kase.summary.head;
  const mahalla = mahallas.find((m) => m.id === kase.address.mahallaId);
  const manager = users.find((u) => u.id === kase.caseManagerId);
  const ordered = [...file.members].sort(
    (a, b) => RELATIONS.indexOf(a.membership.relation) - RELATIONS.indexOf(b.membership.relation) || a.person.birthDate.localeCompare(b.person.birthDate),
  );
  const current = ordered.filter((m) => m.membership.to === null);
  const former = ordered.filter((m) => m.membership.to !== null);
  const urgent = file.history.filter((entry) => entry.kind === 'urgentAction');

  return (
    <Stack spacing={2} data-testid="case-card">
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/cases')}>
          {t('card.back')}
        </Button>
      </Box>
      {kase.deletedAt && <DeleteCaseButtons kase={kase} />}
      <TransferredAlert kase={kase} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h5" component="h1" data-testid="case-title">
          {head ? `${biScriptIn(head.surname, language)} ${biScriptIn(head.firstName, language)}` : '—'}
        </Typography>
        <StageChip stage={kase.stage} />
        <Chip size="small" variant="outlined" label={`${t('field.riskLevel')}: ${kase.riskLevel}`} />
        <Typography color="text.secondary" data-testid="case-number">
          {kase.caseNumber}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {!kase.deletedAt && canChange && (
          <>
            {actor && canOnCase(actor, 'delete', kase) && <DeleteCaseButtons kase={kase} />}
            <Button startIcon={<EditIcon />} onClick={() => navigate(`/cases/${kase.id}/edit`)} data-testid="case-edit">
              {t('card.edit')}
            </Button>
          </>
        )}
      </Stack>
      <Typography color="text.secondary">
        {[mahalla ? triLingualIn(mahalla.name, language) : '', kase.address.street, kase.address.house, kase.address.apartment].filter(Boolean).join(', ')}
        {kase.phones.length > 0 && ` · ${kase.phones.join(', ')}`}
        {manager && ` · ${t('field.caseManager')}: ${biScriptIn(manager.fullName, language)}`}
      </Typography>
      {canChange && <StageActions kase={kase} />}
      <Tabs value={tab} onChange={(_e, next) => setTab(next)} variant="scrollable" scrollButtons="auto">
        {TABS.map((key) => (
          <Tab key={key} value={key} label={t(`card.tab.${key}`)} data-testid={`tab-${key}`} />
        ))}
      </Tabs>
      <Card variant="outlined">
        <CardContent>
          {tab === 'family' && (
            <Stack spacing={2}>
              <MembersTable members={current} script={script} today={today} onEdit={kase.deletedAt || !canChange ? undefined : setEditing} />
              {former.length > 0 && (
                <>
                  <Typography variant="subtitle2">{t('card.formerMembers')}</Typography>
                  <MembersTable members={former} script={script} today={today} onEdit={kase.deletedAt || !canChange ? undefined : setEditing} />
                </>
              )}
              {!kase.deletedAt && canChange && (
                <Box>
                  <Button startIcon={<PersonAddIcon />} onClick={() => setEditing('new')} data-testid="member-add">
                    {t('card.addMember')}
                  </Button>
                </Box>
              )}
              <PlacementsPanel file={file} />
            </Stack>
          )}
          {tab === 'referral' && (
            <Stack spacing={1.5} data-testid="referral-tab">
              <Field label={t('field.referralSource')} value={`${t(`referralSource.${kase.referral.source}`)} — ${kase.referral.who}`} />
              <Field label={t('field.referralDate')} value={formatDate(kase.referral.date)} />
              <Field label={t('field.referralReason')} value={kase.referral.reason} />
              <Field
                label={t('field.vulnerability')}
                value={kase.vulnerability.map((code) => VULNERABILITY_CRITERIA.find((c) => c.code === code)).map((c) => (c ? triLingualIn(c.name, language) : '')).join('; ') || '—'}
              />
              <Field label={t('field.riskLevel')} value={`${kase.riskLevel} — ${triLingualIn(RISK_LEVELS.find((r) => r.code === kase.riskLevel)!.name, language)}`} />
              <Field label={t('field.consent')} value={kase.consent ? `${formatDate(kase.consent.date)} · ${kase.consent.takenBy} · ${kase.consent.paperLocation}` : '—'} />
              <Field
                label={t('card.eligibility')}
                value={
                  kase.eligibility
                    ? [
                        t(kase.eligibility.decision === 'eligible' ? 'card.eligible' : 'card.notEligible'),
                        t('card.decidedOn', { date: formatDate(kase.eligibility.date) }),
                        kase.eligibility.reason,
                        ...(kase.eligibility.confirmedCriteria?.length
                          ? [`${t('card.confirmedShort')}: ${kase.eligibility.confirmedCriteria.map((code) => { const criterion = VULNERABILITY_CRITERIA.find((c) => c.code === code); return criterion ? triLingualIn(criterion.name, language) : code; }).join('; ')}`]
                          : []),
                      ].join(' · ')
                    : t('card.eligibilityNone')
                }
                testId="eligibility"
              />
              {kase.closure && kase.closure.outcome !== 'notEligible' && (
                <Box>
                  <PrintDocumentButton kind="closureAct" caseId={kase.id} variant="contained" />
                </Box>
              )}
              {kase.closure && (
                <Field
                  label={t('card.outcome')}
                  testId="closure"
                  value={[
                    `${t('card.closedOn', { date: formatDate(kase.closure.date), outcome: t(`outcome.${kase.closure.outcome}`) })} · ${kase.closure.reason}`,
                    ...(kase.agreement?.endedDate ? [t('closure.agreementEnded', { date: formatDate(kase.agreement.endedDate) })] : []),
                    ...(kase.closure.goalOutcomes ?? []).map((o) => `• ${o.goalText}: ${t(`closure.results.${o.result}`)}${o.note ? ` — ${o.note}` : ''}`),
                    ...(kase.closure.finalTriangle ? [t('closure.finalTriangle', { version: kase.closure.finalTriangle.version, date: formatDate(kase.closure.finalTriangle.date) })] : []),
                  ].join('\n')}
                />
              )}
              {urgent.length > 0 && (
                <Field
                  label={t('card.urgentActions')}
                  value={urgent.map((entry) => `${entry.action?.description} — ${entry.action?.responsible}, ${entry.action ? formatDate(entry.action.dueDate) : ''} (${entry.reason})`).join('\n')}
                  testId="urgent-actions"
                />
              )}
            </Stack>
          )}
          {tab === 'agreement' && <AgreementTab file={file} />}
          {tab === 'assessment' && <AssessmentTab file={file} />}
          {tab === 'plan' && <PlanTab file={file} />}
          {tab === 'monitoring' && <MonitoringTab file={file} />}
          {tab === 'conferences' && <CaseConferences kase={kase} />}
          {tab === 'documents' && <RegisterTable caseId={kase.id} />}
          {tab === 'history' && <HistoryTab file={file} />}
        </CardContent>
      </Card>
      {editing && <MemberDialog caseId={kase.id} member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <Alert severity="warning">{t('errors:domain.notFound')}</Alert>;
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ sm: 2 }} data-testid={testId}>
      <Typography color="text.secondary" sx={{ minWidth: 260 }}>
        {label}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-line' }}>{value}</Typography>
    </Stack>
  );
}

function MembersTable({ members, script, today, onEdit }: { members: CaseMember[]; script: 'latn' | 'cyrl'; today: string; onEdit: ((member: CaseMember) => void) | undefined }) {
  const { t } = useTranslation('cases');
  return (
    <Table size="small" data-testid="members-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('field.relation')}</TableCell>
          <TableCell>{t('field.surname')}</TableCell>
          <TableCell>{t('field.sex')}</TableCell>
          <TableCell>{t('field.birthDate')}</TableCell>
          <TableCell>{t('field.age')}</TableCell>
          <TableCell>{t('field.pinfl')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.membership.id} hover onClick={() => onEdit?.(member)} sx={{ cursor: 'pointer' }} data-testid="member-row">
            <TableCell>{t(`relation.${member.membership.relation}`)}</TableCell>
            <TableCell>
              {fullName(member.person, script)}
              {isChildOn(member.person.birthDate, today as never) && <Chip size="small" color="primary" variant="outlined" label={t('card.child')} sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>{t(`sex.${member.person.sex}`)}</TableCell>
            <TableCell>{formatDate(member.person.birthDate)}</TableCell>
            <TableCell>{ageOn(member.person.birthDate, today as never)}</TableCell>
            <TableCell>{member.person.pinfl ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
