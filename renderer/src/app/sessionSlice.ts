import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { UiLanguage } from '../host/hostApi';

/** Who is working and in which language. Stored data is not here: it comes from Dexie. */
export interface SessionState {
  language: UiLanguage;
  currentUserId: string | null;
}

export const sessionSlice = createSlice({
  name: 'session',
  initialState: { language: 'uz-Latn', currentUserId: null } as SessionState,
  reducers: {
    languageChanged(state, action: PayloadAction<UiLanguage>) {
      state.language = action.payload;
    },
    userSelected(state, action: PayloadAction<string | null>) {
      state.currentUserId = action.payload;
    },
  },
});

export const { languageChanged, userSelected } = sessionSlice.actions;
