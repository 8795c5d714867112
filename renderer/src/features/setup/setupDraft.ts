import type { TriLingualText } from '../../domain/names';
import type { OfficeDraft } from '../../domain/office';
import type { AdministratorDraft } from './AdministratorForm';

/** What the user has entered so far in first-run setup; kept so a reload does not lose it. */
export interface SetupDraft {
  step: number;
  office: OfficeDraft | null;
  mahallas: { id: string; name: TriLingualText }[];
  administrator: AdministratorDraft | null;
}

const KEY = 'hamkorlik.setupDraft';

export function loadSetupDraft(): SetupDraft | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const draft = JSON.parse(text) as SetupDraft;
    return typeof draft.step === 'number' && Array.isArray(draft.mahallas) ? draft : null;
  } catch {
    return null;
  }
}

export function saveSetupDraft(draft: SetupDraft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // A full disk or private mode: setup still works, only without surviving a reload.
  }
}

export function clearSetupDraft(): void {
  localStorage.removeItem(KEY);
}
