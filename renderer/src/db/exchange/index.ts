/**
 * The office's backups and restores (issue 7): its exchange keys in the settings table, full
 * backups streamed to a file, and restores staged beside the live database. The package format
 * itself is exchange/ (FORMAT.md); this is its adapter to the database.
 */
export {
  changeExchangePassphrase,
  exchangeStatus,
  PASSPHRASE_MIN_LENGTH,
  passphraseProblem,
  setUpExchange,
  unlockExchange,
  type ExchangeSecret,
  type ExchangeStatus,
  type OfficeKeys,
} from './exchangeKeys';
export { BACKUP_TABLES, recordBackupMade, writeBackup, type ExchangeProgress } from './backup';
export { inspectPackage, restoreBackup, type PackageInfo, type RestoreOptions } from './restore';
