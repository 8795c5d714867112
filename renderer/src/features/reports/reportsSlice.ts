import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { loggedOut } from '../../app/sessionSlice';

/** Which period the report covers, as the user chose it (the dates follow from it). */
export type PeriodChoice =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

/** The reports page's UI state, kept while the user follows a figure into the case list and back. */
export interface ReportsState {
  /** Null until the user chooses: the current month. */
  period: PeriodChoice | null;
  mahallaId: string;
  caseManagerId: string;
}

const initialState: ReportsState = { period: null, mahallaId: '', caseManagerId: '' };

export const reportsSlice = createSlice({
  name: 'reports',
  initialState,
  reducers: {
    periodChosen(state, action: PayloadAction<PeriodChoice>) {
      state.period = action.payload;
    },
    reportFilterChanged(state, action: PayloadAction<{ key: 'mahallaId' | 'caseManagerId'; value: string }>) {
      state[action.payload.key] = action.payload.value;
    },
  },
  extraReducers: (builder) => builder.addCase(loggedOut, () => initialState),
});

export const { periodChosen, reportFilterChanged } = reportsSlice.actions;
