import { describe, expect, it } from 'vitest';
import type { IsoDate } from './dates';
import { caseDraftSchema, missingForStage, normalizeDocumentNumber, normalizePhone, personDraftSchema, type PersonDraft } from './caseDraft';
import { pinflCheckDigit } from './pinfl';
import { issuesByPath } from './validation';

const TODAY = '2026-11-23' as IsoDate;
const name = (latn: string, cyrl: string) => ({ latn, cyrl, typed: 'cyrl' as const });
const person: PersonDraft = {
  surname: name('Karimov', 'Каримов'),
  firstName: name('Sherzod', 'Шерзод'),
  patronymic: null,
  sex: 'male',
  birthDate: '1990-05-15',
  pinfl: '3150 5909 9900 19',
  pinflCheckAccepted: false,
  document: 'аа 1234567',
  education: null,
  employment: null,
  disability: null,
  migration: null,
  healthNotes: '',
};
const errorsOf = (draft: PersonDraft) => {
  const result = personDraftSchema(TODAY).safeParse(draft);
  return result.success ? {} : issuesByPath(result.error);
};

describe('person validation', () => {
  it('accepts a valid person and tidies PINFL and document number', () => {
    const result = personDraftSchema(TODAY).parse(person);
    expect(result.pinfl).toBe('31505909990019');
    expect(result.document).toBe('AA1234567');
  });

  it('cross-checks PINFL against sex and birth date', () => {
    expect(errorsOf({ ...person, sex: 'female' })).toEqual({ pinfl: 'pinflSexMismatch' });
    expect(errorsOf({ ...person, birthDate: '1990-05-16' })).toEqual({ pinfl: 'pinflBirthDateMismatch' });
    expect(errorsOf({ ...person, pinfl: '3150590999' })).toEqual({ pinfl: 'pinflFormat' });
  });

  it('a wrong check digit is a warning the user may accept', () => {
    expect(errorsOf({ ...person, pinfl: '31505909990010' })).toEqual({ pinfl: 'pinflCheckDigit' });
    expect(errorsOf({ ...person, pinfl: '31505909990010', pinflCheckAccepted: true })).toEqual({});
  });

  it('no PINFL is fine (newborns); birth dates in the future are not', () => {
    expect(errorsOf({ ...person, pinfl: '' })).toEqual({});
    const body = '5231226999001';
    expect(errorsOf({ ...person, pinfl: null, birthDate: '2026-12-31' })).toEqual({ birthDate: 'dateInFuture' });
    expect(errorsOf({ ...person, pinfl: `${body}${pinflCheckDigit(body)}`, birthDate: '2026-12-23' })).toMatchObject({ birthDate: 'dateInFuture' });
  });

  it('refuses malformed documents and missing names', () => {
    expect(errorsOf({ ...person, document: 'A12345' })).toEqual({ document: 'documentFormat' });
    expect(errorsOf({ ...person, firstName: name('', '') })).toMatchObject({ 'firstName.latn': 'required' });
  });
});

describe('case validation', () => {
  const draft = {
    address: { regionCode: '1727', districtCode: '1727259', mahallaId: 'm1', street: 'Navoiy', house: '12', apartment: '' },
    phones: ['90 123 45 67', ''],
    referral: { source: 'school' as const, who: '12-maktab', date: '2026-11-01', reason: 'absent from school' },
    vulnerability: ['EDU_ABSENTEEISM'],
    riskLevel: 'R2' as const,
    consent: null,
    caseManagerId: 'u1',
  };

  it('normalizes phones and accepts a complete draft', () => {
    expect(caseDraftSchema(TODAY).parse(draft).phones).toEqual(['+998901234567']);
  });

  it('refuses unknown criteria, bad phones and future referral dates', () => {
    const result = caseDraftSchema(TODAY).safeParse({ ...draft, phones: ['123'], vulnerability: ['NOPE'], referral: { ...draft.referral, date: '2027-01-01' } });
    expect(result.success ? {} : issuesByPath(result.error)).toEqual({ 'phones.0': 'phoneFormat', 'vulnerability.0': 'unknownCode', 'referral.date': 'dateInFuture' });
  });

  it('knows what each stage requires', () => {
    const child = { membership: { relation: 'child' as const, to: null }, person: { birthDate: '2015-01-01' as IsoDate } };
    const head = { membership: { relation: 'head' as const, to: null }, person: { birthDate: '1985-01-01' as IsoDate } };
    const kase = { consent: null, vulnerability: [], referral: { date: '2026-11-01' as IsoDate } } as never;
    expect(missingForStage('primaryAssessment', kase, [head])).toEqual(['childRequired']);
    expect(missingForStage('agreement', kase, [head, child])).toEqual(['consentRequired', 'vulnerabilityRequired']);
    const adultChild = { ...child, person: { birthDate: '2008-10-01' as IsoDate } };
    expect(missingForStage('primaryAssessment', kase, [adultChild])).toEqual(['headRequired', 'childRequired']);
  });
});

describe('normalizers', () => {
  it('documents and phones', () => {
    expect(normalizeDocumentNumber('ad-123 45 67')).toBe('AD1234567');
    expect(normalizePhone('+998 (90) 123-45-67')).toBe('+998901234567');
    expect(normalizePhone('12345')).toBeNull();
  });
});
