import type { IsoDate } from './dates';
import type { BiScriptText, TriLingualText } from './names';
import type { RecordMeta } from './record';
import type { ClosureOutcome, StageFacts } from './stages';
import type { RiskLevel } from './vulnerability';

/** Who brought the family to the office's attention. */
export const REFERRAL_SOURCES = ['mahalla', 'school', 'polyclinic', 'police', 'family', 'ngo', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export interface Address {
  regionCode: string;
  districtCode: string;
  /** A mahalla of the office's list (its id). */
  mahallaId: string;
  street: string;
  house: string;
  apartment: string;
}

export interface Referral {
  source: ReferralSource;
  /** Who reported: a name, a school, an inspector. */
  who: string;
  date: IsoDate;
  reason: string;
}

/** Consent to personal-data processing (Law ZRU-547): when, who took it, where the signed paper is. */
export interface Consent {
  date: IsoDate;
  takenBy: string;
  paperLocation: string;
}

/** Which office holds the live case (a transfer later moves it), by the office's district code. */
export interface Custody {
  districtCode: string;
  since: string;
  /**
   * Set when this office sent the case away in a custody transfer (db/exchange/transfer.ts): from
   * then on the case is read-only here. `receivedAt` is filled when the receiver's receipt is
   * imported; `districtCode` then names the receiving office.
   */
  transferredOut?: CustodyTransferOut;
}

/** A custody transfer this office made: to whom (when known), in which transfer package, when. */
export interface CustodyTransferOut {
  transferId: string;
  at: string;
  to: { districtCode: string } | null;
  receivedAt: string | null;
}

/** Whether the case's custody has left this office: it is then read-only here. */
export function custodyLeft(kase: { custody?: Custody }): boolean {
  return !!kase.custody?.transferredOut;
}

/** What the case list shows without reading every member: kept in step by the repository. */
export interface CaseSummary {
  head: { surname: BiScriptText; firstName: BiScriptText } | null;
  members: number;
  children: number;
}

/**
 * A family case: the family in a difficult life situation, how it was found, why it is
 * vulnerable, who manages it, where it stands among the eight stages, and who holds it.
 * Members are persons linked by memberships; stage events are kept in the case history.
 */
export interface FamilyCase extends RecordMeta, StageFacts {
  caseNumber: string;
  address: Address;
  phones: string[];
  referral: Referral;
  /** Codes of resources/reference/vulnerability.json. */
  vulnerability: string[];
  riskLevel: RiskLevel;
  consent: Consent | null;
  /** A user of the app. */
  caseManagerId: string;
  custody: Custody;
  summary: CaseSummary;
  /** The head's folded surname and first name, for sorting the list by name (kept by the repository). */
  sortName: string;
  /** Folded name, PINFL and case-number keys of the case and all its members (a multi-entry index). */
  searchKeys: string[];
  /**
   * The next monthly monitoring's due date while the case is active (agreement signed, not closed),
   * else null; kept by the repository, indexed, so overdue cases are one index range.
   */
  monitoringDue?: IsoDate | null;
  /** The earliest deadline among the plan's open actions, or null (kept by the repository). */
  actionsDue?: IsoDate | null;
}

/** One entry of a case's history: a stage event, who did it, when, from where to where, and why. */
export interface CaseHistoryEntry extends RecordMeta {
  caseId: string;
  /** Stage events, and the case-work steps recorded at the stage where they happen. */
  kind:
    | 'created'
    | 'advance'
    | 'decideEligibility'
    | 'signAgreement'
    | 'close'
    | 'reopen'
    | 'urgentAction'
    | 'assessmentCompleted'
    | 'assessmentApproved'
    | 'monitoring'
    | 'placement'
    | 'planRevised'
    | 'planCompleted'
    | 'planApproved'
    | 'service'
    | 'conference'
    /** Custody moved: sent to another office (here), received from one (there). The stage stays. */
    | 'custodySent'
    | 'custodyReceived';
  from: StageFacts['stage'] | null;
  to: StageFacts['stage'];
  reason: string;
  /** For urgent actions: what was done or must be done, by whom, by when. */
  action?: { description: string; responsible: string; dueDate: IsoDate };
  /** For a closure (a "not eligible" decision too): its outcome, kept here because a reopening clears the case's closure. */
  outcome?: ClosureOutcome;
  /** For a child's placement: whose, where, from when (codes; screens translate them). */
  placement?: { personId: string; kind: 'family' | 'institution' | 'returnedFromInstitution' | 'fosterOrGuardian'; from: IsoDate };
  /** For a case conference that discussed the case: which one, held when (the reason holds its decisions). */
  conference?: { id: string; date: IsoDate };
  /** For a custody move: the transfer, and the other office (its name as its header gave it). */
  custody?: { transferId: string; districtCode: string | null; officeName: TriLingualText | null };
}
