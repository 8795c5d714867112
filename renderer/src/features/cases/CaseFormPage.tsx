import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Card, CardContent, CardHeader, IconButton, MenuItem, Stack, TextField, Tooltip } from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { clearDraft, loadDraft, useAutosave } from '../../app/drafts';
import { useFeedback } from '../../app/feedback';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { createCase, getCaseFile, recordCaseView, updateCaseDetails, type CaseFile, type MemberInput } from '../../db/repositories/cases';
import { findDuplicates } from '../../db/repositories/duplicates';
import { listMahallas } from '../../db/repositories/mahallas';
import { getOfficeProfile } from '../../db/repositories/office';
import { listUsers } from '../../db/repositories/users';
import { caseDraftSchema, personDraftSchema } from '../../domain/caseDraft';
import { toIsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { RELATIONS } from '../../domain/person';
import { issuesByPath } from '../../domain/validation';
import { PageHeader } from '../../ui/PageHeader';
import { CaseFields } from './CaseFields';
import { caseToDraft, emptyCaseDraft, type CaseFormValues, type MemberFormValues } from './caseFormValues';
import { DuplicateWarning } from './DuplicateWarning';
import { EMPTY_PERSON, PersonFields, type FieldErrors } from './PersonFields';

const newMember = (relation: MemberFormValues['relation']): MemberFormValues => ({ relation, linkedPersonId: null, person: EMPTY_PERSON });

/** Opens a new case with its family, or edits an existing case's details. Drafts survive a reload. */
export function CaseFormPage() {
  const { caseId } = useParams();
  const { db } = useServices();
  const office = useLiveQuery(() => getOfficeProfile(db), [db]);
  // Read once, not live: the form edits the case as it was when editing began.
  const [existing, setExisting] = useState<CaseFile | null | undefined>(caseId ? undefined : null);
  useEffect(() => {
    // A case the user may not read (refused and audited below) is shown as not found.
    if (!caseId) return;
    void getCaseFile(db, caseId).then(
      (file) => {
        setExisting(file && !file.kase.deletedAt ? file : null);
        // Opening a case to edit it is viewing it too (the access log).
        if (file) void recordCaseView(db, caseId);
      },
      () => setExisting(null),
    );
  }, [db, caseId]);
  const userId = useAppSelector((state) => state.session.currentUserId);
  const { t } = useTranslation();
  if (!office || existing === undefined) return null;
  if (caseId && existing === null) return <Alert severity="warning">{t('errors:domain.notFound')}</Alert>;
  const initial: CaseFormValues = existing
    ? { kase: caseToDraft(existing.kase), members: [], baseRev: existing.kase.rev }
    : { kase: emptyCaseDraft(office.regionCode, office.districtCode, userId ?? ''), members: [newMember('head'), newMember('child')], baseRev: null };
  return <CaseForm key={caseId ?? 'new'} caseId={caseId} initial={initial} officeDistrictCode={office.districtCode} />;
}

function CaseForm({ caseId, initial, officeDistrictCode }: { caseId: string | undefined; initial: CaseFormValues; officeDistrictCode: string }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const draftKey = caseId ? `case:${caseId}:edit` : 'case:new';
  const [restored] = useState(() => loadDraft<CaseFormValues>(draftKey));
  const { control, handleSubmit, watch, reset, setValue, formState } = useForm<CaseFormValues>({ defaultValues: restored ?? initial });
  const members = useFieldArray({ control, name: 'members' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const values = watch();
  const [saved, setSaved] = useState(false);
  // Only a form the user changed is worth keeping, and only until it is saved.
  useAutosave(draftKey, values, formState.isDirty && !saved);
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const today = toIsoDate(new Date());

  const submit = async (form: CaseFormValues) => {
    const found: FieldErrors = {};
    const kase = caseDraftSchema(today).safeParse(form.kase);
    if (!kase.success) for (const [path, code] of Object.entries(issuesByPath(kase.error))) found[`kase.${path}`] = code;
    const heads = form.members.filter((member) => member.relation === 'head').length;
    for (const [index, member] of form.members.entries()) {
      if (!member.relation) found[`members.${index}.relation`] = 'required';
      if (member.relation === 'head' && heads > 1) found[`members.${index}.relation`] = 'oneHead';
      if (member.linkedPersonId) continue;
      const person = personDraftSchema(today).safeParse(member.person);
      if (!person.success) for (const [path, code] of Object.entries(issuesByPath(person.error))) found[`members.${index}.${path}`] = code;
      else if ((await findDuplicates(db, person.data)).samePinfl) found[`members.${index}.pinfl`] = 'duplicate';
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      if (caseId) {
        await updateCaseDetails(db, caseId, form.kase, form.baseRev ?? undefined);
        setSaved(true);
        clearDraft(draftKey);
        navigate(`/cases/${caseId}`);
      } else {
        const input: MemberInput[] = form.members.map((m) =>
          m.linkedPersonId ? { relation: m.relation as MemberInput['relation'], personId: m.linkedPersonId } : { relation: m.relation as MemberInput['relation'], person: m.person },
        );
        const created = await createCase(db, form.kase, input, officeDistrictCode);
        setSaved(true);
        clearDraft(draftKey);
        navigate(`/cases/${created.id}`, { replace: true });
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'staleRevision') feedback.error('errors:domain.staleRevision');
      else feedback.failure(error);
    }
  };

  const memberErrors = (index: number): FieldErrors =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([path]) => path.startsWith(`members.${index}.`))
        .map(([path, code]) => [path.slice(`members.${index}.`.length), code]),
    );
  const caseErrors: FieldErrors = Object.fromEntries(Object.entries(errors).filter(([p]) => p.startsWith('kase.')).map(([p, c]) => [p.slice(5), c]));

  return (
    <Stack component="form" spacing={2} noValidate onSubmit={handleSubmit(submit)} data-testid="case-form">
      <PageHeader title={t(caseId ? 'form.editTitle' : 'form.newTitle')} />
      {restored && (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={() => (clearDraft(draftKey), reset(initial))}>
              {t('form.discardDraft')}
            </Button>
          }
          data-testid="draft-restored"
        >
          {t('form.draftRestored')}
        </Alert>
      )}
      <Card variant="outlined">
        <CardContent>
          <Controller
            control={control}
            name="kase"
            render={({ field }) => <CaseFields value={field.value} onChange={field.onChange} errors={caseErrors} mahallas={mahallas} users={users} today={today} />}
          />
        </CardContent>
      </Card>
      {!caseId && (
        <Card variant="outlined">
          <CardHeader title={t('form.family')} subheader={t('form.suggestionNote')} />
          <CardContent>
            <Stack spacing={3}>
              {members.fields.map((field, index) => (
                <Box key={field.id} sx={{ borderLeft: 4, borderColor: 'primary.light', pl: 2 }} data-testid={`member-${index}`}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
                    <Controller
                      control={control}
                      name={`members.${index}.relation`}
                      render={({ field: relation }) => (
                        <TextField
                          select
                          label={t('field.relation')}
                          value={relation.value}
                          onChange={relation.onChange}
                          error={!!errors[`members.${index}.relation`]}
                          helperText={errors[`members.${index}.relation`] ? t(`errors:validation.${errors[`members.${index}.relation`]}`) : undefined}
                          sx={{ maxWidth: 280 }}
                          slotProps={{ select: { SelectDisplayProps: { 'data-testid': `member-${index}-relation` } as object } }}
                        >
                          {RELATIONS.map((r) => (
                            <MenuItem key={r} value={r}>
                              {t(`relation.${r}`)}
                            </MenuItem>
                          ))}
                        </TextField>
                      )}
                    />
                    <Box sx={{ flexGrow: 1 }} />
                    <Tooltip title={t('form.removeMember')}>
                      <IconButton onClick={() => members.remove(index)} aria-label={t('form.removeMember')}>
                        <DeleteIcon />
                      </IconButton>
                    </Tooltip>
                  </Stack>
                  {values.members[index]?.linkedPersonId ? (
                    <Alert
                      severity="success"
                      action={
                        <Button color="inherit" onClick={() => setValue(`members.${index}.linkedPersonId`, null)}>
                          {t('common:action.cancel')}
                        </Button>
                      }
                    >
                      {t('form.linked')}
                    </Alert>
                  ) : (
                    <Controller
                      control={control}
                      name={`members.${index}.person`}
                      render={({ field: person }) => (
                        <Stack spacing={1.5}>
                          <PersonFields value={person.value} onChange={person.onChange} errors={memberErrors(index)} testId={`member-${index}`} today={today} />
                          <DuplicateWarning person={person.value} testId={`member-${index}`} onLink={(personId) => setValue(`members.${index}.linkedPersonId`, personId)} />
                        </Stack>
                      )}
                    />
                  )}
                </Box>
              ))}
              <Box>
                <Button startIcon={<AddIcon />} onClick={() => members.append(newMember('child'))} data-testid="member-add">
                  {t('form.addMember')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      )}
      {Object.keys(errors).length > 0 && (
        <Alert severity="error" data-testid="form-errors">
          {t('errors:domain.invalid')}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={() => navigate(caseId ? `/cases/${caseId}` : '/cases')}>{t('common:action.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={formState.isSubmitting} data-testid="case-submit">
          {t(caseId ? 'form.save' : 'form.create')}
        </Button>
      </Stack>
    </Stack>
  );
}
