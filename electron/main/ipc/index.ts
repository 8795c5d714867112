import type { HostHandlers } from './glue';
import { createAppInfoHandlers, type AppInfoDeps } from './appInfo';
import { createAutomaticBackupHandlers, type SecretStorePort } from './automaticBackups';
import type { CloseGate } from './closeGate';
import { createFileHandlers, type FileDeps } from './files';
import { createPrintHandlers, type PrinterPort } from './print';
import { createShellHandlers, type ShellPort } from './shell';

export interface HostDeps extends FileDeps {
  appInfo: AppInfoDeps;
  printer: PrinterPort;
  shell: ShellPort;
  /** The app's own data folder (automatic backups, the kept data key). */
  dataFolder: string;
  secrets: SecretStorePort;
  /** The window's close, negotiated with the page (closeGate.ts). */
  closeGate: CloseGate;
}

/** Every host capability as plain functions over injected dependencies; the glue serves them. */
export function createHostHandlers(deps: HostDeps): HostHandlers {
  return {
    ...createAppInfoHandlers(deps.appInfo),
    ...createFileHandlers(deps),
    ...createPrintHandlers(deps.printer, deps),
    ...createShellHandlers(deps.shell, deps.registry),
    ...createAutomaticBackupHandlers(deps),
    ...deps.closeGate.handlers,
  };
}

export { createDispatcher, registerHostHandlers, trustOrigin } from './glue';
export type { Dispatch, SenderFrame, HostHandlers } from './glue';
export { FileRegistry } from './fileRegistry';
export { readOrCreateInstallationId } from './appInfo';
export { createCloseGate, type CloseGate } from './closeGate';
export type { SecretStorePort } from './automaticBackups';
export type { DialogPort } from './files';
export type { FsPort, FileHandlePort } from './fsPort';
export type { PrinterPort } from './print';
export type { ShellPort } from './shell';
