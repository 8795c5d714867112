import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { loggedOut } from '../../app/sessionSlice';
import type { CaseFilter, CaseSort } from '../../db/repositories/caseQueries';
import type { UiLanguage } from '../../host/hostApi';

/** The case list's UI state: what the user typed, filtered, sorted and paged to. Data is not here. */
export interface CasesState {
  search: string;
  filter: CaseFilter;
  sort: CaseSort;
  page: number;
  pageSize: number;
  /** The cases behind a report figure the user clicked: the list shows only them until cleared. */
  selection: CaseSelection | null;
}

export interface CaseSelection {
  /** What the figure was, in every language ("Overdue monitorings — 3rd quarter 2026"), so a language switch renames it. */
  title: Record<UiLanguage, string>;
  caseIds: string[];
}

const initialState: CasesState = { search: '', filter: {}, sort: { field: 'updatedAt', direction: 'desc' }, page: 0, pageSize: 50, selection: null };

export const casesSlice = createSlice({
  name: 'cases',
  initialState,
  reducers: {
    searchChanged(state, action: PayloadAction<string>) {
      state.search = action.payload;
      state.page = 0;
    },
    filterChanged(state, action: PayloadAction<{ key: keyof CaseFilter; value: string | undefined }>) {
      const { key, value } = action.payload;
      if (value) (state.filter as Record<string, string>)[key] = value;
      else delete state.filter[key];
      state.page = 0;
    },
    filtersCleared(state) {
      state.filter = {};
      state.page = 0;
    },
    sortChanged(state, action: PayloadAction<CaseSort>) {
      state.sort = action.payload;
      state.page = 0;
    },
    selectionShown(state, action: PayloadAction<CaseSelection>) {
      state.selection = action.payload;
      state.search = '';
      state.page = 0;
    },
    selectionCleared(state) {
      state.selection = null;
      state.page = 0;
    },
    pageChanged(state, action: PayloadAction<{ page: number; pageSize: number }>) {
      state.page = action.payload.page;
      state.pageSize = action.payload.pageSize;
    },
  },
  // The next person at the PC does not find the last one's search and filters.
  extraReducers: (builder) => builder.addCase(loggedOut, () => initialState),
});

export const { searchChanged, filterChanged, filtersCleared, sortChanged, pageChanged, selectionShown, selectionCleared } = casesSlice.actions;
