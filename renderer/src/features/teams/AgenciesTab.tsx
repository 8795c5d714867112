import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useServices } from '../../app/services';
import { deleteAgency } from '../../db/repositories/directory';
import type { Agency } from '../../domain/directory';
import { triLingualIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { AgencyDialog } from './AgencyDialog';
import { ConfirmDelete } from './ConfirmDelete';
import { namesAttribute, type Directory } from './useDirectory';

/** The agencies of the district, seeded at setup and kept by the office as they are renamed. */
export function AgenciesTab({ directory, canEdit }: { directory: Directory; canEdit: boolean }) {
  const { t } = useTranslation('teams');
  const { db } = useServices();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Agency | null>(null);
  const { language } = directory;
  const staff = new Map<string, number>();
  for (const specialist of directory.specialists) staff.set(specialist.agencyId, (staff.get(specialist.agencyId) ?? 0) + 1);

  const addButton = canEdit && (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} data-testid="agency-new">
      {t('agency.create')}
    </Button>
  );

  return (
    <>
      {canEdit && directory.agencies.length > 0 && <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 2 }}>{addButton}</Box>}
      {directory.agencies.length === 0 ? (
        <EmptyState title={t('agency.emptyTitle')} text={t('agency.emptyText')} action={addButton || undefined} />
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('tab.agencies')} data-testid="agency-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('field.name')}</TableCell>
                <TableCell>{t('field.kind')}</TableCell>
                <TableCell align="right">{t('field.specialists')}</TableCell>
                {canEdit && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {directory.agencies.map((agency) => (
                <TableRow key={agency.id} data-testid="agency-row" data-names={namesAttribute(agency.name.uzLatn, agency.name.uzCyrl, agency.name.ru)}>
                  <TableCell>{triLingualIn(agency.name, language)}</TableCell>
                  <TableCell>{t(`agencyKind.${agency.kind}`)}</TableCell>
                  <TableCell align="right">{staff.get(agency.id) ?? 0}</TableCell>
                  {canEdit && (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button size="small" onClick={() => setEditing(agency)} data-testid="agency-edit">
                        {t('common:action.edit')}
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting(agency)} data-testid="agency-delete">
                        {t('common:action.delete')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {editing && <AgencyDialog agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDelete
          title={t('agency.deleteTitle')}
          text={t('agency.deleteText', { name: triLingualIn(deleting.name, language) })}
          onConfirm={async () => {
            await deleteAgency(db, deleting.id);
            feedback.done('teams:agency.deleted');
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
