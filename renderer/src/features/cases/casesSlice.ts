import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { loggedOut } from '../../app/sessionSlice';
import type { CaseFilter, CaseSort } from '../../db/repositories/caseQueries';

/** The case list's UI state: what the user typed, filtered, sorted and paged to. Data is not here. */
export interface CasesState {
  search: string;
  filter: CaseFilter;
  sort: CaseSort;
  page: number;
  pageSize: number;
}

const initialState: CasesState = { search: '', filter: {}, sort: { field: 'updatedAt', direction: 'desc' }, page: 0, pageSize: 50 };

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
    pageChanged(state, action: PayloadAction<{ page: number; pageSize: number }>) {
      state.page = action.payload.page;
      state.pageSize = action.payload.pageSize;
    },
  },
  // The next person at the PC does not find the last one's search and filters.
  extraReducers: (builder) => builder.addCase(loggedOut, () => initialState),
});

export const { searchChanged, filterChanged, filtersCleared, sortChanged, pageChanged } = casesSlice.actions;
