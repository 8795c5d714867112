import { useEffect, useRef } from 'react';

/**
 * Unsaved form drafts, kept in this PC's localStorage so a half-filled form survives a reload,
 * a crash or the idle lock. Drafts are per form (a key like `case:new` or `case:<id>:edit`) and
 * are cleared when the form is saved or the user discards them.
 */
const PREFIX = 'hamkorlik.draft.';

export function loadDraft<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full disk: the form still works, only without surviving a reload.
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(PREFIX + key);
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
