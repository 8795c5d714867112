export { ExchangePage } from './ExchangePage';
export { FileDrop } from './FileDrop';
export { RestoreDialog } from './RestoreDialog';
export { useAutomaticBackups } from './useAutomaticBackups';
export { ExitBackupScreen } from './ExitBackupScreen';
export { useExitBackup } from './useExitBackup';
