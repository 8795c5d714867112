import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExchangeProgress } from '../../db/exchange';
import { isCancelled } from './exchangeMessages';

export type JobOutcome<T> = { cancelled: true } | { cancelled: false; value: T };

/** How often the progress bar is redrawn at most; the data layer may report every record. */
const REDRAW_MS = 100;

/**
 * A long backup or restore run from a dialog: its progress, its Cancel. Kept in the dialog rather
 * than in Redux because the job cannot outlive the modal dialog that runs it and its AbortController
 * is not serializable. Closing the dialog (unmounting) cancels the job.
 */
export function useExchangeJob() {
  const [progress, setProgress] = useState<ExchangeProgress | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef<ExchangeProgress | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onProgress = useCallback((next: ExchangeProgress) => {
    latest.current = next;
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setProgress(latest.current);
    }, REDRAW_MS);
  }, []);

  /**
   * Runs `work` with a fresh signal. Resolves to its value when it returns, or to `cancelled` when it
   * threw after the user pressed Cancel (whatever it threw then); rethrows any other failure.
   */
  const run = useCallback(async <T,>(work: (signal: AbortSignal, report: (progress: ExchangeProgress) => void) => Promise<T>): Promise<JobOutcome<T>> => {
    const current = new AbortController();
    controller.current = current;
    latest.current = null;
    setProgress(null);
    setRunning(true);
    try {
      const value = await work(current.signal, onProgress);
      // Work that returned has happened: a Cancel pressed past its point of no return (a backup's
      // file being checked and renamed into place, a restore's database switched) did not undo it,
      // and "cancelled" would tell the user there is no new file when there is.
      return { cancelled: false, value };
    } catch (error) {
      if (isCancelled(error, current.signal)) return { cancelled: true };
      throw error;
    } finally {
      if (controller.current === current) controller.current = null;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setRunning(false);
    }
  }, [onProgress]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { progress, running, run, cancel };
}
