import { configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import type { i18n as I18n } from 'i18next';
import type { HostApi, UiLanguage } from '../host/hostApi';
import { rememberLanguage } from './languages';
import { casesSlice } from '../features/cases';
import { reportsSlice } from '../features/reports';
import { noticeSlice } from './noticeSlice';
import { setDraftOwner } from './drafts';
import { languageChanged, loggedIn, loggedOut, sessionSlice } from './sessionSlice';

/** The store holds UI and session state only; it is made once by the composition root. */
export function createStore(options: { host: HostApi; i18n: I18n; language: UiLanguage }) {
  const listeners = createListenerMiddleware();
  listeners.startListening({
    actionCreator: languageChanged,
    effect: async ({ payload }) => {
      rememberLanguage(payload);
      document.documentElement.lang = payload;
      await options.i18n.changeLanguage(payload);
      await options.host.setLanguage(payload);
    },
  });
  // Unsaved drafts belong to the user who typed them: the next person at the PC does not see them.
  listeners.startListening({ actionCreator: loggedIn, effect: ({ payload }) => setDraftOwner(payload.userId) });
  listeners.startListening({ actionCreator: loggedOut, effect: () => setDraftOwner(null) });
  return configureStore({
    reducer: { session: sessionSlice.reducer, notice: noticeSlice.reducer, cases: casesSlice.reducer, reports: reportsSlice.reducer },
    preloadedState: { session: { language: options.language, currentUserId: null, roles: [], mahallaIds: [], locked: false } },
    middleware: (getDefault) => getDefault().prepend(listeners.middleware),
  });
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
