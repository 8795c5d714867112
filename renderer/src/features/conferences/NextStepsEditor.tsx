import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { Autocomplete, Box, Button, FormHelperText, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, isIsoDate } from '../../domain/dates';
import { DateField } from '../../ui/DateField';
import type { ConferenceDirectory } from './useConferenceDirectory';

/** One row of the form: who (an attendee, or a name typed), what, by when (as typed: '' for none). */
export interface StepRow {
  key: string;
  specialistId: string | null;
  who: string;
  what: string;
  by: string;
}

export const blankStep = (): StepRow => ({ key: crypto.randomUUID(), specialistId: null, who: '', what: '', by: '' });

/**
 * Who does what next: the one responsible is picked from the attendees or typed (the family, the
 * school, someone who was not there); rows are added and removed freely.
 */
export function NextStepsEditor({
  directory,
  attendees,
  rows,
  onChange,
  errors,
  readOnly,
}: {
  directory: ConferenceDirectory;
  attendees: string[];
  rows: StepRow[];
  onChange: (rows: StepRow[]) => void;
  /** Translated problems by `<row>.<who|what|by>`. */
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('conferences');
  const update = (key: string, changes: Partial<StepRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {t('field.nextSteps')}
      </Typography>
      <Stack spacing={1.5}>
        {rows.length === 0 && <Typography color="text.secondary">{t('field.noSteps')}</Typography>}
        {rows.map((row, index) => (
          <Stack key={row.key} direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'flex-start' } }} data-testid="conference-step">
            <Autocomplete<string, false, false, true>
              freeSolo
              readOnly={readOnly}
              sx={{ minWidth: 220, flexBasis: '28%' }}
              options={attendees}
              value={row.specialistId ?? (row.who || null)}
              inputValue={row.specialistId ? directory.specialistName(row.specialistId) : row.who}
              getOptionLabel={(option) => (attendees.includes(option) ? directory.specialistName(option) : option)}
              onChange={(_event, next) => {
                if (next && attendees.includes(next)) update(row.key, { specialistId: next, who: '' });
                else update(row.key, { specialistId: null, who: next ?? '' });
              }}
              onInputChange={(_event, text, reason) => {
                if (reason === 'input') update(row.key, { specialistId: null, who: text });
                if (reason === 'clear') update(row.key, { specialistId: null, who: '' });
              }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  size="small"
                  label={t('field.who')}
                  placeholder={t('field.whoPlaceholder')}
                  error={!!errors[`${index}.who`]}
                  helperText={errors[`${index}.who`]}
                  slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `conference-step-who-${index}` } }}
                />
              )}
            />
            <TextField
              size="small"
              sx={{ flexGrow: 1 }}
              label={t('field.what')}
              value={row.what}
              onChange={(event) => update(row.key, { what: event.target.value })}
              error={!!errors[`${index}.what`]}
              helperText={errors[`${index}.what`]}
              multiline
              slotProps={{ input: { readOnly }, htmlInput: { 'data-testid': `conference-step-what-${index}` } }}
            />
            <Box sx={{ width: { md: 180 }, flexShrink: 0 }}>
              {readOnly ? (
                <TextField size="small" fullWidth label={t('field.by')} value={isIsoDate(row.by) ? formatDate(row.by) : '—'} slotProps={{ input: { readOnly: true } }} />
              ) : (
                <DateField label={t('field.by')} value={row.by} onChange={(by) => update(row.key, { by })} testId={`conference-step-by-${index}`} />
              )}
              {/* DateField translates validation codes only; this problem is the form's own. */}
              {errors[`${index}.by`] && <FormHelperText error>{errors[`${index}.by`]}</FormHelperText>}
            </Box>
            {!readOnly && (
              <Tooltip title={t('field.removeStep')}>
                <IconButton aria-label={t('field.removeStep')} onClick={() => onChange(rows.filter((other) => other.key !== row.key))} data-testid={`conference-step-remove-${index}`}>
                  <DeleteIcon />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        ))}
      </Stack>
      {!readOnly && (
        <Button startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => onChange([...rows, blankStep()])} data-testid="conference-step-add">
          {t('field.addStep')}
        </Button>
      )}
    </Box>
  );
}
