import { Box, Button, FormControlLabel, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { MergePlan, RecordConflicts } from '../../db/exchange';
import { describeValue, fieldLabel } from '../cases';
import { conflictKey, conflictNames, itemTitle, onlyLocal, pathLabel, personName, recordName, workFieldLabelKey, type Choices, type Take } from './conflicts';
import { useTableName } from './ExchangeProgressView';
import type { LocalRefs } from './useLocalRefs';

/** A conflicting field as a person reads it: a case-work record's field as its own form labels it, a case's as the case form does. */
export function useFieldPath(): (table: string, path: readonly string[], item?: (listPath: readonly string[], id: string) => string | null) => string {
  const { t: tc } = useTranslation('cases');
  const label = (table: string, field: string) => {
    const key = workFieldLabelKey(table, field);
    return key ? tc(key) : fieldLabel(tc, field);
  };
  // An item no record at hand holds any more reads as "an entry".
  return (table, path, item) =>
    pathLabel(
      path,
      (field) => label(table, field),
      (script) => tc(`common:script.${script}`),
      (listPath, id) => item?.(listPath, id) ?? tc('exchange:transfer.conflicts.item'),
    );
}

/** The columns of a conflict, as decided at an import and as the exchange log shows it later (`first`: a column before them). */
export function ConflictColumns({ first }: { first?: string }) {
  const { t } = useTranslation('exchange');
  return (
    <TableHead>
      <TableRow>
        {first !== undefined && <TableCell>{first}</TableCell>}
        {(['field', 'base', 'local', 'incoming', 'decision'] as const).map((column) => (
          <TableCell key={column}>{t(`transfer.conflicts.${column}`)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** A value breaks anywhere when it must (a long address), but a PINFL or a date keeps to one line. */
const VALUE_CELL = { wordBreak: 'break-word', minWidth: 136 } as const;

/** A conflicting field's field and three values, as the import asks about it and as the log shows it decided (`testId`: `conflict`, `decision`). */
export function ConflictValueCells({ field, base, local, incoming, testId }: { field: string; base: string; local: string; incoming: string; testId: string }) {
  return (
    <>
      <TableCell data-testid={`${testId}-field`}>{field}</TableCell>
      <TableCell sx={{ ...VALUE_CELL, color: 'text.secondary' }}>{base}</TableCell>
      <TableCell sx={VALUE_CELL} data-testid={`${testId}-local`}>
        {local}
      </TableCell>
      <TableCell sx={VALUE_CELL} data-testid={`${testId}-incoming`}>
        {incoming}
      </TableCell>
    </>
  );
}

/**
 * Every field both offices changed since the record last travelled, record by record: what it was
 * (the base), ours, theirs, and a choice between keeping ours and taking theirs. A record that
 * never travelled between the offices (a person linked by PINFL the first time) has no base: every
 * difference is shown.
 */
export function ConflictList({
  plan,
  local,
  choices,
  onChoose,
  onChooseAll,
  disabled,
}: {
  plan: MergePlan;
  /** This office's accounts, mahallas and specialists, to name the ids a conflict holds. */
  local: LocalRefs;
  choices: Choices;
  onChoose: (key: string, take: Take) => void;
  onChooseAll: (take: Take) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('exchange');
  const { t: tc } = useTranslation('cases');
  const language = useAppSelector((state) => state.session.language);
  const tableName = useTableName();
  // A conflict on a case manager, a mahalla, a specialist or a service's recipients holds ids: named, not shown as ids.
  const names = conflictNames(local, plan.preview, language);
  const fieldPath = useFieldPath();
  const value = (path: readonly string[], item: unknown) => describeValue(tc, path.at(-1) ?? '', item, language, names);
  // Where an item of a list is found by id to be named: the merge (this office's items), then the file's record.
  const sourcesOf = (record: RecordConflicts) => {
    const planned = plan.records.find((candidate) => candidate.table === record.table && candidate.id === record.id);
    const incomingId = planned?.incomingId ?? record.id;
    return [planned?.result.value, plan.preview.package.tables[record.table]?.find((row) => row.id === incomingId)];
  };

  return (
    <Stack spacing={2} data-testid="conflict-list">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Button size="small" onClick={() => onChooseAll('local')} disabled={disabled} data-testid="conflict-all-local">
          {t('transfer.conflicts.allLocal')}
        </Button>
        <Button size="small" onClick={() => onChooseAll('incoming')} disabled={disabled} data-testid="conflict-all-incoming">
          {t('transfer.conflicts.allIncoming')}
        </Button>
      </Stack>
      {plan.conflicts.map((record) => (
        <Box key={`${record.table}:${record.id}`} data-testid="conflict-record">
          <Typography variant="subtitle2">
            {tableName(record.table)}: {recordName(plan.preview, record.table, record.id, language) ?? record.id}
          </Typography>
          {!record.baseKnown && (
            <Typography variant="caption" color="text.secondary">
              {t('transfer.conflicts.noBase')}
            </Typography>
          )}
          <Table size="small">
            <ConflictColumns />
            <TableBody>
              {record.conflicts.map((conflict) => {
                const key = conflictKey(record.table, record.id, conflict.path);
                const blocked = onlyLocal(record, conflict.path);
                return (
                  <TableRow key={key} data-testid="conflict-row" sx={{ verticalAlign: 'top' }}>
                    <ConflictValueCells
                      testId="conflict"
                      field={fieldPath(record.table, conflict.path, (listPath, id) => itemTitle(sourcesOf(record), listPath, id, names.person))}
                      base={record.baseKnown ? value(conflict.path, conflict.base) : '—'}
                      local={value(conflict.path, conflict.local)}
                      incoming={value(conflict.path, conflict.incoming)}
                    />
                    <TableCell>
                      <RadioGroup value={choices[key] ?? ''} onChange={(event) => onChoose(key, event.target.value as Take)}>
                        <FormControlLabel value="local" disabled={disabled} control={<Radio size="small" slotProps={{ input: { 'data-testid': 'conflict-keep-local' } as object }} />} label={t('transfer.conflicts.keepLocal')} />
                        <FormControlLabel value="incoming" disabled={disabled || blocked} control={<Radio size="small" slotProps={{ input: { 'data-testid': 'conflict-take-incoming' } as object }} />} label={t('transfer.conflicts.takeIncoming')} />
                      </RadioGroup>
                      {blocked && (
                        <Typography variant="caption" color="warning.main" data-testid="conflict-pinfl-taken">
                          {t('transfer.conflicts.pinflTaken', { name: personName(record.pinflTakenBy as unknown as Record<string, unknown>, language) ?? '—' })}
                        </Typography>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Stack>
  );
}
