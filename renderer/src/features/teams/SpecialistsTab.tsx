import PersonAddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { deleteSpecialist } from '../../db/repositories/directory';
import { formatDate } from '../../domain/dates';
import type { Specialist } from '../../domain/directory';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { PrintDocumentButton } from '../documents';
import { ConfirmDelete } from './ConfirmDelete';
import { SpecialistDialog } from './SpecialistDialog';
import { namesAttribute, type Directory } from './useDirectory';

/** The specialists of every agency, with what the decision and the teams need to know of them. */
export function SpecialistsTab({ directory, canEdit }: { directory: Directory; canEdit: boolean }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Specialist | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Specialist | null>(null);
  const { language } = directory;
  const usernames = new Map(directory.accounts.map((account) => [account.id, account.username]));

  const addButton = canEdit && (
    <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setEditing('new')} data-testid="specialist-new">
      {t('specialist.create')}
    </Button>
  );

  return (
    <>
      {canEdit && directory.specialists.length > 0 && <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>{addButton}</Box>}
      {directory.specialists.length === 0 ? (
        <EmptyState title={t('specialist.emptyTitle')} text={t('specialist.emptyText')} action={addButton || undefined} />
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('tab.specialists')} data-testid="specialist-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('field.fullName')}</TableCell>
                <TableCell>{t('field.position')}</TableCell>
                <TableCell>{t('field.agency')}</TableCell>
                <TableCell>{t('field.phone')}</TableCell>
                <TableCell>{t('column.mahallas')}</TableCell>
                <TableCell>{t('column.trained')}</TableCell>
                <TableCell>{t('column.account')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {directory.specialists.map((specialist) => (
                <TableRow key={specialist.id} data-testid="specialist-row" data-names={namesAttribute(specialist.fullName.latn, specialist.fullName.cyrl)}>
                  <TableCell>{biScriptIn(specialist.fullName, language)}</TableCell>
                  <TableCell>{triLingualIn(specialist.position, language)}</TableCell>
                  <TableCell>{directory.agencyName(specialist.agencyId)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{specialist.phone ?? ''}</TableCell>
                  <TableCell>{specialist.mahallaIds.map(directory.mahallaName).join(', ')}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {specialist.trainedOn ? (
                      formatDate(specialist.trainedOn)
                    ) : (
                      <Typography component="span" variant="body2" color="text.secondary">
                        {t('specialist.notTrained')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{specialist.userId ? (usernames.get(specialist.userId) ?? '') : ''}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {/* The open actions of the plans the user reads, for a member who does not open the app. */}
                    <PrintDocumentButton kind="taskSheet" specialistId={specialist.id} variant="text" size="small" />
                    {canEdit && (
                      <>
                        <Button size="small" onClick={() => setEditing(specialist)} data-testid="specialist-edit">
                          {t('common:action.edit')}
                        </Button>
                        <Button size="small" color="error" onClick={() => setDeleting(specialist)} data-testid="specialist-delete">
                          {t('common:action.delete')}
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {editing && <SpecialistDialog specialist={editing === 'new' ? null : editing} directory={directory} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDelete
          title={t('specialist.deleteTitle')}
          text={t('specialist.deleteText', { name: biScriptIn(deleting.fullName, language) })}
          onConfirm={async () => {
            await deleteSpecialist(db, deleting.id);
            feedback.done('teams:specialist.deleted');
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
