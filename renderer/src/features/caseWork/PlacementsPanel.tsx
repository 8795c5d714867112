import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback';
import { useActor, useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import type { CaseFile } from '../../db/repositories/cases';
import { addPlacement, listPlacements } from '../../db/repositories/placements';
import { canOnCase } from '../../domain/access';
import { PLACEMENTS, placementOn, type Placement, type PlacementKind } from '../../domain/caseWork';
import { formatDate, isIsoDate, toIsoDate, type IsoDate } from '../../domain/dates';
import { fullName, isChildOn } from '../../domain/person';
import { DateField } from '../../ui/DateField';

/**
 * Where each child of the family lives, and since when — with the family, in an institution, back
 * from one, in a foster or guardian family — and each earlier placement, oldest first.
 */
export function PlacementsPanel({ file }: { file: CaseFile }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const actor = useActor();
  const language = useAppSelector((state) => state.session.language);
  const script = language === 'uz-Latn' || language === 'en' ? 'latn' : 'cyrl';
  const today = toIsoDate(new Date());
  const placements = useLiveQuery(() => listPlacements(db, file.kase.id), [db, file.kase.id]) ?? [];
  const [changing, setChanging] = useState<{ personId: string; name: string } | null>(null);
  const children = file.members.filter(({ membership, person }) => membership.to === null && membership.deletedAt === null && isChildOn(person.birthDate, today));
  const mayChange = !!actor && canOnCase(actor, 'change', file.kase) && !file.kase.deletedAt;
  if (children.length === 0) return null;
  const current = (personId: string): Placement | undefined => {
    const kind = placementOn(placements, personId, today);
    return kind ? [...placements].reverse().find((p) => p.personId === personId && p.kind === kind && p.from <= today) : undefined;
  };

  return (
    <Stack spacing={1} data-testid="placements">
      <Typography variant="subtitle2">{t('placement.title')}</Typography>
      <Table size="small">
        <TableBody>
          {children.map(({ person }) => {
            const now = current(person.id);
            const earlier = placements.filter((p) => p.personId === person.id && p !== now);
            return (
              <TableRow key={person.id} data-testid="placement-row">
                <TableCell>{fullName(person, script)}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                    <Chip size="small" color={now?.kind === 'family' || now?.kind === 'returnedFromInstitution' ? 'success' : now ? 'warning' : 'default'} label={now ? `${t(`placement.kind.${now.kind}`)} · ${t('placement.since', { date: formatDate(now.from) })}` : t('placement.unknown')} data-testid="placement-current" />
                    {earlier.map((p) => (
                      <Chip key={p.id} size="small" variant="outlined" label={`${t(`placement.kind.${p.kind}`)} · ${t('placement.since', { date: formatDate(p.from) })}`} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell align="right">
                  {mayChange && (
                    <Button size="small" onClick={() => setChanging({ personId: person.id, name: fullName(person, script) })} data-testid="placement-change">
                      {t('placement.change')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {changing && <PlacementDialog file={file} child={changing} onClose={() => setChanging(null)} />}
    </Stack>
  );
}

function PlacementDialog({ file, child, onClose }: { file: CaseFile; child: { personId: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const { db } = useServices();
  const feedback = useFeedback();
  const today = toIsoDate(new Date());
  const birth = file.members.find((m) => m.person.id === child.personId)?.person.birthDate ?? today;
  const [kind, setKind] = useState<PlacementKind>('family');
  const [from, setFrom] = useState<string>(today);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState(false);
  const save = async () => {
    const valid = isIsoDate(from) && from <= today && from >= birth;
    setProblem(!valid);
    if (!valid) return;
    try {
      await addPlacement(db, file.kase.id, { personId: child.personId, kind, from: from as IsoDate, note });
      feedback.done('cases:placement.saved');
      onClose();
    } catch (error) {
      feedback.failure(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('placement.dialogTitle', { name: child.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label={t('placement.field.kind')} value={kind} onChange={(e) => setKind(e.target.value as PlacementKind)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'placement-kind' } as object } }}>
            {PLACEMENTS.map((option) => (
              <MenuItem key={option} value={option}>
                {t(`placement.kind.${option}`)}
              </MenuItem>
            ))}
          </TextField>
          <DateField label={t('placement.field.from')} value={from} onChange={setFrom} testId="placement-from" maxDate={today} />
          <TextField label={t('placement.field.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { 'data-testid': 'placement-note' } }} />
          {problem && <Alert severity="error">{t('placement.problem.from')}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="placement-save">
          {t('common:action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
