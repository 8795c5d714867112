import { describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../renderer/src/host/hostApi';
import { createHostBridge } from '../../preload/bridge';
import { CHANNELS } from './channels';
import { createDispatcher, registerHostHandlers, trustOrigin, type HostHandlers, type IpcEventLike } from './glue';

function recordingHandlers() {
  const calls: { method: string; args: unknown[] }[] = [];
  const handlers = new Proxy({} as HostHandlers, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      calls.push({ method, args });
      return { ok: true, value: method };
    },
  });
  return { calls, handlers };
}

const trusted = { url: 'app://hamkorlik/index.html', isMainFrame: true };

describe('IPC glue', () => {
  it('passes a well-formed call from the app frame to its handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, trustOrigin('app://hamkorlik'));
    expect(await dispatch(trusted, 'app:set-language', ['uz-Cyrl'])).toEqual({ ok: true, value: 'setLanguage' });
    expect(calls).toEqual([{ method: 'setLanguage', args: ['uz-Cyrl'] }]);
  });

  it('rejects a foreign sender frame before the handler runs', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, trustOrigin('app://hamkorlik'));
    for (const frame of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://hamkorlik.evil/index.html', isMainFrame: true },
      { url: 'file:///C:/index.html', isMainFrame: true },
      { url: 'app://hamkorlik/index.html', isMainFrame: false },
      null,
    ]) {
      const result = await dispatch(frame, 'app:get-info', []);
      expect(result.ok ? null : result.error.code).toBe('forbidden-sender');
    }
    expect(calls).toEqual([]);
  });

  it('rejects malformed arguments with invalid-argument', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, trustOrigin('app://hamkorlik'));
    const bad: [string, unknown[]][] = [
      ['app:set-language', ['de']],
      ['app:set-language', []],
      ['app:save-file', [{ suggestedName: '../../evil.exe', filters: [], bytes: new Uint8Array(1) }]],
      ['app:save-file', [{ suggestedName: 'C:\\Windows\\x.dll', filters: [], bytes: new Uint8Array(1) }]],
      ['app:save-file', [{ suggestedName: 'ok.pdf', filters: [], bytes: 'not bytes' }]],
      ['app:open-file', [{ filters: [], maxBytes: -1 }]],
      ['app:read-stream-read', ['not-a-uuid', 0, 10]],
      ['app:read-stream-read', ['2f1c8a4e-8d1b-4c55-9a55-0c3f1e2d3b4a', -5, 10]],
      ['app:get-info', ['extra']],
      ['app:open-external', [42]],
      ['app:automatic-backup-write-open', [{ name: '../auto-2026-12-05T07-53-12.hmk' }]],
      ['app:automatic-backup-write-open', [{ name: 'auto-2026-12-05T07-53-12.hmk', expectedBytes: -1 }]],
      ['app:automatic-backup-read-open', ['C:\\Users\\x\\auto-2026-12-05T07-53-12.hmk']],
      ['app:automatic-backup-remove', ['auto-x.hmk']],
      ['app:automatic-backup-remove', ['.auto-2026-12-05T07-53-12.hmk.0a1b2c3d4e5f.tmp']],
      ['app:keep-data-key', [new Uint8Array(31)]],
      ['app:keep-data-key', [undefined]],
      ['app:keep-data-key', []],
      ['app:kept-data-key', ['extra']],
    ];
    for (const [channel, args] of bad) {
      const result = await dispatch(trusted, channel, args);
      expect(result.ok ? `${channel} accepted` : result.error.code).toBe('invalid-argument');
    }
    expect(await dispatch(trusted, 'app:no-such-channel', [])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(calls).toEqual([]);
  });

  it('passes well-formed automatic backup and data key calls', async () => {
    const { calls, handlers } = recordingHandlers();
    const dispatch = createDispatcher(handlers, trustOrigin('app://hamkorlik'));
    const key = new Uint8Array(32).fill(7);
    for (const [channel, args] of [
      ['app:automatic-backup-list', []],
      ['app:automatic-backup-write-open', [{ name: 'auto-2026-12-05T07-53-12.hmk' }]],
      ['app:automatic-backup-read-open', ['auto-2026-12-05T07-53-12.hmk']],
      ['app:keep-data-key', [key]],
      ['app:keep-data-key', [null]],
    ] as [string, unknown[]][]) {
      expect(await dispatch(trusted, channel, args)).toMatchObject({ ok: true });
    }
    expect(calls.map((c) => c.method)).toEqual(['automaticBackupList', 'automaticBackupWriteOpen', 'automaticBackupReadOpen', 'keepDataKey', 'keepDataKey']);
    expect(calls[3]!.args).toEqual([key]);
  });

  it('returns a thrown error as data', async () => {
    const handlers = { appInfo: async () => Promise.reject(new Error('boom')) } as unknown as HostHandlers;
    const dispatch = createDispatcher(handlers, trustOrigin('app://hamkorlik'));
    expect(await dispatch(trusted, 'app:get-info', [])).toEqual({ ok: false, error: { code: 'internal', detail: 'boom' } });
  });

  it('registers one ipcMain handler per channel and reads the sender frame from the event', async () => {
    const { handlers } = recordingHandlers();
    const registered = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    registerHostHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, createDispatcher(handlers, trustOrigin('app://hamkorlik')));
    expect([...registered.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const listener = registered.get('app:get-info')!;
    expect(await listener({ senderFrame: { url: 'app://hamkorlik/index.html', parent: null } })).toMatchObject({ ok: true });
    expect(await listener({ senderFrame: { url: 'app://hamkorlik/index.html', parent: {} } })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});

describe('preload bridge', () => {
  it('exposes one function per channel, each sending on its own channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: undefined as never }));
    const host = createHostBridge(invoke);
    expect(Object.keys(host).sort()).toEqual(Object.keys(CHANNELS).sort());
    const sample: { [K in keyof HostApi]: Parameters<HostApi[K]> } = {
      appInfo: [],
      setLanguage: ['ru'],
      saveFile: [{ suggestedName: 'a.pdf', filters: [], bytes: new Uint8Array(1) }],
      openFile: [{ filters: [], maxBytes: 1 }],
      writeStreamOpen: [{ suggestedName: 'a', filters: [] }],
      writeStreamAppend: ['s', new Uint8Array(1)],
      writeStreamCommit: ['s'],
      writeStreamAbort: ['s'],
      readStreamOpen: [{ filters: [] }],
      readStreamRead: ['s', 0, 1],
      readStreamClose: ['s'],
      print: [],
      printToPdf: [{ suggestedName: 'a.pdf', filters: [] }],
      showInFolder: ['f'],
      openWithSystem: ['f'],
      openExternal: ['https://lex.uz/'],
      automaticBackupList: [],
      automaticBackupWriteOpen: [{ name: 'auto-2026-12-05T07-53-12.hmk', expectedBytes: 10 }],
      automaticBackupReadOpen: ['auto-2026-12-05T07-53-12.hmk'],
      automaticBackupRemove: ['auto-2026-12-05T07-53-12.hmk'],
      keepDataKey: [new Uint8Array(32)],
      keptDataKey: [],
      closeRequested: [],
      closeAnswer: ['busy'],
    };
    for (const method of Object.keys(CHANNELS) as (keyof HostApi)[]) {
      invoke.mockClear();
      await (host[method] as (...args: unknown[]) => Promise<unknown>)(...sample[method]);
      expect(invoke).toHaveBeenCalledWith(CHANNELS[method], ...sample[method]);
    }
    expect(Object.isFrozen(host)).toBe(true);
  });
});
