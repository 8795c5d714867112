import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { runAutomaticBackup } from './automaticBackup';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';

/** What the window shows while it closes: nothing, the backup being written, or why it could not be. */
export type ExitBackupState = { phase: 'idle' } | { phase: 'backingUp' } | { phase: 'failed'; failure: FailureMessage };

/**
 * The automatic backup on exit, while someone is logged in (`active`): the page waits for the
 * window's close (host.closeRequested); when the office data changed since the last automatic
 * backup began, it asks the host to hold the window, backs up, and lets it close. With nothing
 * changed (or no key kept here) the window closes at once. A backup that fails keeps the window
 * open with the reason, until the user closes it again. `closeNow` closes without waiting.
 */
export function useExitBackup(active: boolean): { state: ExitBackupState; closeNow: () => void } {
  const { db, host } = useServices();
  const [state, setState] = useState<ExitBackupState>({ phase: 'idle' });

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    void (async () => {
      const asked = await host.closeRequested();
      if (!asked.ok) return;
      // Logged out meanwhile: nothing of this session to back up.
      if (stopped || !db.session) return void host.closeAnswer('ready');
      // Only a backup that will be written holds the window; the checks before it take milliseconds.
      const onStart = () => {
        void host.closeAnswer('busy');
        setState({ phase: 'backingUp' });
      };
      // A failure keeps the window open with the reason, however early it came.
      const fail = (failure: FailureMessage) => {
        void host.closeAnswer('busy');
        setState({ phase: 'failed', failure });
      };
      try {
        const outcome = await runAutomaticBackup({ db, host }, new Date(), { ifChanged: true, onStart });
        if ('failed' in outcome) return fail(hostFailure(outcome.failed));
      } catch (error) {
        return fail(describeFailure(error));
      }
      await host.closeAnswer('ready');
    })();
    return () => {
      stopped = true;
    };
  }, [active, db, host]);

  return { state, closeNow: () => void host.closeAnswer('ready') };
}
