import type { HostApi } from '../../../renderer/src/host/hostApi';

/**
 * One IPC channel per host function. The preload's bridge spells the same names
 * (a unit test keeps the two in step); the glue registers a handler for each.
 */
export const CHANNELS = {
  appInfo: 'app:get-info',
  setLanguage: 'app:set-language',
  saveFile: 'app:save-file',
  openFile: 'app:open-file',
  writeStreamOpen: 'app:write-stream-open',
  writeStreamAppend: 'app:write-stream-append',
  writeStreamCommit: 'app:write-stream-commit',
  writeStreamAbort: 'app:write-stream-abort',
  readStreamOpen: 'app:read-stream-open',
  readStreamRead: 'app:read-stream-read',
  readStreamClose: 'app:read-stream-close',
  print: 'app:print',
  printToPdf: 'app:print-to-pdf',
  showInFolder: 'app:show-in-folder',
  openWithSystem: 'app:open-with-system',
  openExternal: 'app:open-external',
  automaticBackupList: 'app:automatic-backup-list',
  automaticBackupWriteOpen: 'app:automatic-backup-write-open',
  automaticBackupReadOpen: 'app:automatic-backup-read-open',
  automaticBackupRemove: 'app:automatic-backup-remove',
  keepDataKey: 'app:keep-data-key',
  keptDataKey: 'app:kept-data-key',
  closeRequested: 'app:close-requested',
  closeAnswer: 'app:close-answer',
} as const satisfies { [K in keyof HostApi]: `app:${string}` };

export type HostMethod = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[HostMethod];

export const METHOD_BY_CHANNEL: ReadonlyMap<string, HostMethod> = new Map(
  (Object.keys(CHANNELS) as HostMethod[]).map((method) => [CHANNELS[method], method]),
);
