import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { REFERRAL_SOURCES, type FamilyCase } from './familyCase';
import { isChildOn, RELATIONS, type Membership, type Person } from './person';
import { parsePinfl } from './pinfl';
import type { OpenStage } from './stages';
import { biScriptSchema } from './validation';
import { isVulnerabilityCode } from './vulnerability';

/**
 * What a user enters for a person and a case, and the rules it must meet. Every failure is a
 * code (`errors:validation.<code>`); PINFL facts are cross-checked against the entered sex and
 * birth date; a check-digit mismatch is a warning the user may accept (`pinflCheckAccepted`).
 */

const text = (max: number) => z.string().trim().max(max, 'tooLong');
const required = (max: number) => text(max).min(1, 'required');

const isoDate = (today: IsoDate) =>
  z
    .string()
    .min(1, 'required')
    .refine(isIsoDate, 'invalidDate')
    .refine((date) => date <= today, 'dateInFuture')
    .transform((date) => date as IsoDate);

/** Latin capitals and digits; Cyrillic look-alikes typed by mistake become Latin (pinfl.md §4). */
const LOOKALIKES: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', Т: 'T', Х: 'X' };
export function normalizeDocumentNumber(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s-]/gu, '')
    .replace(/[АВСЕКМНОРТХ]/gu, (ch) => LOOKALIKES[ch] ?? ch);
}

/** `+998 90 123-45-67` and `90 1234567` both become `+998901234567`. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/\D/gu, '');
  const national = digits.length === 12 && digits.startsWith('998') ? digits.slice(3) : digits.length === 9 ? digits : null;
  return national ? `+998${national}` : null;
}

/** A patronymic left blank in both scripts means the person has none recorded. */
const optionalName = z.preprocess(
  (value) => (value && typeof value === 'object' && !String((value as { latn?: string }).latn ?? '').trim() && !String((value as { cyrl?: string }).cyrl ?? '').trim() ? null : value),
  biScriptSchema.nullable(),
);

export function personDraftSchema(today: IsoDate) {
  return z
    .object({
      surname: biScriptSchema,
      firstName: biScriptSchema,
      patronymic: optionalName,
      sex: z.enum(['male', 'female'], { message: 'required' }),
      birthDate: isoDate(today),
      pinfl: z
        .string()
        .transform((value) => value.replace(/[\s-]/gu, ''))
        .nullable()
        .transform((value) => (value ? value : null)),
      pinflCheckAccepted: z.boolean(),
      document: z
        .string()
        .nullable()
        .transform((value) => (value ? normalizeDocumentNumber(value) : null))
        .refine((value) => value === null || /^[A-Z]{2}\d{7}$/u.test(value), 'documentFormat'),
      education: z.object({ institution: required(200), grade: text(20) }).nullable(),
      employment: text(200)
        .nullable()
        .transform((value) => (value ? value : null)),
      disability: z.enum(['group1', 'group2', 'group3', 'child']).nullable(),
      migration: z.object({ country: required(100), since: isoDate(today) }).nullable(),
      healthNotes: text(2000),
    })
    .superRefine((person, context) => {
      if (!person.pinfl) return;
      const parsed = parsePinfl(person.pinfl, today);
      if (!parsed.valid) {
        context.addIssue({ code: 'custom', path: ['pinfl'], message: parsed.problem });
        return;
      }
      if (parsed.facts.sex !== person.sex) context.addIssue({ code: 'custom', path: ['pinfl'], message: 'pinflSexMismatch' });
      else if (parsed.facts.birthDate !== person.birthDate) context.addIssue({ code: 'custom', path: ['pinfl'], message: 'pinflBirthDateMismatch' });
      else if (!parsed.checkDigitOk && !person.pinflCheckAccepted) context.addIssue({ code: 'custom', path: ['pinfl'], message: 'pinflCheckDigit' });
    });
}

export type PersonDraft = z.input<ReturnType<typeof personDraftSchema>>;
export type ValidPersonDraft = z.output<ReturnType<typeof personDraftSchema>>;

export const memberDraftSchema = z.object({
  relation: z.enum(RELATIONS as unknown as [string, ...string[]], { message: 'required' }),
});

export function caseDraftSchema(today: IsoDate) {
  return z.object({
    address: z.object({
      regionCode: required(10),
      districtCode: required(10),
      mahallaId: required(64),
      street: required(200),
      house: text(20),
      apartment: text(20),
    }),
    phones: z
      .array(z.string())
      .transform((phones) => phones.filter((phone) => phone.trim() !== ''))
      .pipe(z.array(z.string().transform((phone, context) => normalizePhone(phone) ?? (context.addIssue({ code: 'custom', message: 'phoneFormat' }), z.NEVER)))),
    referral: z.object({
      source: z.enum(REFERRAL_SOURCES, { message: 'required' }),
      who: required(200),
      date: isoDate(today),
      reason: required(2000),
    }),
    vulnerability: z.array(z.string().refine(isVulnerabilityCode, 'unknownCode')),
    riskLevel: z.enum(['R0', 'R1', 'R2', 'R3'], { message: 'required' }),
    consent: z.object({ date: isoDate(today), takenBy: required(200), paperLocation: required(200) }).nullable(),
    caseManagerId: required(64),
  });
}

export type CaseDraft = z.input<ReturnType<typeof caseDraftSchema>>;
export type ValidCaseDraft = z.output<ReturnType<typeof caseDraftSchema>>;

/** What a case must have before it may move to a stage; codes are `errors:stage.<code>`. */
export type StageRequirement = 'headRequired' | 'childRequired' | 'consentRequired' | 'vulnerabilityRequired';

export function missingForStage(
  target: OpenStage,
  kase: Pick<FamilyCase, 'consent' | 'vulnerability' | 'referral'>,
  members: { membership: Pick<Membership, 'relation' | 'to'>; person: Pick<Person, 'birthDate'> }[],
): StageRequirement[] {
  const current = members.filter((m) => m.membership.to === null);
  const missing: StageRequirement[] = [];
  if (!current.some((m) => m.membership.relation === 'head')) missing.push('headRequired');
  // The child is at the centre: a family case without a child under 18 is not a case for this service.
  if (!current.some((m) => isChildOn(m.person.birthDate, kase.referral.date))) missing.push('childRequired');
  if (target !== 'primaryAssessment') {
    if (!kase.consent) missing.push('consentRequired');
    if (kase.vulnerability.length === 0) missing.push('vulnerabilityRequired');
  }
  return missing;
}
