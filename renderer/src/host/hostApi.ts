/**
 * The host interface: everything the renderer asks of the machine it runs on.
 *
 * The Electron preload implements it over IPC, the browser host over download/upload,
 * the e2e fixture over the very handler functions Electron's main process uses, and the
 * memory host in unit tests. The UI never asks which one it has.
 *
 * Every call resolves to a {@link HostResult}: errors cross the bridge as data with a
 * code the UI maps to a translated message, never as an exception with English text.
 * This file holds types and two patterns (AUTOMATIC_BACKUP_NAME, VOLUME_NAME); `electron/` may only `import type`
 * it, so it keeps copies of them that tests hold equal to these.
 */

/** Why a host call failed; each code has a translated message under `errors:host.<code>`. */
export type HostErrorCode =
  | 'cancelled'
  | 'invalid-argument'
  | 'forbidden-sender'
  | 'too-large'
  | 'disk-full'
  /** The drive takes no file this large: FAT32, on most USB sticks, stops at 4 GB. */
  | 'too-large-for-drive'
  | 'verify-failed'
  | 'io'
  | 'not-found'
  | 'unknown-stream'
  | 'unknown-file'
  | 'not-allowed'
  | 'unsupported'
  | 'internal';

export interface HostError {
  code: HostErrorCode;
  /** Developer detail (an errno code, the failing step); shown to users only as a secondary line. */
  detail?: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export type HostKind = 'electron' | 'browser' | 'e2e' | 'memory';

export interface AppInfo {
  version: string;
  /** The operating system's locale, e.g. `uz-UZ`, used to pick the first-run language. */
  locale: string;
  /** Where the app keeps its data on this machine (shown in Settings for support calls). */
  dataFolder: string;
  /** Random id made once per installation; records carry it so several PCs of one office can merge. */
  installationId: string;
  host: HostKind;
  platform: string;
}

/** A file-type filter for the save/open dialogs; `name` is already translated by the renderer. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

/** A file the host wrote; `fileId` stands for its path, which never reaches the renderer's control. */
export interface SavedFile {
  fileId: string;
  /** The file's name; for a file written in volumes, its first volume's (`name.001.hmk`). */
  name: string;
  size: number;
  /** How many volumes the file was written in, when more than one. */
  volumes?: number;
}

export interface OpenFileRequest {
  filters: FileFilter[];
  /** Files larger than this are refused with `too-large` before they are read. */
  maxBytes: number;
}

export interface OpenedFile {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface WriteStreamRequest {
  suggestedName: string;
  filters: FileFilter[];
  /** When known, free space is checked up front and `disk-full` returned before anything is written. */
  expectedBytes?: number;
  /**
   * Write the file in volumes the size of the largest file FAT32 takes (a little under 4 GB):
   * `name.001.hmk`, `name.002.hmk`… A file that fits one volume stays one file under its name.
   */
  inVolumes?: boolean;
}

export interface WriteStream {
  streamId: string;
  name: string;
}

export interface ReadStreamRequest {
  filters: FileFilter[];
}

export interface ReadStream {
  streamId: string;
  name: string;
  /** For a file in volumes: all its volumes together, read end to end from the first. */
  size: number;
  /** For a picked file that names a volume (`name.002.hmk`): how many volumes were found beside it, from the first on. */
  volumes?: number;
}

export interface PrintToPdfRequest {
  suggestedName: string;
  filters: FileFilter[];
}

/** A backup the app made by itself into its data folder (no dialog): `name` is a bare file name. */
export interface AutomaticBackup {
  name: string;
  size: number;
  /** ISO date-time of the file's last change. */
  modifiedAt: string;
}

/**
 * Names of automatic backups: `auto-` and an ISO-like stamp the renderer chooses, `.hmk`
 * (`auto-2026-12-05T07-53-12.hmk`). The host accepts no other name in the backups folder.
 */
export const AUTOMATIC_BACKUP_NAME = /^auto-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.hmk$/u;

/**
 * A volume of a file written in volumes: its number, three digits, before the extension
 * (`Hamkorlik-Chilonzor-05.12.2026.002.hmk`); groups: the name before it, the number, the extension.
 * electron/main/ipc/volumes.ts keeps a copy, held equal by its test.
 */
export const VOLUME_NAME = /^(.*)\.(\d{3})(\.[^./\\]+)$/u;

/** Languages the UI speaks; `en` is the developers' fallback. */
export type UiLanguage = 'uz-Latn' | 'uz-Cyrl' | 'ru' | 'en';

export interface HostApi {
  appInfo(): Promise<HostResult<AppInfo>>;
  /** Tells the host the UI language so native parts (the menu) speak it too. */
  setLanguage(language: UiLanguage): Promise<HostResult<void>>;

  /** Asks the user where to save, then writes atomically: the previous file survives any failure. */
  saveFile(request: SaveFileRequest): Promise<HostResult<SavedFile>>;
  /** Asks the user for a file and returns its bytes, refusing files over `maxBytes`. */
  openFile(request: OpenFileRequest): Promise<HostResult<OpenedFile>>;

  /** Streamed writing for data too large to hold in memory: open, append chunks, then commit or abort. */
  writeStreamOpen(request: WriteStreamRequest): Promise<HostResult<WriteStream>>;
  /** Chunks of at most 16 MiB. */
  writeStreamAppend(streamId: string, chunk: Uint8Array): Promise<HostResult<void>>;
  /** Verifies what was written against what was sent and only then replaces the target. */
  writeStreamCommit(streamId: string): Promise<HostResult<SavedFile>>;
  writeStreamAbort(streamId: string): Promise<HostResult<void>>;

  /** Streamed reading: open a file the user picks, then read byte ranges of it. */
  readStreamOpen(request: ReadStreamRequest): Promise<HostResult<ReadStream>>;
  readStreamRead(streamId: string, offset: number, length: number): Promise<HostResult<Uint8Array>>;
  readStreamClose(streamId: string): Promise<HostResult<void>>;

  /** Prints the current view through the system print dialog. */
  print(): Promise<HostResult<void>>;
  /** Renders the current view to PDF and saves it where the user picks. */
  printToPdf(request: PrintToPdfRequest): Promise<HostResult<SavedFile>>;
  /** Shows a file this host wrote or opened in the OS file manager. */
  showInFolder(fileId: string): Promise<HostResult<void>>;
  /** Opens a file this host wrote in the program the system opens it with (a DOCX in the word processor). */
  openWithSystem(fileId: string): Promise<HostResult<void>>;
  /** Opens an https address from the allow-list in the system browser. */
  openExternal(url: string): Promise<HostResult<void>>;

  /** The automatic backups in the app's data folder (`backups/`), newest first. */
  automaticBackupList(): Promise<HostResult<AutomaticBackup[]>>;
  /**
   * Streamed, atomic writing of an automatic backup into the data folder, no dialog: then
   * writeStreamAppend / writeStreamCommit / writeStreamAbort as for a file the user picked.
   */
  automaticBackupWriteOpen(request: { name: string; expectedBytes?: number }): Promise<HostResult<WriteStream>>;
  /** Streamed reading of an automatic backup: then readStreamRead / readStreamClose. */
  automaticBackupReadOpen(name: string): Promise<HostResult<ReadStream>>;
  automaticBackupRemove(name: string): Promise<HostResult<void>>;
  /**
   * Keeps the office's data key encrypted by the operating system for this user (Electron's
   * safeStorage: DPAPI on Windows) in the data folder, so automatic backups need no passphrase;
   * null forgets it. `unsupported` where the OS offers no such protection.
   */
  keepDataKey(key: Uint8Array | null): Promise<HostResult<void>>;
  /** The kept data key; null when none is kept or the OS can no longer decrypt it. */
  keptDataKey(): Promise<HostResult<Uint8Array | null>>;

  /**
   * Resolves when the user closes the window (the page keeps one such call pending while it has
   * work to finish before closing). The host then holds the window until `closeAnswer`: `busy`
   * (working — wait), `ready` (close now). A host whose window never closes under the page (the
   * browser) never resolves it.
   */
  closeRequested(): Promise<HostResult<void>>;
  closeAnswer(answer: CloseAnswer): Promise<HostResult<void>>;
}

/** The page's answer to a close request. */
export type CloseAnswer = 'ready' | 'busy';
