import { describe, expect, it } from 'vitest';
import { CLOSE_ANSWER_MS, createCloseGate } from './closeGate';

/** A gate over a fake window and a clock the test moves. */
function gate() {
  const state = { closedBy: [] as string[], now: 0, timers: [] as { at: number; run: () => void; cancelled: boolean }[] };
  const closeGate = createCloseGate({
    closeWindow: () => state.closedBy.push('page'),
    setTimer: (run, ms) => {
      const timer = { at: state.now + ms, run, cancelled: false };
      state.timers.push(timer);
      return () => void (timer.cancelled = true);
    },
  });
  const advance = (ms: number) => {
    state.now += ms;
    for (const timer of state.timers) if (!timer.cancelled && timer.at <= state.now) (timer.cancelled = true), timer.run();
  };
  return { state, closeGate, advance };
}

describe('the window close, negotiated with the page', () => {
  it('closes at once when no page waits (the login screen, or a page that never asked)', () => {
    const { closeGate } = gate();
    expect(closeGate.onWindowClose()).toBe(true);
  });

  it('holds the window while the page backs up, and closes on its "ready"', async () => {
    const { state, closeGate, advance } = gate();
    let asked = false;
    void closeGate.handlers.closeRequested().then((result) => (asked = result.ok));
    expect(closeGate.onWindowClose()).toBe(false);
    await Promise.resolve();
    expect(asked).toBe(true);
    await closeGate.handlers.closeAnswer('busy');
    advance(10 * CLOSE_ANSWER_MS); // a long backup: the answer timer no longer runs
    expect(state.closedBy).toEqual([]);
    await closeGate.handlers.closeAnswer('ready');
    expect(state.closedBy).toEqual(['page']);
    // The glue's window.close() comes back through the close event: it goes through now.
    expect(closeGate.onWindowClose()).toBe(true);
  });

  it('closes when the page does not answer in time, and a second close while the page works closes at once', async () => {
    const hung = gate();
    void hung.closeGate.handlers.closeRequested();
    expect(hung.closeGate.onWindowClose()).toBe(false);
    hung.advance(CLOSE_ANSWER_MS - 1);
    expect(hung.state.closedBy).toEqual([]);
    hung.advance(1);
    expect(hung.state.closedBy).toEqual(['page']);

    const impatient = gate();
    void impatient.closeGate.handlers.closeRequested();
    expect(impatient.closeGate.onWindowClose()).toBe(false);
    await impatient.closeGate.handlers.closeAnswer('busy');
    expect(impatient.closeGate.onWindowClose()).toBe(true);
    // A "ready" arriving after the window went does not close anything twice.
    await impatient.closeGate.handlers.closeAnswer('ready');
    expect(impatient.state.closedBy).toEqual([]);
  });

  it('answers outside a close change nothing; only the latest wait of a reloaded page is asked', async () => {
    const { state, closeGate } = gate();
    await closeGate.handlers.closeAnswer('ready');
    expect(state.closedBy).toEqual([]);
    const answered: string[] = [];
    void closeGate.handlers.closeRequested().then(() => answered.push('old page'));
    void closeGate.handlers.closeRequested().then(() => answered.push('new page'));
    expect(closeGate.onWindowClose()).toBe(false);
    await Promise.resolve();
    expect(answered).toEqual(['new page']);
  });
});
