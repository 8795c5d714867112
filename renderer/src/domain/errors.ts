/** Codes of the rule failures the domain and storage report; each has `errors:domain.<code>`. */
export type DomainErrorCode =
  | 'duplicate'
  | 'notFound'
  | 'invalid'
  | 'storageFull'
  | 'setupDone'
  | 'staleRevision'
  | 'noSession'
  | 'duplicatePinfl'
  | 'stageRequirement'
  | 'stageRefused'
  | 'forbidden'
  | 'badCredentials'
  | 'loginThrottled'
  | 'accountDisabled'
  | 'passwordRules'
  | 'inUse'
  /** The case was sent to another office in a custody transfer: it is read-only here. */
  | 'caseTransferred'
  /** A custody transfer of the case is being written right now, by another send in this window. */
  | 'transferRunning'
  /** The cases picked for one transfer file hold more records than a receiving office opens. */
  | 'transferTooLarge';

/** A rule failure with a code the UI translates (with `values` in it); the message is for developers only. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string = code,
    readonly values?: Readonly<Record<string, number | string>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
