import type { CaseDraft, PersonDraft } from '../../domain/caseDraft';
import type { FamilyCase } from '../../domain/familyCase';
import type { Relation } from '../../domain/person';

/** A member row of the new-case form: a new person, or an existing one the user chose to link. */
export interface MemberFormValues {
  relation: Relation | '';
  linkedPersonId: string | null;
  person: PersonDraft;
}

export interface CaseFormValues {
  kase: CaseDraft;
  members: MemberFormValues[];
  /** The case's revision when editing began: saving refuses if someone saved the case since. */
  baseRev: number | null;
}

export function emptyCaseDraft(regionCode: string, districtCode: string, caseManagerId: string): CaseDraft {
  return {
    address: { regionCode, districtCode, mahallaId: '', street: '', house: '', apartment: '' },
    phones: [''],
    referral: { source: '' as CaseDraft['referral']['source'], who: '', date: '', reason: '' },
    vulnerability: [],
    riskLevel: 'R1',
    consent: null,
    caseManagerId,
  };
}

/** The editable part of a stored case, as the form holds it. */
export function caseToDraft(kase: FamilyCase): CaseDraft {
  return {
    address: kase.address,
    phones: kase.phones.length ? kase.phones : [''],
    referral: kase.referral,
    vulnerability: kase.vulnerability,
    riskLevel: kase.riskLevel,
    consent: kase.consent,
    caseManagerId: kase.caseManagerId,
  };
}
