import HistoryIcon from '@mui/icons-material/History';
import { Alert, Button, Card, CardContent, CardHeader, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { exchangeLogEntries, pendingTransfers } from '../../db/exchange';
import { transferredCases } from '../../db/repositories/caseQueries';
import { formatDateTime } from '../../domain/dates';
import type { ExchangeLogEntry, ExchangePeer } from '../../domain/exchange';
import { triLingualIn } from '../../domain/names';
import { caseRecordCount } from './conflicts';
import { DecisionsDialog } from './DecisionsDialog';
import { hasReceipt } from './SaveReceiptDialog';
import { caseLabel } from './TransferCasePicker';
import { formatNumber } from '../../domain/numbers';

/** How many log entries the page shows; the log keeps every entry. */
const SHOWN = 50;


/**
 * The exchange log (transfers and receipts, in and out, newest first) and, above it, the custody
 * transfers still waiting for their receipt: those families are in neither office's hands until
 * the other office's receipt is imported here. A custody transfer received here offers its receipt
 * again (`onSaveReceipt`): the sending office waits for it.
 */
export function ExchangeLog({ onSaveReceipt }: { onSaveReceipt: (entry: ExchangeLogEntry) => void }) {
  const { t } = useTranslation('exchange');
  const { db } = useServices();
  const language = useAppSelector((state) => state.session.language);
  const entries = useLiveQuery(() => exchangeLogEntries(db, { limit: SHOWN }), [db]);
  const pending = useLiveQuery(() => pendingTransfers(db), [db]);
  const sentAway = useLiveQuery(async () => new Map((await transferredCases(db)).map((kase) => [kase.id, caseLabel(kase.caseNumber, kase.summary.head, language)])), [db, language]);
  const peerName = (peer: ExchangePeer | null) => (peer ? triLingualIn(peer.officeName, language) : '—');
  const [shown, setShown] = useState<ExchangeLogEntry | null>(null);
  const what = (entry: ExchangeLogEntry) => (entry.kind === 'receipt' ? t('kind.receipt') : `${t('kind.transfer')} (${t(`transfer.mode.${entry.mode ?? 'copy'}`)})`);

  return (
    <Card variant="outlined" data-testid="exchange-log">
      <CardHeader avatar={<HistoryIcon color="action" />} title={t('transfer.log.title')} subheader={t('transfer.log.text')} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {pending?.map((transfer) => (
            <Alert severity="warning" key={transfer.transferId} data-testid="pending-transfer">
              {t('transfer.log.pending', { date: formatDateTime(transfer.at), office: peerName(transfer.peer), file: transfer.fileName ?? '—', count: transfer.caseIds.length })}
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {transfer.caseIds.map((id) => sentAway?.get(id) ?? id).join(', ')}
              </Typography>
            </Alert>
          ))}
          {entries && entries.length === 0 ? (
            <Typography variant="body2" color="text.secondary" data-testid="exchange-log-empty">
              {t('transfer.log.empty')}
            </Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('transfer.log.at')}</TableCell>
                  <TableCell>{t('transfer.log.direction')}</TableCell>
                  <TableCell>{t('summary.kind')}</TableCell>
                  <TableCell>{t('transfer.log.peer')}</TableCell>
                  <TableCell>{t('summary.file')}</TableCell>
                  <TableCell align="right">{t('transfer.log.cases')}</TableCell>
                  <TableCell align="right">{t('transfer.log.records')}</TableCell>
                  <TableCell align="right">{t('transfer.log.decided')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries?.map((entry) => (
                  <TableRow key={entry.id} data-testid="exchange-log-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
                    <TableCell>{t(`transfer.log.${entry.direction}`)}</TableCell>
                    <TableCell>
                      {what(entry)}
                      {hasReceipt(entry) && (
                        <Button size="small" onClick={() => onSaveReceipt(entry)} sx={{ display: 'block', px: 0, mt: 0.5 }} data-testid="log-receipt-save">
                          {t('transfer.log.receipt')}
                        </Button>
                      )}
                    </TableCell>
                    <TableCell>{peerName(entry.peer)}</TableCell>
                    <TableCell sx={{ minWidth: 170, overflowWrap: 'anywhere' }}>{entry.fileName ?? '—'}</TableCell>
                    <TableCell align="right">{formatNumber(entry.caseIds.length)}</TableCell>
                    <TableCell align="right">{entry.kind === 'transfer' ? formatNumber(caseRecordCount(entry.counts)) : '—'}</TableCell>
                    <TableCell align="right">
                      {entry.direction === 'import' && entry.kind === 'transfer' && entry.decisions?.length ? (
                        <Button size="small" onClick={() => setShown(entry)} aria-label={t('transfer.log.showDecisions')} data-testid="log-decisions">
                          {formatNumber(entry.decisions.length)}
                        </Button>
                      ) : entry.direction === 'import' && entry.kind === 'transfer' ? (
                        formatNumber(0)
                      ) : (
                        '—'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
      {shown && <DecisionsDialog entry={shown} onClose={() => setShown(null)} />}
    </Card>
  );
}
