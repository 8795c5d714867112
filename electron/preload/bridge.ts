import type { HostApi, HostResult } from '../../renderer/src/host/hostApi';

/** Sends one message to the main process and resolves to its result. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<HostResult<never>>;

/**
 * The `host` object the page sees: one function per channel. The preload builds it over
 * ipcRenderer; the e2e host injects this very function's source into the page over its own
 * transport, so both hosts expose the same shape. It must stay self-contained (no references
 * outside its body) for that reason. Channel names match `electron/main/ipc/channels.ts` (tested).
 */
export function createHostBridge(invoke: Invoke): HostApi {
  const host = {
    appInfo: () => invoke('app:get-info'),
    setLanguage: (language) => invoke('app:set-language', language),
    saveFile: (request) => invoke('app:save-file', request),
    openFile: (request) => invoke('app:open-file', request),
    writeStreamOpen: (request) => invoke('app:write-stream-open', request),
    writeStreamAppend: (streamId, chunk) => invoke('app:write-stream-append', streamId, chunk),
    writeStreamCommit: (streamId) => invoke('app:write-stream-commit', streamId),
    writeStreamAbort: (streamId) => invoke('app:write-stream-abort', streamId),
    readStreamOpen: (request) => invoke('app:read-stream-open', request),
    readStreamRead: (streamId, offset, length) => invoke('app:read-stream-read', streamId, offset, length),
    readStreamClose: (streamId) => invoke('app:read-stream-close', streamId),
    print: () => invoke('app:print'),
    printToPdf: (request) => invoke('app:print-to-pdf', request),
    showInFolder: (fileId) => invoke('app:show-in-folder', fileId),
    openWithSystem: (fileId) => invoke('app:open-with-system', fileId),
    openExternal: (url) => invoke('app:open-external', url),
    automaticBackupList: () => invoke('app:automatic-backup-list'),
    automaticBackupWriteOpen: (request) => invoke('app:automatic-backup-write-open', request),
    automaticBackupReadOpen: (name) => invoke('app:automatic-backup-read-open', name),
    automaticBackupRemove: (name) => invoke('app:automatic-backup-remove', name),
    keepDataKey: (key) => invoke('app:keep-data-key', key),
    keptDataKey: () => invoke('app:kept-data-key'),
    closeRequested: () => invoke('app:close-requested'),
    closeAnswer: (answer) => invoke('app:close-answer', answer),
  } satisfies HostApi;
  return Object.freeze(host);
}
