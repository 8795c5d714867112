import { ThemeProvider } from '@mui/material';
import { createTheme } from '@mui/material/styles';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/**
 * The app's theme with the texts MUI components carry themselves (an autocomplete's Clear, Open
 * and Close buttons, read out by screen readers and shown as tooltips) in the UI's language.
 */
export function LocalizedThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('common');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const localized = useMemo(
    () =>
      createTheme(theme, {
        components: {
          MuiAutocomplete: { defaultProps: { clearText: t('autocomplete.clear'), openText: t('autocomplete.open'), closeText: t('autocomplete.close') } },
        },
      }),
    // `t` follows the language: the texts change with it.
    [t, language],
  );
  return <ThemeProvider theme={localized}>{children}</ThemeProvider>;
}
