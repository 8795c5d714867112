import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../domain/audit';
import { triLingualIn, type DisplayLanguage } from '../../domain/names';
import { findDistrict, findRegion } from '../../domain/regions';
import { describeValue, fieldLabel, type NameLookup } from '../cases';

/** Bookkeeping fields that say nothing to a reader of the audit. */
const HIDDEN_FIELDS = new Set(['id', 'installationId', 'createdAt', 'createdBy', 'specialistId']);

/** Labels of the fields of tables other than the case file's, from the namespace of the form that edits them. */
const FIELD_LABELS: Record<string, Record<string, string>> = {
  users: {
    username: 'accounts:field.username',
    fullName: 'accounts:field.fullName',
    position: 'accounts:field.position',
    phone: 'accounts:field.phone',
    roles: 'accounts:field.roles',
    mahallaIds: 'accounts:field.mahallas',
    active: 'accounts:field.status',
  },
  officeProfile: {
    regionCode: 'setup:office.region',
    districtCode: 'setup:office.district',
    name: 'setup:office.name',
    head: 'setup:office.head',
    hokim: 'setup:office.hokim',
    deputyHokim: 'setup:office.deputyHokim',
  },
  mahallas: { name: 'cases:field.mahalla' },
  conferences: {
    date: 'conferences:field.date',
    mahallaId: 'conferences:field.mahalla',
    attendees: 'conferences:field.attendees',
    caseIds: 'conferences:field.cases',
    decisions: 'conferences:field.decisions',
    nextSteps: 'conferences:field.nextSteps',
  },
  documents: {
    kind: 'register:column.kind',
    registerNumber: 'register:column.registerNumber',
    number: 'register:column.number',
    date: 'register:column.date',
    caseId: 'register:column.case',
    caseIds: 'register:column.case',
    language: 'register:column.language',
  },
};

/** A register entry's kind and language in the reader's words (every document kind has its label in register.json). */
function describeDocument(t: TFunction, field: string, value: unknown): string | null {
  if (field === 'kind' && typeof value === 'string') return t(`register:kind.${value}`, { defaultValue: value });
  if (field === 'language' && typeof value === 'string') return t(`register:language.${value}`, { defaultValue: value });
  return null;
}

/** A value of those tables as a person reads it: roles, mahallas, regions and districts by name. */
function describeOther(t: TFunction, field: string, value: unknown, language: DisplayLanguage, names: NameLookup): string | null {
  if (field === 'roles' && Array.isArray(value)) return value.map((role) => t(`accounts:role.${String(role)}`)).join(', ') || '—';
  if (field === 'mahallaIds' && Array.isArray(value)) return value.map((id) => names.mahalla?.(String(id)) ?? '—').join(', ') || '—';
  if (field === 'active' && typeof value === 'boolean') return t(value ? 'accounts:status.active' : 'accounts:status.disabled');
  if (field === 'regionCode' && typeof value === 'string') return findRegion(value) ? triLingualIn(findRegion(value)!.name, language) : value;
  if (field === 'districtCode' && typeof value === 'string') return findDistrict(value) ? triLingualIn(findDistrict(value)!.district.name, language) : value;
  return null;
}

/** What an entry changed or tried, in the reader's language: the changed fields with old and new values, or the refused action. */
export function describeEntry(t: TFunction, entry: AuditEntry, language: DisplayLanguage, names: NameLookup): string {
  if (entry.op === 'refused') return t('audit:refusedAction', { action: refusedAction(t, entry.detail ?? '') });
  if (entry.op === 'loginFailed') return entry.detail ? t('audit:loginFailedAs', { username: entry.detail }) : t('audit:loginFailedUnknown');
  if (entry.op === 'bulk') return t('audit:bulk', { count: entry.bulk?.count ?? 0, kind: entry.bulk?.kind ?? '' });
  if (entry.table === 'credentials') {
    // A new hash is a password set or changed; otherwise only the count of failed logins moved.
    if (entry.op === 'create' || entry.changes.some((change) => change.field === 'hash')) return t('audit:passwordChanged');
    return t('audit:failedAttempts', { count: Number(entry.changes.find((change) => change.field === 'failedAttempts')?.to ?? 0) });
  }
  // A setting is a key and a value: shown as one line.
  if (entry.table === 'settings') {
    const value = entry.changes.find((change) => change.field === 'value');
    const key = entry.recordId === 'idleLockMinutes' ? t('settings:lock.title') : entry.recordId;
    return `${key}: ${describeValue(t, '', value?.from, language, names)} → ${describeValue(t, '', value?.to, language, names)}`;
  }
  const labels = FIELD_LABELS[entry.table];
  const label = (field: string) => (labels?.[field] ? t(labels[field]!) : fieldLabel(t, field));
  const value = (field: string, raw: unknown) => (entry.table === 'documents' ? describeDocument(t, field, raw) : null) ?? describeOther(t, field, raw, language, names) ?? describeValue(t, field, raw, language, names);
  return entry.changes
    .filter((change) => !HIDDEN_FIELDS.has(change.field))
    .map((change) =>
      entry.op === 'create'
        ? `${label(change.field)}: ${value(change.field, change.to)}`
        : t('cases:history.fieldChanged', { field: label(change.field), from: value(change.field, change.from), to: value(change.field, change.to) }),
    )
    .join('; ');
}

/**
 * What a refusal was for: the access middleware's table check (`read cases`, `write settings`) or a
 * repository's named action (`change case`, `manageAccounts`).
 */
function refusedAction(t: TFunction, detail: string): string {
  const [, mode, table] = /^(read|write) (\w+)$/u.exec(detail) ?? [];
  if (mode && table && table !== 'case') return t(`audit:tableAccess.${mode}`, { table: t(`audit:table.${table}`, { defaultValue: table }) });
  return t(`audit:action.${detail.replace(/ /gu, '_')}`, { defaultValue: detail });
}
