/**
 * Exchange packages: one encrypted, streamed format for backups, transfers and receipts
 * (FORMAT.md), and the three-way merge of records received in a transfer. Pure: storage and files
 * reach it through ByteSink and ByteSource, which db/ and host/ implement.
 */
export { ExchangeError, type ExchangeErrorCode, type ExchangeErrorDetails, type RecoveryKeyProblem } from './errors';
export {
  checkKdfParams,
  EXCHANGE_KDF,
  KDF_BOUNDS,
  KDF_MIN,
  keySlotsSchema,
  PACKAGE_KINDS,
  type KdfParams,
  type KeySlots,
  type PackageHeader,
  type PackageKind,
  type PackageSource,
} from './format';
export {
  changePassphrase,
  createExchangeKeys,
  dataKeyId,
  generateRecoveryKey,
  parseRecoveryKey,
  unlockDataKey,
  type ExchangeKeys,
  type ParsedRecoveryKey,
  type UnlockSecret,
} from './keys';
export { createPackageWriter, type ByteSink, type PackageSummary, type PackageWriter, type PackageWriterOptions } from './writer';
export { openPackage, type ByteSource, type OpenedPackage, type PackageBlock, type PackageTotals, type UnlockedPackage } from './reader';
export {
  DELETION_PATH,
  itemIdOf,
  itemIndex,
  itemStep,
  mergeRecord,
  resolveConflicts,
  type ConflictDecision,
  type FieldPath,
  type MergeConflict,
  type MergeContext,
  type MergeInput,
  type MergeOptions,
  type MergeResult,
  type PurgeReport,
} from './merge';
export { carriedLineage, isSharedBase, LINEAGE_LIMIT, nextLineage, versionStamp, type Lineage, type LineageOfBase } from './lineage';
