import AddIcon from '@mui/icons-material/Add';
import { Button, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintDocumentButton } from '../documents';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import { conferencesOfCase, type ConferenceView } from '../../db/repositories/conferences';
import { canDo, canOnCase } from '../../domain/access';
import { formatDate } from '../../domain/dates';
import type { FamilyCase } from '../../domain/familyCase';
import { ConferenceDialog } from './ConferenceDialog';
import { useConferenceDirectory } from './useConferenceDirectory';

/**
 * The case conferences that discussed one case, newest first: date and team, decisions, and who
 * does what by when. Opening one shows it whole (editable for those who may); a case manager of the
 * case records a new one with the case and its mahalla filled in.
 */
export function CaseConferences({ kase }: { kase: FamilyCase }) {
  const { t } = useTranslation('conferences');
  const { db } = useServices();
  const actor = useActor();
  const directory = useConferenceDirectory();
  const views = useLiveQuery(() => (kase.deletedAt ? [] : conferencesOfCase(db, kase.id)), [db, kase.id, kase.deletedAt]);
  const [open, setOpen] = useState<ConferenceView | 'new' | null>(null);
  const mayRecord = !!actor && canDo(actor, 'recordConferences') && canOnCase(actor, 'change', kase) && !kase.deletedAt;
  if (!directory || !views) return null;

  return (
    <Stack spacing={1} data-testid="case-conferences">
      {mayRecord && (
        <Button startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setOpen('new')} data-testid="case-conference-new">
          {t('new')}
        </Button>
      )}
      {views.length === 0 ? (
        <Typography color="text.secondary">{t('noneForCase')}</Typography>
      ) : (
        <List dense disablePadding>
          {views.map((view) => (
            <ListItem key={view.conference.id} disablePadding divider data-testid="case-conference" secondaryAction={<PrintDocumentButton kind="conferenceMinutes" recordId={view.conference.id} size="small" variant="text" />}>
              <ListItemButton onClick={() => setOpen(view)} sx={{ alignItems: 'flex-start' }}>
                <ListItemText
                  primary={`${formatDate(view.conference.date)} — ${view.conference.mahallaId ? directory.mahallaName(view.conference.mahallaId) : t('field.noMahalla')} · ${t('attendeeCount', { count: view.conference.attendees.length })}`}
                  secondary={
                    <>
                      <Typography component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                        {view.conference.decisions}
                      </Typography>
                      {view.conference.nextSteps.map((step, index) => (
                        <Typography key={index} component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }} data-testid="case-conference-step">
                          {step.by ? t('stepLineBy', { who: directory.who(step), what: step.what, date: formatDate(step.by) }) : t('stepLine', { who: directory.who(step), what: step.what })}
                        </Typography>
                      ))}
                    </>
                  }
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      {open && <ConferenceDialog directory={directory} {...(open === 'new' ? { preset: { cases: [kase], mahallaId: kase.address.mahallaId } } : { view: open })} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
