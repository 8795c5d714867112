import EditIcon from '@mui/icons-material/EditOutlined';
import { Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortMembers, WORKING_GROUP_ROLES } from '../../domain/directory';
import { triLingualIn } from '../../domain/names';
import { EmptyState } from '../../ui/EmptyState';
import { namesAttribute, type Directory } from './useDirectory';
import { WorkingGroupDialog } from './WorkingGroupDialog';

/** The district interagency working group: chair, deputy chair, secretary and members. */
export function WorkingGroupTab({ directory, canEdit }: { directory: Directory; canEdit: boolean }) {
  const { t } = useTranslation('teams');
  const [editing, setEditing] = useState(false);
  const { language } = directory;
  const members = sortMembers(directory.workingGroup?.members ?? [], WORKING_GROUP_ROLES, directory.specialistName);

  const editButton = canEdit && (
    <Button variant={members.length ? 'outlined' : 'contained'} startIcon={<EditIcon />} onClick={() => setEditing(true)} data-testid="workingGroup-edit">
      {t('workingGroup.edit')}
    </Button>
  );

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('workingGroup.title')}
        </Typography>
        {members.length > 0 && editButton}
      </Box>
      {members.length === 0 ? (
        <EmptyState title={t('workingGroup.emptyTitle')} text={t('workingGroup.emptyText')} action={editButton || undefined} />
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('workingGroup.title')} data-testid="workingGroup-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('field.role')}</TableCell>
                <TableCell>{t('field.fullName')}</TableCell>
                <TableCell>{t('field.position')}</TableCell>
                <TableCell>{t('field.agency')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((member) => {
                const specialist = directory.specialist(member.specialistId);
                return (
                  <TableRow key={member.specialistId} data-testid="workingGroup-row" data-names={specialist ? namesAttribute(specialist.fullName.latn, specialist.fullName.cyrl) : ''}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`workingGroupRole.${member.role}`)}</TableCell>
                    <TableCell>{directory.specialistName(member.specialistId)}</TableCell>
                    <TableCell>{specialist ? triLingualIn(specialist.position, language) : ''}</TableCell>
                    <TableCell>{specialist ? directory.agencyName(specialist.agencyId) : ''}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      {editing && <WorkingGroupDialog directory={directory} onClose={() => setEditing(false)} />}
    </>
  );
}
