import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Actor } from '../domain/access';
import type { Role } from '../domain/user';
import type { UiLanguage } from '../host/hostApi';

/**
 * Who is working and in which language, and whether the screen is locked. A mirror for the UI of
 * the database's session (db.session), which the data layer enforces; stored data is not here.
 */
export interface SessionState {
  language: UiLanguage;
  currentUserId: string | null;
  roles: Role[];
  mahallaIds: string[];
  locked: boolean;
}

export const sessionSlice = createSlice({
  name: 'session',
  initialState: { language: 'uz-Latn', currentUserId: null, roles: [], mahallaIds: [], locked: false } as SessionState,
  reducers: {
    languageChanged(state, action: PayloadAction<UiLanguage>) {
      state.language = action.payload;
    },
    loggedIn(state, action: PayloadAction<Actor>) {
      state.currentUserId = action.payload.userId;
      state.roles = [...action.payload.roles];
      state.mahallaIds = [...action.payload.mahallaIds];
      state.locked = false;
    },
    loggedOut(state) {
      state.currentUserId = null;
      state.roles = [];
      state.mahallaIds = [];
      state.locked = false;
    },
    lockChanged(state, action: PayloadAction<boolean>) {
      if (state.currentUserId) state.locked = action.payload;
    },
  },
});

export const { languageChanged, loggedIn, loggedOut, lockChanged } = sessionSlice.actions;
