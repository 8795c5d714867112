import { useEffect, useRef } from 'react';

/**
 * Unsaved form drafts, kept in this PC's localStorage so a half-filled form survives a reload,
 * a crash or the idle lock. Drafts are per form (a key like `case:new` or `case:<id>:edit`) and
 * are cleared when the form is saved or the user discards them.
 */
const PREFIX = 'hamkorlik.draft.';

/** Drafts are kept per user, so a half-filled form is found again only by the one who typed it. */
let owner: string | null = null;

export function setDraftOwner(userId: string | null): void {
  owner = userId;
}

const storageKey = (key: string) => `${PREFIX}${owner ?? '-'}.${key}`;

export function loadDraft<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(storageKey(key));
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(storageKey(key), JSON.stringify(value));
  } catch {
    // A full disk: the form still works, only without surviving a reload.
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(storageKey(key));
}

/** Saves `value` under `key` shortly after it stops changing, and once more when the page is hidden. */
export function useAutosave(key: string, value: unknown, enabled = true): void {
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => saveDraft(key, latest.current), 400);
    return () => clearTimeout(timer);
  }, [key, value, enabled]);
  useEffect(() => {
    if (!enabled) return;
    const flush = () => saveDraft(key, latest.current);
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [key, enabled]);
}
