import { Accordion, AccordionDetails, AccordionSummary, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { saveTextOverride, textOverrides } from '../../db/repositories/documents';
import { DOC_LANGUAGES, type DocLanguage } from '../../documents/model';
import { standardTexts } from '../../documents/texts';
import { documentLanguageFor } from './GenerateDialog';

const GROUPS = ['decision', 'regulation', 'composition', 'agreement', 'plan', 'assessmentSummary', 'monitoringReport', 'closureAct', 'conferenceMinutes', 'taskSheet', 'monthlyReport', 'caseWork', 'format'] as const;

/**
 * The office's wording of the standard texts, per language: each text shows the office's version
 * (or the standard one) and can be changed or returned to the standard. A list keeps one item per line.
 */
export function StandardTexts() {
  const { t } = useTranslation('register');
  const uiLanguage = useAppSelector((state) => state.session.language);
  const { db } = useServices();
  const [language, setLanguage] = useState<DocLanguage>(documentLanguageFor(uiLanguage));
  const overrides = useLiveQuery(() => textOverrides(db), [db]);
  const defaults = standardTexts(language);
  if (!overrides) return null;
  const own = overrides[language] ?? {};

  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">{t('texts.intro')}</Typography>
      <TextField select label={t('field.language')} value={language} onChange={(e) => setLanguage(e.target.value as DocLanguage)} sx={{ maxWidth: 320 }}>
        {DOC_LANGUAGES.map((code) => (
          <MenuItem key={code} value={code}>
            {t(`language.${code}`)}
          </MenuItem>
        ))}
      </TextField>
      {GROUPS.map((group) => (
        <Accordion key={`${language}-${group}`} disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography sx={{ flex: 1 }}>{t(`texts.group.${group}`)}</Typography>
            {defaults.some(({ key }) => key.startsWith(`${group}.`) && own[key]) && <Chip size="small" label={t('texts.changed')} sx={{ mr: 1 }} />}
          </AccordionSummary>
          <AccordionDetails>
            <Stack spacing={2}>
              {defaults
                .filter(({ key }) => key.startsWith(`${group}.`))
                .map(({ key, text }) => (
                  <TextEditor key={`${language}-${key}`} language={language} textKey={key} standard={text} current={own[key]} />
                ))}
            </Stack>
          </AccordionDetails>
        </Accordion>
      ))}
    </Stack>
  );
}

/**
 * What a text is, for the field's label: the same text in the user's own language (a chapter's points
 * by the chapter's title), first line, shortened — so a Russian text is found by its Uzbek meaning too.
 */
function useTextLabel(): (key: string) => string {
  const { t } = useTranslation('documents');
  return (key) => {
    const chapter = key.endsWith('.points') ? key.replace(/\.points$/u, '.title') : null;
    const text = (chapter ? t(chapter) : t(key)).split('\n')[0]!.replace(/\{\{(\w+)\}\}/gu, '…');
    const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
    return chapter ? `${short} · ${t('register:texts.points')}` : short;
  };
}

function TextEditor({ language, textKey, standard, current }: { language: DocLanguage; textKey: string; standard: string; current: string | undefined }) {
  const { t } = useTranslation('register');
  const label = useTextLabel();
  const { db } = useServices();
  const feedback = useFeedback();
  const [value, setValue] = useState(current ?? standard);
  const dirty = value !== (current ?? standard);
  const save = async (text: string) => {
    try {
      // Saving the standard wording removes the office's own: later releases' corrections then apply.
      await saveTextOverride(db, language, textKey, text.trim() === standard.trim() ? '' : text);
      feedback.done('register:texts.saved');
    } catch (error) {
      feedback.failure(error);
    }
  };
  const placeholders = [...standard.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[0]);
  const missing = placeholders.filter((p) => !value.includes(p));
  // A part the document has no value for would stop it from printing.
  const unknown = [...value.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[0]).filter((p) => !placeholders.includes(p));
  const problem = unknown.length > 0 ? t('texts.unknownPlaceholders', { placeholders: unknown.join(' ') }) : null;
  // Leaving a part out may be meant (the hokim keeps control himself): said, not refused.
  const note = missing.length > 0 ? t('texts.missingPlaceholders', { placeholders: missing.join(' ') }) : null;
  return (
    <Stack spacing={1} data-testid={`text-${textKey}`}>
      <TextField
        label={label(textKey)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        multiline
        minRows={standard.includes('\n') ? 4 : 1}
        error={!!problem}
        helperText={problem ?? note ?? (standard.includes('\n') ? t('texts.onePerLine') : ' ')}
        slotProps={{ htmlInput: { 'data-testid': `text-input-${textKey}` } }}
      />
      <Stack direction="row" spacing={1}>
        <Button size="small" variant="contained" disabled={!dirty || !!problem || !value.trim()} onClick={() => void save(value)} data-testid={`text-save-${textKey}`}>
          {t('common:action.save')}
        </Button>
        {current !== undefined && (
          <Button size="small" onClick={() => (setValue(standard), void save(''))} data-testid={`text-reset-${textKey}`}>
            {t('texts.reset')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
