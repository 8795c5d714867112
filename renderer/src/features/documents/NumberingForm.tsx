import { Button, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { getNumbering, saveNumbering } from '../../db/repositories/documents';
import { DOCUMENT_KINDS, numberingSchema, registerNumber, type NumberingScheme } from '../../domain/documentRegister';
import { issuesByPath } from '../../domain/validation';

/** The office's numbering scheme for the register, with an example of the next numbers it gives. */
export function NumberingForm() {
  const { t } = useTranslation('register');
  const { db } = useServices();
  const feedback = useFeedback();
  const stored = useLiveQuery(() => getNumbering(db), [db]);
  const [scheme, setScheme] = useState<NumberingScheme | null>(null);
  useEffect(() => {
    if (stored && !scheme) setScheme(stored);
  }, [stored, scheme]);
  if (!scheme) return null;
  const parsed = numberingSchema.safeParse(scheme);
  const errors = parsed.success ? {} : issuesByPath(parsed.error);
  const year = new Date().getFullYear();
  const message = (path: string) => (errors[path] ? t(`errors:validation.${errors[path]}`) : undefined);
  return (
    <Stack spacing={2} sx={{ maxWidth: 480 }}>
      <Typography color="text.secondary">{t('numbering.intro')}</Typography>
      <TextField label={t('numbering.template')} value={scheme.template} onChange={(e) => setScheme({ ...scheme, template: e.target.value })} error={!!errors.template} helperText={message('template') ?? t('numbering.templateHelp', { tokens: '{prefix} {seq} {year}' })} slotProps={{ htmlInput: { 'data-testid': 'numbering-template' } }} />
      <TextField label={t('numbering.pad')} type="number" value={scheme.pad} onChange={(e) => setScheme({ ...scheme, pad: Number(e.target.value) })} error={!!errors.pad} slotProps={{ htmlInput: { min: 0, max: 6 } }} />
      {DOCUMENT_KINDS.map((kind) => (
        <TextField
          key={kind}
          label={t(`numbering.prefix.${kind}`)}
          value={scheme.prefixes[kind]}
          onChange={(e) => setScheme({ ...scheme, prefixes: { ...scheme.prefixes, [kind]: e.target.value } })}
          error={!!errors[`prefixes.${kind}`]}
          helperText={message(`prefixes.${kind}`)}
          slotProps={{ htmlInput: { 'data-testid': `numbering-prefix-${kind}` } }}
        />
      ))}
      {parsed.success && (
        <Typography data-testid="numbering-example">
          {t('numbering.example', { decision: registerNumber(parsed.data, 'hokimDecision', year, 1), agreement: registerNumber(parsed.data, 'familyAgreement', year, 17) })}
        </Typography>
      )}
      <Button
        variant="contained"
        sx={{ alignSelf: 'flex-start' }}
        disabled={!parsed.success}
        onClick={async () => {
          try {
            if (parsed.success) await saveNumbering(db, parsed.data);
            feedback.done('register:numbering.saved');
          } catch (error) {
            feedback.failure(error);
          }
        }}
      >
        {t('common:action.save')}
      </Button>
    </Stack>
  );
}
