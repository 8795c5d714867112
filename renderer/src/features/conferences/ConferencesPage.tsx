import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import ForumIcon from '@mui/icons-material/Forum';
import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import { Alert, Box, Button, Chip, CircularProgress, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintDocumentButton } from '../documents';
import { useNavigate } from 'react-router';
import { useActor } from '../../app/hooks';
import { useServices } from '../../app/services';
import { listConferences, type ConferenceView } from '../../db/repositories/conferences';
import { canDo } from '../../domain/access';
import { formatDate } from '../../domain/dates';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { ConferenceDialog } from './ConferenceDialog';
import { DeleteConferenceDialog } from './DeleteConferenceDialog';
import { useConferenceDirectory } from './useConferenceDirectory';

/**
 * The interagency teams' meetings on cases, newest first, optionally one mahalla's: when, which
 * team, which cases (those the user reads), how many attended, what was decided. Case managers and
 * supervisors record and edit them; everyone else opens them to read.
 */
export function ConferencesPage() {
  const { t } = useTranslation('conferences');
  const { db } = useServices();
  const actor = useActor();
  const navigate = useNavigate();
  const directory = useConferenceDirectory();
  const [mahallaId, setMahallaId] = useState('');
  const views = useLiveQuery(() => listConferences(db, mahallaId ? { mahallaId } : {}), [db, mahallaId]);
  const [open, setOpen] = useState<ConferenceView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ConferenceView | null>(null);
  const mayRecord = !!actor && canDo(actor, 'recordConferences');

  const newButton = mayRecord && (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen('new')} data-testid="conference-new">
      {t('new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      {!mayRecord && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="conferences-read-only">
          {t('readOnly')}
        </Alert>
      )}
      {!directory || !views ? (
        <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
          <CircularProgress aria-busy />
        </Box>
      ) : (
        <>
          <TextField select size="small" label={t('column.mahalla')} value={mahallaId} onChange={(event) => setMahallaId(event.target.value)} sx={{ width: 320, mb: 2 }} slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true, SelectDisplayProps: { 'data-testid': 'conference-filter-mahalla' } as object } }}>
            <MenuItem value="">{t('allMahallas')}</MenuItem>
            {directory.mahallas.map((mahalla) => (
              <MenuItem key={mahalla.id} value={mahalla.id}>
                {directory.mahallaName(mahalla.id)}
              </MenuItem>
            ))}
          </TextField>
          {views.length === 0 ? (
            <EmptyState icon={<ForumIcon />} title={t('emptyTitle')} text={t('emptyText')} />
          ) : (
            <Paper variant="outlined">
              <Table size="small" data-testid="conference-list">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('column.date')}</TableCell>
                    <TableCell>{t('column.mahalla')}</TableCell>
                    <TableCell>{t('column.cases')}</TableCell>
                    <TableCell>{t('column.attendees')}</TableCell>
                    <TableCell>{t('column.decisions')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {views.map((view) => (
                    <TableRow key={view.conference.id} hover data-testid="conference-row" sx={{ verticalAlign: 'top' }}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(view.conference.date)}</TableCell>
                      <TableCell>{directory.mahallaName(view.conference.mahallaId)}</TableCell>
                      <TableCell>
                        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                          {view.cases.map((kase) => (
                            <Chip key={kase.id} size="small" variant="outlined" label={directory.caseLabel(kase)} onClick={() => navigate(`/cases/${kase.id}`)} data-testid="conference-case" />
                          ))}
                          {view.otherCases > 0 && <Chip size="small" label={t('otherCasesShort', { count: view.otherCases })} />}
                        </Stack>
                      </TableCell>
                      <TableCell data-testid="conference-attendee-count">{t('attendeeCount', { count: view.conference.attendees.length })}</TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>
                        <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'pre-wrap' }}>
                          {view.conference.decisions}
                        </Typography>
                        {view.conference.nextSteps.length > 0 && (
                          <Typography variant="caption" color="text.secondary">
                            {t('stepCount', { count: view.conference.nextSteps.length })}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }} align="right">
                        <PrintDocumentButton kind="conferenceMinutes" recordId={view.conference.id} size="small" variant="text" />
                        <Tooltip title={view.editable ? t('common:action.edit') : t('view')}>
                          <IconButton size="small" aria-label={view.editable ? t('common:action.edit') : t('view')} onClick={() => setOpen(view)} data-testid="conference-open">
                            {view.editable ? <EditIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
                          </IconButton>
                        </Tooltip>
                        {view.editable && (
                          <Tooltip title={t('common:action.delete')}>
                            <IconButton size="small" aria-label={t('common:action.delete')} onClick={() => setDeleting(view)} data-testid="conference-delete">
                              <DeleteIcon fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          )}
        </>
      )}
      {directory && open && <ConferenceDialog directory={directory} {...(open === 'new' ? {} : { view: open })} onClose={() => setOpen(null)} />}
      {deleting && <DeleteConferenceDialog view={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
