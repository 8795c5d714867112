import EditIcon from '@mui/icons-material/EditOutlined';
import { Box, Button, Card, CardActions, CardContent, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortMembers, TEAM_ROLES } from '../../domain/directory';
import type { Mahalla } from '../../domain/mahalla';
import { EmptyState } from '../../ui/EmptyState';
import { TeamDialog } from './TeamDialog';
import { namesAttribute, type Directory } from './useDirectory';

/** One card per mahalla of the office: its interagency team, member by member, and its coordinator. */
export function TeamsTab({ directory, canEdit }: { directory: Directory; canEdit: boolean }) {
  const { t } = useTranslation('teams');
  const [editing, setEditing] = useState<Mahalla | null>(null);

  if (directory.mahallas.length === 0) return <EmptyState title={t('team.emptyTitle')} text={t('team.emptyText')} />;
  return (
    <>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))' }}>
        {directory.mahallas.map((mahalla) => {
          const team = directory.teamOf(mahalla.id);
          const members = sortMembers(team?.members ?? [], TEAM_ROLES, directory.specialistName);
          return (
            <Card key={mahalla.id} variant="outlined" data-testid="team-card" data-mahalla-id={mahalla.id} data-names={namesAttribute(mahalla.name.uzLatn, mahalla.name.uzCyrl, mahalla.name.ru)} sx={{ display: 'flex', flexDirection: 'column' }}>
              <CardContent sx={{ flexGrow: 1, pb: 1 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                  <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
                    {directory.mahallaName(mahalla.id)}
                  </Typography>
                  <Chip size="small" label={t('team.memberCount', { count: members.length })} />
                </Stack>
                <Typography variant="body2" color="text.secondary" data-testid="team-coordinator-name">
                  {t('team.coordinator', { name: team?.coordinatorUserId ? directory.accountName(team.coordinatorUserId) : t('notChosen') })}
                </Typography>
                {members.length === 0 ? (
                  <Typography color="text.secondary" sx={{ mt: 1.5 }}>
                    {t('team.noMembers')}
                  </Typography>
                ) : (
                  <List dense disablePadding sx={{ mt: 1 }}>
                    {members.map((member) => (
                      <ListItem key={member.specialistId} disableGutters data-testid="team-member">
                        <ListItemText primary={directory.specialistName(member.specialistId)} secondary={t(`teamRole.${member.role}`)} />
                      </ListItem>
                    ))}
                  </List>
                )}
              </CardContent>
              {canEdit && (
                <CardActions>
                  <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing(mahalla)} data-testid={`team-edit-${mahalla.id}`}>
                    {t('team.edit')}
                  </Button>
                </CardActions>
              )}
            </Card>
          );
        })}
      </Box>
      {editing && <TeamDialog mahalla={editing} directory={directory} onClose={() => setEditing(null)} />}
    </>
  );
}
