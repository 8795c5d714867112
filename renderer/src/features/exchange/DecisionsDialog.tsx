import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { decidedRecords } from '../../db/exchange';
import { formatDateTime } from '../../domain/dates';
import type { ExchangeLogEntry } from '../../domain/exchange';
import { triLingualIn } from '../../domain/names';
import { describeValue } from '../cases';
import { ConflictColumns, ConflictValueCells, useFieldPath } from './ConflictList';
import { conflictNames, itemTitle, recordName, type NamingSource } from './conflicts';
import { useTableName } from './ExchangeProgressView';
import { NO_LOCAL_REFS, useLocalRefs } from './useLocalRefs';

/**
 * How the conflicts of one received transfer were decided, field by field, as the exchange log
 * keeps them: the value before, ours, theirs, which was kept. Records and the ids in values are
 * named from what this office holds now (a record purged since keeps its table's name only).
 */
export function DecisionsDialog({ entry, onClose }: { entry: ExchangeLogEntry; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation('cases');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const tableName = useTableName();
  const fieldPath = useFieldPath();
  const local = useLocalRefs() ?? NO_LOCAL_REFS;
  const decisions = entry.decisions ?? [];
  const tables = useLiveQuery(() => decidedRecords(db, decisions), [db, entry.id]) ?? {};
  // Named as a conflict list names them, from this office's records instead of a file's.
  const held: NamingSource = { package: { tables }, records: [], refs: [] };
  const names = conflictNames(local, held, language);
  const value = (path: readonly string[], item: unknown) => describeValue(tc, path.at(-1) ?? '', item, language, names);

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth data-testid="decisions-dialog">
      <DialogTitle>{t('transfer.log.decisionsTitle', { date: formatDateTime(entry.at), office: entry.peer ? triLingualIn(entry.peer.officeName, language) : '—' })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {entry.fileName ?? '—'}
        </Typography>
        <Table size="small">
          <ConflictColumns first={t('transfer.log.record')} />
          <TableBody>
            {decisions.map((decision) => (
              <TableRow key={`${decision.table}:${decision.recordId}:${decision.path.join('.')}`} data-testid="decision-row" sx={{ verticalAlign: 'top' }}>
                <TableCell>
                  {tableName(decision.table)}
                  <Typography variant="body2" color="text.secondary">
                    {recordName(held, decision.table, decision.recordId, language) ?? ''}
                  </Typography>
                </TableCell>
                <ConflictValueCells
                  testId="decision"
                  field={fieldPath(decision.table, decision.path, (listPath, id) => itemTitle([tables[decision.table]?.find((row) => row.id === decision.recordId)], listPath, id, names.person))}
                  base={value(decision.path, decision.base)}
                  local={value(decision.path, decision.local)}
                  incoming={value(decision.path, decision.incoming)}
                />
                <TableCell data-testid="decision-take">{decision.take === 'custom' ? t('transfer.log.took.custom', { value: value(decision.path, decision.value) }) : t(`transfer.log.took.${decision.take}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} data-testid="decisions-close">
          {t('transfer.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
