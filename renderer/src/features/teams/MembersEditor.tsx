import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { Alert, Box, Button, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Specialist, TeamMember } from '../../domain/directory';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { SpecialistPicker } from './pickers';
import { namesAttribute, type Directory } from './useDirectory';

/**
 * The members of a mahalla team or of the working group, each with a role: pick a specialist and a
 * role and add them; change a role or take a member out in the list. Controlled; the dialog saves.
 */
export function MembersEditor<R extends string>({
  directory,
  roles,
  roleLabel,
  members,
  onChange,
  suggestRole,
  servingMahallaId,
  testId,
  onPending,
}: {
  directory: Directory;
  roles: readonly R[];
  roleLabel: (role: R) => string;
  members: TeamMember<R>[];
  onChange: (members: TeamMember<R>[]) => void;
  /** The role a newly picked specialist most likely has, from their agency. */
  suggestRole: (specialist: Specialist) => R;
  servingMahallaId?: string;
  testId: string;
  /** Told whether a specialist is picked but not yet added, so the dialog does not save without them. */
  onPending?: (pending: boolean) => void;
}) {
  const { t } = useTranslation('teams');
  const { language } = directory;
  const [picked, setPicked] = useState<string | null>(null);
  const [role, setRole] = useState<R>(roles[roles.length - 1]!);

  const pick = (id: string | null) => {
    setPicked(id);
    onPending?.(id !== null);
    const specialist = id ? directory.specialist(id) : undefined;
    if (specialist) setRole(suggestRole(specialist));
  };
  const add = () => {
    if (!picked) return;
    onChange([...members, { specialistId: picked, role }]);
    setPicked(null);
    onPending?.(false);
  };
  const roleSelect = (value: R, change: (role: R) => void, id: string, label?: string) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => change(event.target.value as R)}
      sx={{ minWidth: 220, maxWidth: 320 }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': id } as object } }}
    >
      {roles.map((option) => (
        <MenuItem key={option} value={option}>
          {roleLabel(option)}
        </MenuItem>
      ))}
    </TextField>
  );

  if (directory.specialists.length === 0) return <Alert severity="info">{t('members.noSpecialists')}</Alert>;
  return (
    <Stack spacing={2}>
      {members.length === 0 ? (
        <Typography color="text.secondary">{t('members.none')}</Typography>
      ) : (
        <Table size="small" data-testid={`${testId}-members`}>
          <TableBody>
            {members.map((member, index) => {
              const specialist = directory.specialist(member.specialistId);
              return (
                <TableRow key={member.specialistId} data-testid={`${testId}-member-row`} data-names={specialist ? namesAttribute(specialist.fullName.latn, specialist.fullName.cyrl) : ''}>
                  <TableCell>
                    <Typography>{specialist ? biScriptIn(specialist.fullName, language) : '—'}</Typography>
                    {specialist && (
                      <Typography variant="body2" color="text.secondary">
                        {triLingualIn(specialist.position, language)}, {directory.agencyName(specialist.agencyId)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ width: 280 }}>
                    {roleSelect(member.role, (next) => onChange(members.map((m, i) => (i === index ? { ...m, role: next } : m))), `${testId}-member-role-${index}`)}
                  </TableCell>
                  <TableCell align="right" sx={{ width: 56 }}>
                    <Tooltip title={t('members.remove')}>
                      <IconButton size="small" aria-label={t('members.remove')} onClick={() => onChange(members.filter((_m, i) => i !== index))} data-testid={`${testId}-member-remove-${index}`}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <SpecialistPicker
          directory={directory}
          exclude={members.map((member) => member.specialistId)}
          value={picked}
          onChange={pick}
          testId={`${testId}-member-specialist`}
          {...(servingMahallaId ? { servingMahallaId } : {})}
        />
        {roleSelect(role, setRole, `${testId}-member-new-role`, t('field.role'))}
        <Button variant="outlined" onClick={add} disabled={!picked} data-testid={`${testId}-member-add`}>
          {t('members.add')}
        </Button>
      </Box>
    </Stack>
  );
}
