/**
 * The office's backups and restores, and case transfers between offices (issue 7): its exchange
 * keys in the settings table, full backups streamed to a file, restores staged beside the live
 * database, transfer packages written, previewed, merged three ways and applied, and their
 * receipts. The package format itself is exchange/ (FORMAT.md); this is its adapter to the database.
 */
export {
  changeExchangePassphrase,
  exchangeStatus,
  keepOfficeKey,
  keptOfficeKeys,
  PASSPHRASE_MIN_LENGTH,
  passphraseProblem,
  setUpExchange,
  unlockExchange,
  type ExchangeSecret,
  type DataKeyKeeper,
  type ExchangeStatus,
  type OfficeKeys,
} from './exchangeKeys';
export { BACKUP_TABLES, changedSinceAutomaticBackup, recordAutomaticBackupMade, recordBackupMade, storedDocumentBytes, writeBackup, type ExchangeProgress } from './backup';
export { inspectPackage, restoreBackup, type PackageInfo, type RestoreOptions } from './restore';
export { caseIdsOfMahalla, checkTransferSize, collectTransfer, writeTransfer, type TransferContents, type TransferKeys, type TransferOptions } from './transfer';
export { previewTransfer, type PreviewCase, type PreviewRecord, type PreviewRef, type RecordStatus, type TransferPackage, type TransferPreview } from './receive';
export { isPinflPath, planMerge, type MergePlan, type PinflHolder, type PlannedRecord, type RecordConflicts, type RecordDecisions } from './mergePlan';
export { applyTransfer, type AppliedTransfer } from './apply';
export { importReceipt, writeReceipt } from './receipt';
export { decidedRecords, exchangeLogEntries, pendingTransfers, type PendingTransfer } from './exchangeLog';
export { MAX_TRANSFER_RECORDS, type ReceiptRecord, type TransferManifest } from './transferTables';
