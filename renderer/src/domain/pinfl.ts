import type { IsoDate } from './dates';
import { isIsoDate } from './dates';

/**
 * PINFL (JShShIR, ПИНФЛ): the 14-digit personal number, per shared/domain/pinfl.md.
 * Position 1 gives sex and century, 2–7 the birth date as DDMMYY, 14 a check digit. The check
 * digit's algorithm is not officially published, so a mismatch is a warning the user may
 * override; format and date are hard rules.
 */
export interface PinflFacts {
  sex: 'male' | 'female';
  birthDate: IsoDate;
}

export type PinflProblem = 'pinflFormat' | 'pinflDate' | 'pinflFuture' | 'pinflCheckDigit';

export type PinflResult =
  | { valid: true; facts: PinflFacts; checkDigitOk: boolean }
  | { valid: false; problem: Exclude<PinflProblem, 'pinflCheckDigit'> };

const WEIGHTS = [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7];

/** Digits only: people type PINFLs with spaces or dashes copied from documents. */
export function cleanPinfl(text: string): string {
  return text.replace(/[\s-]/gu, '');
}

export function pinflCheckDigit(first13: string): number {
  let sum = 0;
  for (let i = 0; i < 13; i += 1) sum += Number(first13[i]) * WEIGHTS[i]!;
  return sum % 10;
}

/** Reads a PINFL; `today` bounds the birth date (no one is born in the future). */
export function parsePinfl(text: string, today: IsoDate): PinflResult {
  const pinfl = cleanPinfl(text);
  if (!/^[1-6]\d{13}$/u.test(pinfl)) return { valid: false, problem: 'pinflFormat' };
  const first = Number(pinfl[0]);
  const century = 1800 + 100 * Math.floor((first - 1) / 2);
  const birthDate = `${century + Number(pinfl.slice(5, 7))}-${pinfl.slice(3, 5)}-${pinfl.slice(1, 3)}`;
  if (!isIsoDate(birthDate)) return { valid: false, problem: 'pinflDate' };
  if (birthDate > today) return { valid: false, problem: 'pinflFuture' };
  return {
    valid: true,
    facts: { sex: first % 2 === 1 ? 'male' : 'female', birthDate },
    checkDigitOk: pinflCheckDigit(pinfl) === Number(pinfl[13]),
  };
}
