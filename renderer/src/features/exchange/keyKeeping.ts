import type { HamkorlikDb } from '../../db/db';
import { keepOfficeKey, type OfficeKeys } from '../../db/exchange';
import type { HostApi, HostError } from '../../host/hostApi';
import { describeFailure, hostFailure, type FailureMessage } from './exchangeMessages';

/**
 * Why this PC could not keep the office key the last time someone tried, or null: the automatic
 * backups card says it instead of "make one backup here" (which was just done). Kept for the life of
 * the window; the next key kept clears it.
 */
let notKept: FailureMessage | null = null;

/**
 * Keeps the office key, just unlocked or made, in the system's protected storage so that this PC's
 * automatic backups run (keepOfficeKey). The backup or setup that unlocked it goes on either way;
 * what failed is returned (and remembered for the card) for the user to read.
 */
export async function keepKeyForAutomaticBackups(services: { db: HamkorlikDb; host: HostApi }, keys: OfficeKeys): Promise<FailureMessage | null> {
  let failure: FailureMessage | null;
  try {
    const outcome = await keepOfficeKey(services.db, services.host, keys);
    failure = outcome.kept || !outcome.error ? null : notKeptMessage(outcome.error as HostError);
  } catch (error) {
    failure = { key: 'exchange:automatic.notKept', cause: describeFailure(error) };
  }
  notKept = failure;
  return failure;
}

export function keyNotKeptReason(): FailureMessage | null {
  return notKept;
}

function notKeptMessage(error: HostError): FailureMessage {
  // No protected storage (Linux without a keyring): nothing the user can free or retry on this PC.
  if (error.code === 'unsupported') return { key: 'exchange:automatic.notKeptHere', ...(error.detail ? { detail: error.detail } : {}) };
  return { key: 'exchange:automatic.notKept', cause: hostFailure(error) };
}
