import { Alert, Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import { saveConference, type ConferenceView } from '../../db/repositories/conferences';
import { conferenceProblems, isBlankStep, parseProblem, tidyConference, type ConferenceInput } from '../../domain/conference';
import { toIsoDate } from '../../domain/dates';
import type { Specialist } from '../../domain/directory';
import { DomainError } from '../../domain/errors';
import type { FamilyCase } from '../../domain/familyCase';
import { DateField } from '../../ui/DateField';
import { CasePicker } from './CasePicker';
import { blankStep, NextStepsEditor, type StepRow } from './NextStepsEditor';
import type { ConferenceDirectory } from './useConferenceDirectory';

/** A problem code of domain/conference.ts in the user's language (a next step's with its row number). */
export function problemText(t: TFunction, problem: string): string {
  const { field, row, code } = parseProblem(problem);
  return t(`conferences:problem.${field}.${code}`, { row: (row ?? 0) + 1, defaultValue: t('errors:domain.invalid') });
}

/** What a new conference starts from: a case card passes its case, the page nothing. */
export interface ConferencePreset {
  cases?: FamilyCase[];
  mahallaId?: string | null;
}

/**
 * Records a case conference or edits one (read-only for those who may not): date, the mahalla whose
 * team met (its members are filled in as attendees), attendees, cases discussed, decisions and next
 * steps. The rules are checked here as the repository checks them, with the same codes.
 */
export function ConferenceDialog({ directory, view, preset, onClose }: { directory: ConferenceDirectory; view?: ConferenceView; preset?: ConferencePreset; onClose: () => void }) {
  const { t } = useTranslation('conferences');
  const { db } = useServices();
  const actor = useActor();
  const feedback = useFeedback();
  const today = toIsoDate(new Date());
  const readOnly = !!view && !view.editable;
  const startMahalla = view ? view.conference.mahallaId : preset?.mahallaId !== undefined ? preset.mahallaId : (actor?.mahallaIds.find((id) => directory.mahallas.some((m) => m.id === id)) ?? null);
  const [date, setDate] = useState<string>(view?.conference.date ?? today);
  const [mahallaId, setMahallaId] = useState<string | null>(startMahalla);
  const [attendees, setAttendees] = useState<string[]>(view?.conference.attendees ?? directory.teamMembers(startMahalla));
  const [cases, setCases] = useState<FamilyCase[]>(view?.cases ?? preset?.cases ?? []);
  const [decisions, setDecisions] = useState(view?.conference.decisions ?? '');
  const [steps, setSteps] = useState<StepRow[]>(view ? view.conference.nextSteps.map((step) => ({ key: crypto.randomUUID(), ...step, by: step.by ?? '' })) : [blankStep()]);
  // Once a save was tried, the problems follow the form as it is corrected; the repository's own come after.
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  // Choosing another mahalla swaps its team in: the old team's members out, the new one's in, others kept.
  const chooseMahalla = (next: string | null) => {
    const old = new Set(directory.teamMembers(mahallaId));
    setAttendees([...new Set([...attendees.filter((id) => !old.has(id)), ...directory.teamMembers(next)])]);
    setMahallaId(next);
  };

  const input: ConferenceInput = { date, mahallaId, attendees, caseIds: cases.map((kase) => kase.id), decisions, nextSteps: steps.map(({ specialistId, who, what, by }) => ({ specialistId, who, what, by: by || null })) };
  // Blank rows are dropped when saved; a problem's row number is put back to the row the user sees.
  const kept = steps.flatMap((row, index) => (isBlankStep(row) ? [] : [index]));
  const onScreen = (found: string[]) => found.map((problem) => problem.replace(/^nextSteps\.(\d+)\./u, (_match, row: string) => `nextSteps.${kept[Number(row)] ?? row}.`));
  const found = tried ? onScreen(conferenceProblems(tidyConference(input), today)) : [];
  const problems = found.length ? found : refused;

  const save = async () => {
    setTried(true);
    setRefused([]);
    if (onScreen(conferenceProblems(tidyConference(input), today)).length) return;
    setBusy(true);
    try {
      await saveConference(db, view?.conference.id ?? null, input, view?.conference.rev);
      feedback.done('conferences:saved');
      onClose();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid' && error.message.includes(':')) setRefused(onScreen(error.message.split(' ')));
      else feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => {
    const problem = problems.find((p) => p.startsWith(`${field}:`));
    return problem ? problemText(t, problem) : undefined;
  };
  const stepErrors = Object.fromEntries(
    problems.flatMap((problem) => {
      const { field, row } = parseProblem(problem);
      return row === null ? [] : [[`${row}.${field.slice('nextSteps.'.length)}`, problemText(t, problem)]];
    }),
  );
  const attendeeOptions = [...directory.specialists.map((s) => s.id), ...attendees.filter((id) => !directory.specialists.some((s) => s.id === id))];
  const team = new Set(directory.teamMembers(mahallaId));
  attendeeOptions.sort((a, b) => Number(team.has(b)) - Number(team.has(a)));

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="conference-dialog">
      <DialogTitle>{readOnly ? t('view') : view ? t('edit') : t('new')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Box sx={{ width: { sm: 220 }, flexShrink: 0 }}>
              <DateField label={t('field.date')} value={date} onChange={setDate} testId="conference-date" maxDate={today} required error={problems.find((p) => p.startsWith('date:'))?.slice('date:'.length)} />
            </Box>
            <TextField
              select
              size="small"
              fullWidth
              label={t('field.mahalla')}
              value={mahallaId ?? ''}
              onChange={(event) => chooseMahalla(event.target.value || null)}
              slotProps={{ inputLabel: { shrink: true }, select: { readOnly, displayEmpty: true, SelectDisplayProps: { 'data-testid': 'conference-mahalla' } as object } }}
            >
              <MenuItem value="">{t('field.noMahalla')}</MenuItem>
              {directory.mahallas.map((mahalla) => (
                <MenuItem key={mahalla.id} value={mahalla.id}>
                  {directory.mahallaName(mahalla.id)}
                </MenuItem>
              ))}
              {mahallaId && !directory.mahallas.some((m) => m.id === mahallaId) && <MenuItem value={mahallaId}>{directory.mahallaName(mahallaId)}</MenuItem>}
            </TextField>
          </Stack>
          <Autocomplete
            multiple
            readOnly={readOnly}
            options={attendeeOptions}
            value={attendees}
            onChange={(_event, next) => setAttendees(next)}
            getOptionLabel={directory.specialistName}
            filterOptions={(options, { inputValue }) => {
              const query = inputValue.trim().toLocaleLowerCase();
              const spellings = (s: Specialist | undefined) => (s ? [s.fullName.latn, s.fullName.cyrl] : []);
              return query ? options.filter((id) => spellings(directory.specialist(id)).some((name) => name.toLocaleLowerCase().includes(query))) : options;
            }}
            groupBy={mahallaId ? (id) => (team.has(id) ? t('field.team') : t('field.otherSpecialists')) : undefined}
            renderOption={(props, id) => {
              const { key, ...rest } = props;
              return (
                <Box component="li" key={key} {...rest} data-testid="conference-attendee-option" data-names={(() => { const s = directory.specialist(id); return s ? `${s.fullName.latn}|${s.fullName.cyrl}` : ''; })()}>
                  <Box>
                    <Typography>{directory.specialistName(id)}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {directory.specialistRole(id)}
                    </Typography>
                  </Box>
                </Box>
              );
            }}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('field.attendees')}
                required
                error={!!fieldError('attendees')}
                helperText={fieldError('attendees') ?? (readOnly ? undefined : t('field.attendeesHelp'))}
                slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'conference-attendees' } }}
              />
            )}
          />
          <CasePicker directory={directory} value={cases} onChange={setCases} mahallaId={mahallaId} error={fieldError('caseIds')} readOnly={readOnly} />
          {view && view.otherCases > 0 && <Typography color="text.secondary">{t('otherCases', { count: view.otherCases })}</Typography>}
          <TextField
            label={t('field.decisions')}
            value={decisions}
            onChange={(event) => setDecisions(event.target.value)}
            multiline
            minRows={3}
            required
            error={!!fieldError('decisions')}
            helperText={fieldError('decisions')}
            slotProps={{ input: { readOnly }, htmlInput: { 'data-testid': 'conference-decisions' } }}
          />
          <NextStepsEditor directory={directory} attendees={attendees} rows={steps} onChange={setSteps} errors={stepErrors} readOnly={readOnly} />
          {problems.length > 0 && (
            <Alert severity="error" data-testid="conference-problems">
              {problems.map((problem) => (
                <div key={problem}>{problemText(t, problem)}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t(readOnly ? 'close' : 'common:action.cancel')}</Button>
        {!readOnly && (
          <Button variant="contained" disabled={busy} onClick={() => void save()} data-testid="conference-save">
            {t('common:action.save')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
