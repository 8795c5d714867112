import CloseIcon from '@mui/icons-material/Close';
import { Alert, AppBar, Box, Button, CircularProgress, Dialog, GlobalStyles, IconButton, MenuItem, Stack, TextField, Toolbar, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useFeedback } from '../../app/feedback';
import { DOC_LANGUAGES, type DocLanguage, type DocModel } from '../../documents/model';
import { DocumentPreview } from './DocumentPreview';
import type { Generated } from './generate';

/** The document language a form starts in: the UI's, or Uzbek Latin for the developers' English. */
export function documentLanguageFor(uiLanguage: string): DocLanguage {
  return (DOC_LANGUAGES as readonly string[]).includes(uiLanguage) ? (uiLanguage as DocLanguage) : 'uz-Latn';
}

/** While a document prints, only its sheets do: the app and the dialog's form stay off paper. */
const PRINT_STYLES = (
  <GlobalStyles
    styles={{
      '@media print': {
        'body.printing-document > *:not(.document-dialog)': { display: 'none !important' },
        'body.printing-document .document-dialog .no-print': { display: 'none !important' },
        'body.printing-document .document-dialog, body.printing-document .document-dialog *': { position: 'static !important', overflow: 'visible !important', height: 'auto !important', maxHeight: 'none !important' },
        '@page': { size: 'A4', margin: 0 },
      },
    }}
  />
);

/**
 * A document being prepared: the form on the left, the preview on the right, rebuilt from the
 * form as the user types, so what they check is what will print. "Generate" enters the document
 * in the register and saves it; "Print" prints the preview.
 */
export function GenerateDialog({
  title,
  language,
  onLanguage,
  form,
  buildModel,
  problems,
  onGenerate,
  onClose,
}: {
  title: string;
  language: DocLanguage;
  onLanguage: (language: DocLanguage) => void;
  /** The document's own fields, below the language. */
  form: ReactNode;
  /** Builds the model from the form as it is; changes identity when the form changes. */
  buildModel: () => Promise<DocModel>;
  /** Translated problems with the form; generating waits until there are none. */
  problems: string[];
  /** Registers and saves the document; the dialog tells the user how it went and closes. */
  onGenerate: (model: DocModel) => Promise<Generated>;
  onClose: () => void;
}) {
  const { t } = useTranslation('register');
  const { host } = useServices();
  const feedback = useFeedback();
  const [model, setModel] = useState<DocModel | null>(null);
  const [buildError, setBuildError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    // A short pause so the preview follows typing without rebuilding on every key.
    const timer = setTimeout(() => {
      buildModel().then(
        (built) => current && (setModel(built), setBuildError(null)),
        (error: unknown) => current && setBuildError(error),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [buildModel]);

  const print = async () => {
    document.body.classList.add('printing-document');
    try {
      const result = await host.print();
      if (!result.ok) feedback.hostError(result.error);
    } finally {
      document.body.classList.remove('printing-document');
    }
  };

  const generate = async () => {
    if (!model || problems.length) return;
    setBusy(true);
    try {
      // Built again from the form as it is now: the preview may be a keystroke behind.
      const current = await buildModel();
      setModel(current);
      const { record, saved } = await onGenerate(current);
      if (saved.ok) feedback.saved(saved.value, { openable: true });
      else if (saved.error.code === 'cancelled') feedback.done('register:registeredNotSaved', { number: record.registerNumber });
      else feedback.hostError(saved.error);
      onClose();
    } catch (error) {
      feedback.failure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog fullScreen open onClose={onClose} className="document-dialog" data-testid="generate-dialog">
      {PRINT_STYLES}
      <AppBar position="relative" color="default" elevation={1} className="no-print">
        <Toolbar sx={{ gap: 1 }}>
          <IconButton edge="start" onClick={onClose} aria-label={t('common:action.cancel')} data-testid="generate-close">
            <CloseIcon />
          </IconButton>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {title}
          </Typography>
          <Button onClick={() => void print()} disabled={!model} data-testid="generate-print">
            {t('common:action.print')}
          </Button>
          <Button variant="contained" onClick={() => void generate()} disabled={!model || !!buildError || busy || problems.length > 0} data-testid="generate-save">
            {busy ? <CircularProgress size={20} /> : t('generate')}
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Box className="no-print" sx={{ width: 400, flexShrink: 0, overflowY: 'auto', p: 2, borderRight: 1, borderColor: 'divider' }}>
          <Stack spacing={2}>
            <TextField select label={t('field.language')} value={language} onChange={(e) => onLanguage(e.target.value as DocLanguage)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'doc-language' } as object } }}>
              {DOC_LANGUAGES.map((code) => (
                <MenuItem key={code} value={code} data-testid={`doc-language-${code}`}>
                  {t(`language.${code}`)}
                </MenuItem>
              ))}
            </TextField>
            {form}
            {problems.length > 0 && (
              <Alert severity="warning" data-testid="generate-problems">
                {problems.map((problem) => (
                  <div key={problem}>{problem}</div>
                ))}
              </Alert>
            )}
          </Stack>
        </Box>
        <Box sx={{ flex: 1, overflow: 'auto' }} aria-label={t('preview')}>
          {buildError ? (
            <Alert severity="error" sx={{ m: 2 }} data-testid="preview-error">
              {t('previewFailed')}
            </Alert>
          ) : model ? (
            <DocumentPreview model={model} />
          ) : (
            <Box sx={{ p: 4, textAlign: 'center' }}>
              <CircularProgress />
            </Box>
          )}
        </Box>
      </Box>
    </Dialog>
  );
}
