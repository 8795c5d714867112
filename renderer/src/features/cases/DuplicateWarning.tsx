import { Alert, Button, Link, Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useServices } from '../../app/services';
import { findDuplicates } from '../../db/repositories/duplicates';
import type { PersonDraft } from '../../domain/caseDraft';
import type { BiScriptText } from '../../domain/names';

/**
 * Warns while the user types: the same PINFL anywhere in the database blocks saving (the user may
 * link that person instead); the same name and birth date asks whether it is the same person.
 */
export function DuplicateWarning({
  person,
  exceptPersonId,
  onLink,
  testId,
}: {
  person: PersonDraft;
  exceptPersonId?: string;
  onLink?: (personId: string) => void;
  testId: string;
}) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const entry = useDeferredValue({ pinfl: person.pinfl ?? '', surname: person.surname as BiScriptText, firstName: person.firstName as BiScriptText, birthDate: person.birthDate });
  const report = useLiveQuery(() => findDuplicates(db, entry, exceptPersonId), [db, entry.pinfl, entry.surname.latn, entry.firstName.latn, entry.birthDate, exceptPersonId]);
  if (!report) return null;
  // Cases the user may not open are named, not linked: they can ask their supervisor.
  const caseLinks = (cases: { id: string; caseNumber: string; readable: boolean }[]) =>
    cases.filter((kase) => kase.readable).map((kase) => (
      <Link key={kase.id} component={RouterLink} to={`/cases/${kase.id}`} target="_self" data-testid={`${testId}-duplicate-link`}>
        {t('form.openExisting')} ({kase.caseNumber})
      </Link>
    ));
  return (
    <Stack spacing={1}>
      {report.samePinfl && (
        <Alert
          severity="error"
          data-testid={`${testId}-duplicate-pinfl`}
          action={
            onLink &&
            report.samePinfl.readable && (
              <Button color="inherit" size="small" onClick={() => onLink(report.samePinfl!.person.id)} data-testid={`${testId}-link-existing`}>
                {t('form.linkExisting')}
              </Button>
            )
          }
        >
          {t('form.duplicatePinfl', { caseNumber: report.samePinfl.cases.map((c) => c.caseNumber).join(', ') || '—' })}{' '}
          {caseLinks(report.samePinfl.cases)}
        </Alert>
      )}
      {report.similar.map((match) => (
        <Alert key={match.person.id} severity="warning" data-testid={`${testId}-duplicate-similar`}>
          {t('form.similarPerson', { caseNumber: match.cases.map((c) => c.caseNumber).join(', ') || '—' })} {caseLinks(match.cases)}
        </Alert>
      ))}
    </Stack>
  );
}
