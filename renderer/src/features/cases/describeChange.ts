import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, isIsoDate, type IsoDate } from '../../domain/dates';
import { biScriptIn, triLingualIn, type BiScriptText, type DisplayLanguage } from '../../domain/names';
import { VULNERABILITY_CRITERIA } from '../../domain/vulnerability';

/** Resolves ids stored in records to names a person reads. */
export interface NameLookup {
  user?: (id: string) => string;
  mahalla?: (id: string) => string;
  specialist?: (id: string) => string;
  person?: (id: string) => string;
}

/** Field labels of the audit view that are not plain form fields. */
const FIELD_LABEL: Record<string, string> = {
  caseManagerId: 'field.caseManager',
  education: 'field.institution',
  agreement: 'card.tab.agreement',
  eligibility: 'card.eligibility',
  closure: 'card.outcome',
  relation: 'field.relation',
  from: 'card.date',
  to: 'card.endMembership',
  deletedAt: 'card.deleted',
  custody: 'field.district',
};

export function fieldLabel(t: TFunction, field: string): string {
  return t(FIELD_LABEL[field] ?? `field.${field}`, { defaultValue: field });
}

/** Parts of an object value not shown: how a name was typed, codes the address shows by name, and ids. */
const HIDDEN_KEYS: ReadonlySet<string> = new Set(['typed', 'regionCode', 'districtCode', 'id', 'goalId', 'actionId']);

/** A stored value as a person reads it: dates as dd.mm.yyyy, stages and outcomes translated, names in the UI's script. */

export function describeValue(t: TFunction, field: string, value: unknown, language: DisplayLanguage, names: NameLookup = {}): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (field === 'stage') return t(`stage.${value}`);
    if (field === 'relation') return t(`relation.${value}`);
    if (field === 'sex') return t(`sex.${value}`);
    if (field === 'source') return t(`referralSource.${value}`);
    if (field === 'disability') return t(`disability.${value}`);
    // A service's or a placement's kind, a plan action's or a plan's status: their words never overlap.
    if (field === 'kind') return t(`service.kinds.${value}`, { defaultValue: t(`placement.kind.${value}`, { defaultValue: value }) });
    if (field === 'status') return t(`plan.actionStatus.${value}`, { defaultValue: t(`plan.statusLabel.${value}`, { defaultValue: value }) });
    if (field === 'vulnerability') {
      const criterion = VULNERABILITY_CRITERIA.find((c) => c.code === value);
      return criterion ? triLingualIn(criterion.name, language) : value;
    }
    if (field === 'caseManagerId' || field === 'decidedBy') return names.user?.(value) ?? '—';
    if (field === 'mahallaId') return names.mahalla?.(value) ?? '—';
    if (field === 'specialistId' || field === 'deliveredBy' || field === 'attendees' || field === 'assessedBy') return names.specialist ? names.specialist(value) : value;
    if (field === 'personId' || field === 'recipients') return names.person ? names.person(value) : value;
    if (isIsoDate(value)) return formatDate(value as IsoDate);
    if (/^\d{4}-\d{2}-\d{2}T/u.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    // Items that are records of their own (a plan's goals, its actions) read one after another, set apart.
    const separator = value.some((item) => typeof item === 'object' && item !== null && !Array.isArray(item)) ? '; ' : ', ';
    return value.map((item) => describeValue(t, field, item, language, names)).join(separator);
  }
  if (typeof value === 'boolean') return t(`common:boolean.${value}`);
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  if ('latn' in record && 'cyrl' in record) return biScriptIn(record as unknown as BiScriptText, language);
  if (field === 'eligibility') return `${t(record.decision === 'eligible' ? 'card.eligible' : 'card.notEligible')}, ${describeValue(t, '', record.date, language)}`;
  if (field === 'closure') return `${t(`outcome.${String(record.outcome)}`)}, ${describeValue(t, '', record.date, language)}`;
  // A plan action's responsible: the specialist or family member it names, not its kind.
  if (field === 'responsible') return describeValue(t, record.kind === 'member' ? 'personId' : 'specialistId', record.kind === 'member' ? record.personId : record.specialistId, language, names);
  if (field === 'agreement') return `${describeValue(t, '', record.signedDate, language)} № ${String(record.number || '—')}`;
  return Object.entries(record)
    // Ids of a list item and of what it hangs on (a plan action's goal) say nothing to a person.
    .filter(([key, item]) => item !== null && item !== '' && !HIDDEN_KEYS.has(key))
    .map(([key, item]) => describeValue(t, key, item, language, names))
    .join(', ');
}
