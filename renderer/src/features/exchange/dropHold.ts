import { useEffect } from 'react';

/**
 * Dialogs in the middle of something — writing a file, reading one, a person's conflict decisions
 * not yet applied — hold back a file dropped onto the window: opening its dialog would replace the
 * open one and stop its work or lose its decisions. The drop is refused with a message instead.
 */
const holders = new Set<symbol>();

/** Holds drops back while `active`. */
export function useDropHold(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const holder = Symbol('drop hold');
    holders.add(holder);
    return () => void holders.delete(holder);
  }, [active]);
}

/** Whether an open dialog holds drops back now. */
export function dropsHeld(): boolean {
  return holders.size > 0;
}
