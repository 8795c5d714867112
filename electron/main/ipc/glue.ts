import type { HostApi, HostResult } from '../../../renderer/src/host/hostApi';
import { CHANNELS, METHOD_BY_CHANNEL, type HostMethod } from './channels';
import { fail, HostFailure } from './result';
import { ARGUMENT_SCHEMAS } from './schemas';

/** The handlers behind the bridge: the host interface itself, as plain async functions. */
export type HostHandlers = HostApi;

/** What the glue needs to know about the frame a message came from. */
export interface SenderFrame {
  url: string;
  /** true for the window's top frame; subframes never get host access. */
  isMainFrame: boolean;
}

export type Dispatch = (frame: SenderFrame | null, channel: string, args: unknown[]) => Promise<HostResult<unknown>>;

/**
 * Builds the one entry point both Electron's ipcMain and the e2e host call: it checks the sender,
 * validates the arguments and turns every failure into data.
 */
export function createDispatcher(handlers: HostHandlers, isTrustedFrame: (frame: SenderFrame) => boolean): Dispatch {
  return async (frame, channel, args) => {
    const method = METHOD_BY_CHANNEL.get(channel);
    if (!method) return fail('invalid-argument', `unknown channel ${channel}`);
    if (!frame || !frame.isMainFrame || !isTrustedFrame(frame)) return fail('forbidden-sender', frame?.url ?? 'no frame');
    const parsed = ARGUMENT_SCHEMAS[method].safeParse(args);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(args)'}: ${issue.message}`);
      return fail('invalid-argument', where.join('; ').slice(0, 500));
    }
    try {
      const handler = handlers[method] as (...a: unknown[]) => Promise<HostResult<unknown>>;
      return await handler(...(parsed.data as unknown[]));
    } catch (error) {
      if (error instanceof HostFailure) return fail(error.code, error.detail);
      return fail('internal', error instanceof Error ? error.message.slice(0, 500) : 'unknown');
    }
  };
}

/** The slice of Electron's ipcMain the glue uses, so it can be tested with a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** Registers one ipcMain handler per host channel. */
export function registerHostHandlers(ipc: IpcMainLike, dispatch: Dispatch): void {
  for (const method of Object.keys(CHANNELS) as HostMethod[]) {
    const channel = CHANNELS[method];
    ipc.handle(channel, (event, ...args) => {
      const frame = event.senderFrame ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null } : null;
      return dispatch(frame, channel, args);
    });
  }
}

/** Trusts only pages of the given origin. */
export function trustOrigin(origin: string): (frame: SenderFrame) => boolean {
  return (frame) => {
    try {
      return new URL(frame.url).origin === origin || frame.url.startsWith(`${origin}/`);
    } catch {
      return false;
    }
  };
}
