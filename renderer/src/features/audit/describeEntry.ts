import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../domain/audit';
import type { DisplayLanguage } from '../../domain/names';
import { describeValue, fieldLabel, type NameLookup } from '../cases';

/** Bookkeeping fields that say nothing to a reader of the audit. */
const HIDDEN_FIELDS = new Set(['id', 'installationId', 'createdAt', 'createdBy']);

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
  return entry.changes
    .filter((change) => !HIDDEN_FIELDS.has(change.field))
    .map((change) =>
      entry.op === 'create'
        ? `${fieldLabel(t, change.field)}: ${describeValue(t, change.field, change.to, language, names)}`
        : t('cases:history.fieldChanged', {
            field: fieldLabel(t, change.field),
            from: describeValue(t, change.field, change.from, language, names),
            to: describeValue(t, change.field, change.to, language, names),
          }),
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
