import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { caseChanges, type CaseFile } from '../../db/repositories/cases';
import { listUsers } from '../../db/repositories/users';
import type { AuditEntry } from '../../domain/audit';
import { formatDate, formatDateTime } from '../../domain/dates';
import { fullName } from '../../domain/person';
import { listMahallas } from '../../db/repositories/mahallas';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { describeValue, fieldLabel } from './describeChange';

// Identity and bookkeeping fields say nothing to a case manager.
const HIDDEN_FIELDS = new Set(['id', 'installationId', 'createdAt', 'createdBy', 'caseId', 'personId', 'pinflCheckAccepted', 'custody', 'caseNumber']);

/** The case's stage history and the field-level changes of its records, newest first, in the UI language. */
export function HistoryTab({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const users = useLiveQuery(() => listUsers(db), [db]) ?? [];
  const audit = useLiveQuery(
    () => caseChanges(db, file.kase.id),
    // The audit is written below Dexie's change tracking: follow the records' revisions instead.
    [db, file.kase.id, file.kase.rev, file.members.map((m) => `${m.person.id}.${m.person.rev}.${m.membership.rev}`).join()],
  );
  const who = (userId: string) => {
    const user = users.find((u) => u.id === userId);
    return user ? biScriptIn(user.fullName, language) : userId.slice(0, 8);
  };
  const mahallas = useLiveQuery(() => listMahallas(db), [db]) ?? [];
  const lookup = {
    user: who,
    mahalla: (id: string) => {
      const mahalla = mahallas.find((m) => m.id === id);
      return mahalla ? triLingualIn(mahalla.name, language) : '—';
    },
  };
  const stage = (value: string | null) => (value ? t(`stage.${value}`) : '—');
  const personName = (personId: string) => {
    const member = file.members.find((m) => m.person.id === personId);
    return member ? fullName(member.person, language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl') : '—';
  };


  return (
    <>
      <List dense data-testid="case-history">
        {[...file.history].reverse().map((entry) => (
          <ListItem key={entry.id} divider data-testid="history-entry">
            <ListItemText
              primary={`${t(`history.${entry.kind}`)}${entry.from && entry.from !== entry.to ? ` · ${t('history.stageChange', { from: stage(entry.from), to: stage(entry.to) })}` : ''}`}
              secondary={[
                t('history.by', { user: who(entry.createdBy), when: formatDateTime(entry.createdAt) }),
                entry.reason,
                entry.action ? `${entry.action.description} — ${entry.action.responsible}` : '',
                entry.placement ? `${personName(entry.placement.personId)}: ${t(`placement.kind.${entry.placement.kind}`)} · ${t('placement.since', { date: formatDate(entry.placement.from) })}` : '',
                entry.conference ? t('history.conferenceOn', { date: formatDate(entry.conference.date) }) : '',
                entry.custody?.officeName ? triLingualIn(entry.custody.officeName, language) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="subtitle2" sx={{ mt: 3 }}>
        {t('history.auditTitle')}
      </Typography>
      <List dense data-testid="case-audit">
        {(audit ?? []).map((entry: AuditEntry) => (
          <ListItem key={entry.id} divider>
            <ListItemText
              primary={entry.changes
                .filter((change) => !HIDDEN_FIELDS.has(change.field))
                .map((change) =>
                  t('history.fieldChanged', {
                    field: fieldLabel(t, change.field),
                    from: describeValue(t, change.field, change.from, language, lookup),
                    to: describeValue(t, change.field, change.to, language, lookup),
                  }),
                )
                .join('; ')}
              secondary={t('history.by', { user: who(entry.userId), when: formatDateTime(entry.at) })}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
