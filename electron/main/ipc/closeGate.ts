import type { CloseAnswer, HostApi } from '../../../renderer/src/host/hostApi';
import { ok } from './result';

/** How long the page has to answer a close request before the window closes anyway (a hung page must not keep it open). */
export const CLOSE_ANSWER_MS = 5_000;

export interface CloseGatePorts {
  /** Closes the window for good (the glue calls BrowserWindow.close; the gate lets that close through). */
  closeWindow(): void;
  /** A timer, injected so tests control time. Returns its cancel function. */
  setTimer(run: () => void, ms: number): () => void;
}

type CloseHandlers = Pick<HostApi, 'closeRequested' | 'closeAnswer'>;

export interface CloseGate {
  handlers: CloseHandlers;
  /**
   * The window's close event: true lets the window close now, false holds it (the glue then calls
   * preventDefault) while the page finishes what it must do first — the automatic backup on exit.
   * A page that does not wait (login screen, browser host) or does not answer in CLOSE_ANSWER_MS
   * does not hold the window; closing it again while the page works closes it at once.
   */
  onWindowClose(): boolean;
}

/**
 * The window's close, negotiated with the page without any message from main to the page: the page
 * keeps one `closeRequested()` call pending; a close resolves it, the page answers `busy` (it is
 * backing up: wait) or `ready`, and the window closes on `ready`.
 */
export function createCloseGate({ closeWindow, setTimer }: CloseGatePorts): CloseGate {
  let waiter: (() => void) | null = null;
  let phase: 'open' | 'asked' | 'busy' | 'closing' = 'open';
  let cancelTimer: (() => void) | null = null;

  const closeNow = () => {
    cancelTimer?.();
    cancelTimer = null;
    phase = 'closing';
    closeWindow();
  };

  return {
    onWindowClose() {
      if (phase !== 'open' || !waiter) {
        phase = 'closing';
        cancelTimer?.();
        return true;
      }
      const resolve = waiter;
      waiter = null;
      phase = 'asked';
      cancelTimer = setTimer(() => {
        if (phase === 'asked') closeNow();
      }, CLOSE_ANSWER_MS);
      resolve();
      return false;
    },
    handlers: {
      closeRequested() {
        // Only the latest page's wait counts: a reloaded page asks again, the old call is never answered.
        return new Promise((resolve) => {
          waiter = () => resolve(ok(undefined));
        });
      },
      async closeAnswer(answer: CloseAnswer) {
        if (phase === 'asked' || phase === 'busy') {
          if (answer === 'busy') {
            phase = 'busy';
            cancelTimer?.();
            cancelTimer = null;
          } else closeNow();
        }
        return ok(undefined);
      },
    },
  };
}
