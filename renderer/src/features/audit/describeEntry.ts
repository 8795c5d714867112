import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../domain/audit';
import type { DisplayLanguage } from '../../domain/names';
import { describeValue, fieldLabel, type NameLookup } from '../cases';

/** Bookkeeping fields that say nothing to a reader of the audit. */
const HIDDEN_FIELDS = new Set(['id', 'installationId', 'createdAt', 'createdBy']);

/** What an entry changed or tried, in the reader's language: the changed fields with old and new values, or the refused action. */
export function describeEntry(t: TFunction, entry: AuditEntry, language: DisplayLanguage, names: NameLookup): string {
  if (entry.op === 'refused') return t('audit:refusedAction', { action: t(`audit:action.${(entry.detail ?? '').replace(/ /gu, '_')}`, { defaultValue: entry.detail ?? '' }) });
  if (entry.op === 'loginFailed') return t('audit:loginFailedAs', { username: entry.detail ?? '' });
  if (entry.op === 'bulk') return t('audit:bulk', { count: entry.bulk?.count ?? 0, kind: entry.bulk?.kind ?? '' });
  if (entry.table === 'credentials') return t('audit:passwordChanged');
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
