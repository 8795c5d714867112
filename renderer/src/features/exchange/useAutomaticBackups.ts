import { useEffect } from 'react';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { runAutomaticBackup } from './automaticBackup';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';
import { restoreRunning } from './restoring';

/** After login the first check waits for the first screen to settle; then once an hour. */
const FIRST_CHECK_MS = 5_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs the PC's automatic backup while someone is logged in (`active`): a check soon after login and
 * every hour, one at a time. A backup that could not be written says so (the user should then take
 * one on a USB stick); skipped ones (not due, no key kept here) are silent.
 */
export function useAutomaticBackups(active: boolean): void {
  const { db, host } = useServices();
  const { error: showError } = useFeedback();
  useEffect(() => {
    if (!active) return;
    // Why, in words under the message; the code and the system's words as the support detail.
    const showFailed = ({ key, values, detail }: FailureMessage) => showError('exchange:automatic.failed', { detail, cause: { key, ...(values ? { values } : {}) } });
    let running = false;
    const check = async () => {
      // A restore under way: the next hour's check takes the backup.
      if (running || restoreRunning()) return;
      running = true;
      try {
        const outcome = await runAutomaticBackup({ db, host }, new Date());
        if ('failed' in outcome) showFailed(hostFailure(outcome.failed));
      } catch (error) {
        // A logout in the middle (the session gone) ends it; the next login checks again.
        if (db.session) showFailed(describeFailure(error));
        else console.error(error);
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => void check(), FIRST_CHECK_MS);
    const every = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [active, db, host, showError]);
}
