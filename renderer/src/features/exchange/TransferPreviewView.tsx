import { Box, Checkbox, Chip, FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import type { PreviewRef, TransferPreview } from '../../db/exchange';
import { formatDateTime } from '../../domain/dates';
import { triLingualIn } from '../../domain/names';
import { recordName, refName } from './conflicts';
import { useTableName } from './ExchangeProgressView';
import { caseLabel } from './TransferCasePicker';
import { formatNumber } from '../../domain/numbers';


/**
 * The reference tables whose entries a person can match by hand to a record here: the accounts and
 * the mahallas, which decide whose list a case is on and where it lives, and the specialists who
 * delivered services, attended conferences or are responsible for plan actions. Agencies and teams
 * not found here are listed only: no case record points to them (each office keeps its own).
 */
const MAPPABLE = ['users', 'mahallas', 'specialists'] as const;
export type MappableRef = (typeof MAPPABLE)[number];

/** `table:id`, as planMerge's refMap keys a reference entry. */
export const refKey = (ref: Pick<PreviewRef, 'table' | 'id'>) => `${ref.table}:${ref.id}`;

/**
 * What a transfer holds, before anything is merged: from which office, when, custody or copy, the
 * records per table, the cases, which records are new here, seen before or the same person by
 * PINFL, and the reference entries (accounts, mahallas …) found here, proposed or left as theirs.
 * A proposed match is used only when the user ticks it (`accepted`).
 */
export function TransferPreviewView({
  preview,
  fileName,
  accepted,
  onAccept,
  mapped,
  localRefs,
  onMap,
  disabled,
}: {
  preview: TransferPreview;
  fileName: string;
  accepted: ReadonlySet<string>;
  onAccept: (key: string, on: boolean) => void;
  /** Entries matched by hand (refKey → local id; '' keeps theirs), and this office's records to match them to. */
  mapped: Readonly<Record<string, string>>;
  localRefs: Readonly<Record<MappableRef, readonly { id: string; label: string }[]>>;
  onMap: (key: string, localId: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('exchange');
  const language = useAppSelector((state) => state.session.language);
  const tableName = useTableName();
  const counted = Object.entries(preview.counts).filter(([table, n]) => n > 0 && table !== 'transfer' && !table.startsWith('ref_'));
  const statusCount = (status: string) => preview.records.filter((r) => r.status === status).length;
  const samePersons = preview.records.filter((r) => r.status === 'samePerson');
  const suggested = preview.refs.filter((ref) => ref.match === 'none' && ref.suggestion);
  const unmatched = preview.refs.filter((ref) => ref.match === 'none' && !ref.suggestion);
  const mappable = unmatched.filter((ref): ref is PreviewRef & { table: MappableRef } => (MAPPABLE as readonly string[]).includes(ref.table) && localRefs[ref.table as MappableRef].length > 0);
  const listed = unmatched.filter((ref) => !mappable.includes(ref as never));
  const matched = preview.refs.filter((ref) => ref.match === 'id').length;

  return (
    <Stack spacing={2} data-testid="receive-preview">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5 }}>
        <Typography variant="body2" color="text.secondary">
          {t('summary.file')}
        </Typography>
        <Typography variant="body2">{fileName}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('summary.office')}
        </Typography>
        <Typography variant="body2" data-testid="receive-office">
          {triLingualIn(preview.source.officeName, language)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('summary.createdAt')}
        </Typography>
        <Typography variant="body2">{formatDateTime(preview.createdAt)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('transfer.receive.mode')}
        </Typography>
        <Typography variant="body2" data-testid="receive-mode">
          {t(`transfer.mode.${preview.mode}`)}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t(`transfer.mode.${preview.mode}Receive`)}
      </Typography>

      <Typography variant="subtitle2">{t('transfer.receive.casesTitle', { count: preview.cases.length })}</Typography>
      <Table size="small">
        <TableBody>
          {preview.cases.map((kase) => (
            <TableRow key={kase.id} data-testid="receive-case">
              <TableCell sx={{ py: 0.25 }}>{caseLabel(kase.caseNumber, kase.head, language)}</TableCell>
              <TableCell sx={{ py: 0.25 }} align="right">
                <Chip size="small" variant="outlined" label={t(`transfer.status.${kase.status}`)} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Table size="small" sx={{ maxWidth: 420 }} data-testid="receive-counts">
        <TableHead>
          <TableRow>
            <TableCell sx={{ py: 0.25 }}>{t('transfer.receive.records')}</TableCell>
            <TableCell sx={{ py: 0.25 }} align="right">
              {t('summary.total')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {counted.map(([table, n]) => (
            <TableRow key={table}>
              <TableCell sx={{ py: 0.25 }}>{tableName(table)}</TableCell>
              <TableCell sx={{ py: 0.25 }} align="right">
                {formatNumber(n)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" data-testid="receive-statuses">
        {t('transfer.receive.statuses', { new: formatNumber(statusCount('new')), seen: formatNumber(statusCount('seen')), same: formatNumber(statusCount('samePerson')) })}
      </Typography>
      {samePersons.length > 0 && (
        <Box data-testid="receive-same-persons">
          <Typography variant="body2">{t('transfer.receive.samePersons')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {samePersons.map((record) => recordName(preview, 'persons', record.localId ?? record.id, language) ?? record.id).join(', ')}
          </Typography>
        </Box>
      )}

      <Typography variant="subtitle2">{t('transfer.receive.refsTitle')}</Typography>
      <Typography variant="body2">{t('transfer.receive.refsMatched', { count: matched })}</Typography>
      {suggested.length > 0 && (
        <Stack data-testid="receive-suggestions">
          <Typography variant="body2">{t('transfer.receive.refsSuggested')}</Typography>
          {suggested.map((ref) => (
            <FormControlLabel
              key={refKey(ref)}
              disabled={disabled}
              control={<Checkbox size="small" checked={accepted.has(refKey(ref))} onChange={(event) => onAccept(refKey(ref), event.target.checked)} data-testid="receive-ref-accept" />}
              label={`${tableName(ref.table)}: ${refName(ref.record, language)}`}
            />
          ))}
        </Stack>
      )}
      {mappable.length > 0 && (
        <Stack spacing={1} data-testid="receive-map">
          <Typography variant="body2">{t('transfer.receive.refsMap')}</Typography>
          {mappable.map((ref) => (
            <TextField
              key={refKey(ref)}
              select
              size="small"
              label={`${tableName(ref.table)}: ${refName(ref.record, language)}`}
              value={mapped[refKey(ref)] ?? ''}
              onChange={(event) => onMap(refKey(ref), event.target.value)}
              disabled={disabled}
              sx={{ maxWidth: 520 }}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'receive-ref-map' } }}
            >
              <MenuItem value="">
                <em>{t('transfer.receive.refKeep')}</em>
              </MenuItem>
              {localRefs[ref.table].map((local) => (
                <MenuItem key={local.id} value={local.id}>
                  {local.label}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Stack>
      )}
      {listed.length > 0 && (
        <Box data-testid="receive-unmatched">
          <Typography variant="body2">{t('transfer.receive.refsUnmatched')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {listed.map((ref) => `${tableName(ref.table)}: ${refName(ref.record, language)}`).join('; ')}
          </Typography>
        </Box>
      )}
    </Stack>
  );
}
