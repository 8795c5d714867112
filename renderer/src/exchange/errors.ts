/**
 * What can go wrong with an exchange package, as codes the UI translates (see FORMAT.md, "Errors").
 * The message is for developers only; `details` carries what a message may show (the block index,
 * the refused KDF parameter).
 */
export type ExchangeErrorCode =
  /** Not a Hamkorlik package at all (wrong magic bytes): the user picked another file. */
  | 'notAPackage'
  /** Made by a newer format version than this app reads. */
  | 'unsupportedVersion'
  /** The header is damaged: checksum, structure or MAC; or the body's totals disagree. */
  | 'damaged'
  /** A body block failed: `details.blockIndex`. */
  | 'damagedAt'
  /** The file ends before its final block: `details.blockIndex` is the first missing one. */
  | 'truncated'
  /** The header asks for Argon2id parameters outside the accepted range; nothing was hashed. */
  | 'kdfOutOfBounds'
  | 'wrongPassphrase'
  | 'wrongRecoveryKey'
  /** A raw data key (the PC's own automatic backups) does not open this file. */
  | 'wrongKey'
  /** The file carries no recovery-key slot (a transfer made with a one-off passphrase). */
  | 'noRecoveryKey'
  /** The typed recovery key has the wrong length, a foreign character or a failed checksum group. */
  | 'recoveryKeyMalformed'
  /** The package is of another kind than the action expects (a transfer picked for a restore, a backup for a transfer import): `details.reason` is its kind. */
  | 'wrongKind'
  /** A programming error of the caller (unsupported value in a record, call order). Never a user's fault. */
  | 'invalidInput';

export interface ExchangeErrorDetails {
  blockIndex?: number;
  /** A machine-readable refinement, e.g. 'checksum', 'mac', 'counts', 'trailingData'. */
  reason?: string;
  /** kdfOutOfBounds: which parameter, its value and the accepted range. */
  param?: 'm' | 't' | 'p';
  value?: number;
  min?: number;
  max?: number;
  /** damagedAt `table` / `field`: the table, or `table.field`, the file holds and this version does not know. */
  field?: string;
  /** damagedAt `value`: the coded value at `field` this version does not know (a stage, a kind). */
  unknownValue?: string;
  /** unsupportedVersion: the version the file declares. */
  version?: number;
  /** recoveryKeyMalformed: what is wrong with the typed key. */
  problem?: RecoveryKeyProblem;
  /** invalidInput `alreadyReceived` / `ownTransfer`: when this office received or sent the transfer (ISO time). */
  at?: string;
  /** invalidInput from a merge: the conflict path a decision is missing for or names wrongly. */
  path?: string[];
  /** invalidInput `planGoalMissing`: the number of the case whose plan the decisions would break. */
  caseNumber?: string;
}

export type RecoveryKeyProblem = 'length' | 'character' | 'checksum';

/** The one error type the exchange code throws; anything else escaping it is a bug. */
export class ExchangeError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    readonly details: ExchangeErrorDetails = {},
    message: string = details.reason ? `${code}: ${details.reason}` : code,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}
