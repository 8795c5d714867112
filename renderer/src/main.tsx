import './app/zodSetup'; // first: schemas are built while the modules below load
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-ext-400.css';
import '@fontsource/roboto/latin-ext-500.css';
import '@fontsource/roboto/cyrillic-400.css';
import '@fontsource/roboto/cyrillic-500.css';
import '@fontsource/roboto/cyrillic-ext-400.css';
import '@fontsource/roboto/cyrillic-ext-500.css';
import { Box, CssBaseline, LinearProgress, ThemeProvider, Typography } from '@mui/material';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import { initI18n } from './app/i18n';
import { languageFromLocale, rememberedLanguage, rememberLanguage } from './app/languages';
import { DatesProvider } from './app/DatesProvider';
import { AppRoutes } from './app/routes';
import { ServicesProvider } from './app/services';
import { createStore } from './app/store';
import { theme } from './app/theme';
import { LocalizedThemeProvider } from './app/LocalizedTheme';
import { DatabaseDirectory } from './db/activeDatabase';
import { getSetting } from './db/repositories/settings';
import { requestPersistentStorage } from './db/storage';
import { pickHost } from './host';
import { StartupError } from './ui/StartupError';
import { backupBeforeUpgradeAsking } from './features/exchange/automaticBackup';
import { UpgradeBackupFailed } from './features/exchange/UpgradeBackupFailed';

/** The composition root: pick the host, open the database, set up i18n and the store, render. */
async function start(): Promise<void> {
  // A file dropped where nothing takes it would replace the app with the file (Electron blocks the
  // navigation, a browser follows it). The app shell's FileDrop takes files dropped while logged in.
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault());
  const root = createRoot(document.getElementById('root')!);
  const host = pickHost();
  const info = await host.appInfo();
  if (!info.ok) throw new Error(`host: ${info.error.code}`);
  const language = rememberedLanguage() ?? languageFromLocale(info.value.locale);
  rememberLanguage(language);
  document.documentElement.lang = language;
  const directory = new DatabaseDirectory();
  const i18n = await initI18n(language);
  // The first start after an update that changes the database: a safety copy of it as it is, first.
  // If it fails, the person at the PC is told why and decides: try again, or upgrade without it.
  const { upgrading } = await backupBeforeUpgradeAsking(directory, host, info.value.installationId, () => new Date(), {
    onStart: () => root.render(<StartupScreen i18n={i18n} text="exchange:automatic.beforeUpgrade" testId="startup-backup" />),
    askAfterFailure: (failure) =>
      new Promise((answer) =>
        root.render(
          <I18nextProvider i18n={i18n}>
            <ThemeProvider theme={theme}>
              <CssBaseline />
              <UpgradeBackupFailed failure={failure} onAnswer={answer} />
            </ThemeProvider>
          </I18nextProvider>,
        ),
      ),
  });
  // An upgrade may rewrite many cases (v006 at 20,000 families: 34 s, docs/BENCH.md): never a blank window meanwhile.
  if (upgrading) root.render(<StartupScreen i18n={i18n} text="common:startup.upgrading" testId="startup-upgrade" />);
  const db = await directory.openActive();
  void requestPersistentStorage();
  void host.setLanguage(language);
  const store = createStore({ host, i18n, language });
  // `npm run seed -- --families N` (development server only) fills an empty database with a generated office.
  if (import.meta.env.DEV && import.meta.env.VITE_DEMO_FAMILIES && !(await getSetting(db, 'setupCompletedAt'))) {
    const { seedDemo } = await import('./devtools/seedDemo');
    await seedDemo(db, Number(import.meta.env.VITE_DEMO_FAMILIES));
  }
  // Nobody is logged in at start: the login screen (or first-run setup) comes first.
  db.installationId = info.value.installationId;

  root.render(
    <StrictMode>
      <Provider store={store}>
        <I18nextProvider i18n={i18n}>
          <ServicesProvider services={{ host, db, appInfo: info.value, directory }}>
            <LocalizedThemeProvider>
              <CssBaseline />
              <DatesProvider>
                <AppRoutes />
              </DatesProvider>
            </LocalizedThemeProvider>
          </ServicesProvider>
        </I18nextProvider>
      </Provider>
    </StrictMode>,
  );
}

/** What the window shows while the database is backed up before an upgrade, then upgraded (no store or router yet). */
function StartupScreen({ i18n, text, testId }: { i18n: Awaited<ReturnType<typeof initI18n>>; text: string; testId: string }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ p: 6, maxWidth: 640 }} data-testid={testId}>
        <Typography variant="h6" sx={{ mb: 2 }}>
          {i18n.t(text)}
        </Typography>
        <LinearProgress />
      </Box>
    </ThemeProvider>
  );
}

start().catch((error: unknown) => {
  console.error(error);
  createRoot(document.getElementById('root')!).render(<StartupError error={error} />);
});
