import { EXCHANGE_KEYS_SETTING } from '../../db/exchange/exchangeKeys';
import { formatDateTime } from '../../domain/dates';
import { formatNumber } from '../../domain/numbers';
import { DomainError } from '../../domain/errors';
import { ExchangeError, type ExchangeErrorCode } from '../../exchange';
import type { HostError, HostErrorCode } from '../../host/hostApi';
import { HostStreamError } from '../../host/streams';
import { FileNotRecorded } from './saveTransfer';

/** A failure as the user reads it: a translation key with its values, and a support detail for the second line. */
export interface FailureMessage {
  key: string;
  values?: Record<string, string | number>;
  detail?: string;
  /** Wrong passphrase or recovery key: shown at the field, the user tries again. */
  secret?: boolean;
  /** What made this step fail, in words (a safety copy that failed on a full disk). */
  cause?: FailureMessage;
}

/** Every exchange code (the compiler refuses a missing one), so a test can check each has a message in every language. */
const EXCHANGE_CODES: Record<ExchangeErrorCode, true> = {
  notAPackage: true,
  unsupportedVersion: true,
  damaged: true,
  damagedAt: true,
  truncated: true,
  kdfOutOfBounds: true,
  wrongPassphrase: true,
  wrongRecoveryKey: true,
  wrongKey: true,
  noRecoveryKey: true,
  recoveryKeyMalformed: true,
  wrongKind: true,
  invalidInput: true,
};
export const EXCHANGE_ERROR_CODES = Object.keys(EXCHANGE_CODES) as ExchangeErrorCode[];

const HOST_CODES: Record<HostErrorCode, true> = {
  cancelled: true,
  'invalid-argument': true,
  'forbidden-sender': true,
  'too-large': true,
  'disk-full': true,
  'too-large-for-drive': true,
  'verify-failed': true,
  io: true,
  'not-found': true,
  'unknown-stream': true,
  'unknown-file': true,
  'not-allowed': true,
  unsupported: true,
  internal: true,
};
export const HOST_ERROR_CODES = Object.keys(HOST_CODES) as HostErrorCode[];

const SECRET_CODES: readonly ExchangeErrorCode[] = ['wrongPassphrase', 'wrongRecoveryKey', 'recoveryKeyMalformed', 'noRecoveryKey'];

/**
 * Maps what a backup, restore or setup threw to a translated message: exchange codes to
 * `exchange:error.*` (the damaged block numbered from 1, as people count), host failures met while
 * streaming to `errors:host.*`, domain rules to `errors:domain.*`. Anything else is a bug: it is
 * logged and shown as "unexpected", never with its English text.
 */
export function describeFailure(error: unknown): FailureMessage {
  if (error instanceof ExchangeError) return describeExchangeError(error);
  if (error instanceof FileNotRecorded) {
    const { key, values } = describeFailure(error.cause);
    return { key: 'exchange:transferError.notRecorded', values: { name: error.file.name }, cause: { key, ...(values ? { values } : {}) } };
  }
  if (error instanceof HostStreamError) return hostFailure(error.error);
  if (error instanceof DomainError) {
    if (error.code === 'duplicate') return { key: 'exchange:error.alreadySetUp' };
    // unlockExchange before setup: the page offers setup instead, but another PC may have just restored.
    if (error.code === 'notFound' && error.message === EXCHANGE_KEYS_SETTING) return { key: 'exchange:error.notConfigured' };
    // Counts as people read them (`200 000`), not as the code holds them.
    const values = error.values ? Object.fromEntries(Object.entries(error.values).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value) : value])) : undefined;
    return { key: `errors:domain.${error.code}`, ...(values ? { values } : {}) };
  }
  console.error(error);
  return { key: 'errors:domain.unexpected' };
}

/** `damaged` reasons of a transfer or receipt import that have their own message (exchange:transferError.*). */
const TRANSFER_DAMAGE = ['tooManyRecords', 'manifest', 'duplicateId', 'otherCase', 'idClash', 'receipt'];

/**
 * Maps what reading a transfer or a receipt threw: the wrong kind of file says what file to choose
 * (not "not a backup"), refusals particular to transfers get their own message; a receipt for no
 * transfer this office sent is `unknownTransfer`. Everything else as `describeFailure`.
 */
export function describeTransferFailure(error: unknown, expected: 'transfer' | 'receipt' = 'transfer'): FailureMessage {
  if (error instanceof ExchangeError) {
    const { code, details } = error;
    const reason = details.reason;
    const detail = [code, reason, details.blockIndex !== undefined ? `block:${details.blockIndex}` : undefined].filter(Boolean).join(' ');
    if (code === 'wrongKind') return { key: expected === 'receipt' ? 'exchange:transferError.wrongKindReceipt' : 'exchange:transferError.wrongKind', detail };
    // Between offices the file is more often made with a passphrase agreed for it than with this office's key.
    if (code === 'wrongKey') return { key: 'exchange:transferError.wrongKey', secret: true };
    if (code === 'damaged' && reason && TRANSFER_DAMAGE.includes(reason)) return { key: `exchange:transferError.${reason}`, detail };
    if (code === 'invalidInput' && (reason === 'pinflTaken' || reason === 'receiptOtherOffice')) return { key: `exchange:transferError.${reason}`, detail };
    if (code === 'invalidInput' && reason === 'planGoalMissing') return { key: 'exchange:transferError.planGoalMissing', values: { case: details.caseNumber || '—' }, detail };
    // Received before, or sent from here: when, so the user can find it in the exchange log.
    if (code === 'invalidInput' && reason === 'alreadyReceived') return { key: 'exchange:transferError.alreadyReceived', values: { when: details.at ? formatDateTime(details.at) : '' }, detail };
    if (code === 'invalidInput' && reason === 'ownTransfer') return { key: details.at ? 'exchange:transferError.ownTransferSent' : 'exchange:transferError.ownTransfer', ...(details.at ? { values: { when: formatDateTime(details.at) } } : {}), detail };
  }
  if (expected === 'receipt' && error instanceof DomainError && error.code === 'notFound') return { key: 'exchange:transferError.unknownTransfer' };
  return describeFailure(error);
}

/** A host call's failure, e.g. the save dialog's write that ran out of space. */
export function hostFailure(error: HostError): FailureMessage {
  return { key: `errors:host.${error.code}`, ...(error.detail ? { detail: error.detail } : {}) };
}

function describeExchangeError({ code, details }: ExchangeError): FailureMessage {
  const detail = [code, details.reason, details.blockIndex !== undefined ? `block:${details.blockIndex}` : undefined, details.param ? `${details.param}=${details.value}` : undefined]
    .filter(Boolean)
    .join(' ');
  const secret = SECRET_CODES.includes(code);
  const content = contentFailure(details, detail);
  if (code === 'damagedAt' && content) return content;
  switch (code) {
    case 'damagedAt':
    case 'truncated':
      return { key: `exchange:error.${code}`, values: { block: (details.blockIndex ?? 0) + 1 }, detail };
    case 'recoveryKeyMalformed':
      return { key: `exchange:error.recoveryKeyMalformed.${details.problem ?? 'length'}`, secret };
    default:
      return { key: `exchange:error.${code}`, ...(secret ? { secret } : { detail }) };
  }
}

/**
 * A block that decrypted and parsed but holds what this version cannot write: a table or a field
 * it does not know (from a newer version: update), or a record of the wrong shape. Backups and
 * transfers alike; the name is shown as the file has it, for whoever updates the app.
 */
function contentFailure(details: ExchangeError['details'], detail: string): FailureMessage | undefined {
  const { reason } = details;
  if (reason !== 'table' && reason !== 'field' && reason !== 'record' && reason !== 'value') return undefined;
  return { key: `exchange:error.content.${reason}`, values: { block: (details.blockIndex ?? 0) + 1, name: details.field ?? '', ...(reason === 'value' ? { value: details.unknownValue ?? '' } : {}) }, detail };
}

/** Whether a failure is the user's own Cancel: the signal was aborted, whatever the code threw. */
export function isCancelled(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}
