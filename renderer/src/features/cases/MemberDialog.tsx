import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { addMember, updatePerson, type CaseMember } from '../../db/repositories/cases';
import { personDraftSchema, type PersonDraft } from '../../domain/caseDraft';
import { toIsoDate } from '../../domain/dates';
import { DomainError } from '../../domain/errors';
import { RELATIONS, type Relation } from '../../domain/person';
import { issuesByPath } from '../../domain/validation';
import { DuplicateWarning } from './DuplicateWarning';
import { EMPTY_PERSON, PersonFields, type FieldErrors } from './PersonFields';

function personToDraft({ person }: CaseMember): PersonDraft {
  return { ...person, patronymic: person.patronymic, document: person.document ?? '', employment: person.employment ?? '' };
}

/** Adds a member to a case, or edits a member's details; the same duplicate checks as the case form. */
export function MemberDialog({ caseId, member, onClose }: { caseId: string; member: CaseMember | null; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const feedback = useFeedback();
  const today = toIsoDate(new Date());
  const [person, setPerson] = useState<PersonDraft>(member ? personToDraft(member) : EMPTY_PERSON);
  const [relation, setRelation] = useState<Relation | ''>(member?.membership.relation ?? '');
  const [linked, setLinked] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const found: FieldErrors = {};
    if (!member && !relation) found.relation = 'required';
    const parsed = linked ? null : personDraftSchema(today).safeParse(person);
    if (parsed && !parsed.success) Object.assign(found, issuesByPath(parsed.error));
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      if (member) await updatePerson(db, member.person.id, person, member.person.rev);
      else await addMember(db, caseId, linked ? { relation: relation as Relation, personId: linked } : { relation: relation as Relation, person });
      onClose();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'duplicatePinfl') setErrors({ pinfl: 'duplicate' });
      else feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="member-dialog">
      <DialogTitle>{t(member ? 'card.editMember' : 'card.addMember')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {!member && (
            <TextField
              select
              label={t('field.relation')}
              value={relation}
              onChange={(e) => setRelation(e.target.value as Relation)}
              error={!!errors.relation}
              sx={{ maxWidth: 280 }}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'member-dialog-relation' } as object } }}
            >
              {RELATIONS.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`relation.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {linked ? (
            <Alert severity="success" action={<Button color="inherit" onClick={() => setLinked(null)}>{t('common:action.cancel')}</Button>}>
              {t('form.linked')}
            </Alert>
          ) : (
            <>
              <PersonFields value={person} onChange={setPerson} errors={errors} testId="member-dialog" today={today} />
              <DuplicateWarning person={person} exceptPersonId={member?.person.id} onLink={member ? undefined : setLinked} testId="member-dialog" />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()} data-testid="member-dialog-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
