import TranslateIcon from '@mui/icons-material/Translate';
import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppDispatch, useAppSelector } from './hooks';
import { USER_LANGUAGES, isUiLanguage } from './languages';
import { languageChanged } from './sessionSlice';

/** Switches the UI between Uzbek Latin, Uzbek Cyrillic and Russian; each name is written in itself. */
export function LanguageSwitcher({ variant = 'toolbar' }: { variant?: 'toolbar' | 'form' }) {
  const language = useAppSelector((state) => state.session.language);
  const dispatch = useAppDispatch();
  const { t } = useTranslation();
  const languages = USER_LANGUAGES.includes(language) ? USER_LANGUAGES : [...USER_LANGUAGES, language];
  return (
    <TextField
      select
      value={language}
      onChange={(event) => isUiLanguage(event.target.value) && dispatch(languageChanged(event.target.value))}
      label={variant === 'form' ? t('common:language.label') : undefined}
      fullWidth={variant === 'form'}
      slotProps={{
        htmlInput: { 'aria-label': t('common:language.label') },
        select: { SelectDisplayProps: { 'data-testid': 'language-switcher' } as object },
        input: variant === 'toolbar' ? { startAdornment: <TranslateIcon fontSize="small" sx={{ mr: 1 }} /> } : {},
      }}
      sx={variant === 'toolbar' ? { minWidth: 190, bgcolor: 'background.paper', borderRadius: 1 } : undefined}
    >
      {languages.map((code) => (
        <MenuItem key={code} value={code} data-testid={`language-${code}`}>
          {t(`common:language.name.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
