import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/**
 * A short message at the bottom of the screen. It holds a locale key and its values, not text,
 * so it follows a language switch; `fileId` offers "Show in folder" for a file just saved.
 */
export interface Notice {
  id: number;
  severity: 'success' | 'info' | 'warning' | 'error';
  messageKey: string;
  values?: Record<string, string | number>;
  detail?: string;
  /** Why it failed, in words, under the message (the disk was full). */
  cause?: NoticeCause;
  fileId?: string;
  /** The saved file can be opened in the program the system uses for it (a document in the word processor). */
  openable?: boolean;
}

export interface NoticeCause {
  key: string;
  values?: Record<string, string | number>;
}

export interface NoticeState {
  current: Notice | null;
  nextId: number;
}

export const noticeSlice = createSlice({
  name: 'notice',
  initialState: { current: null, nextId: 1 } as NoticeState,
  reducers: {
    noticeShown(state, action: PayloadAction<Omit<Notice, 'id'>>) {
      state.current = { ...action.payload, id: state.nextId };
      state.nextId += 1;
    },
    noticeDismissed(state) {
      state.current = null;
    },
  },
});

export const { noticeShown, noticeDismissed } = noticeSlice.actions;
