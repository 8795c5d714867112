import type { HamkorlikDb } from '../db';
import { requireOffice } from '../repositories/guard';
import { DomainError } from '../../domain/errors';
import type { ExchangeLogEntry, ExchangePeer } from '../../domain/exchange';
import { touched } from '../../domain/record';
import { createPackageWriter, ExchangeError, type ByteSink, type ByteSource, type UnlockSecret } from '../../exchange';
import { keysOf, type ExchangeSecret, type OfficeKeys } from './exchangeKeys';
import { officeSource, packageKeys, type TransferKeys } from './transfer';
import { RECEIPT_TABLE, receiptSchema, type ReceiptRecord } from './transferTables';
import { verifyPackage } from './verify';

/**
 * Writes the receipt of an applied custody transfer (kind `receipt`, header `transfer` naming the
 * transfer, one `receipt` record with its cases and when they were received): the file the
 * receiving office sends back so the sending office knows the cases arrived. Logged as an export.
 */
export async function writeReceipt(
  db: HamkorlikDb,
  keys: TransferKeys,
  sink: ByteSink,
  receipt: ReceiptRecord,
  options: { peer?: ExchangePeer; fileName?: string; /** Puts the written file in place; the log entry follows only once it is. */ commit?: () => Promise<void> } = {},
): Promise<void> {
  const session = requireOffice(db, 'transferCases');
  const writer = await createPackageWriter(
    {
      kind: 'receipt',
      source: await officeSource(db),
      keys: await packageKeys(keys),
      createdAt: db.clock(),
      counts: { [RECEIPT_TABLE]: 1 },
      transfer: { id: receipt.transferId, mode: 'custody' },
    },
    sink,
  );
  await writer.writeTable(RECEIPT_TABLE, [receipt]);
  await writer.finish();
  await options.commit?.();
  await db.transaction('rw', db.exchangeLog, () => db.exchangeLog.add(logEntry(db, session, 'export', receipt, options.peer ?? null, options.fileName)));
}

/**
 * Imports a receipt at the office that sent the transfer: the file is read and checked in full first
 * (`wrongKind` for anything but a receipt; `damaged` for a body that is not one receipt record, or one
 * that disagrees with its header); a receipt for no transfer this office sent is `notFound`. Then, in
 * one transaction, each case still marked as sent in that transfer is marked received, its custody
 * now with the receiving office, and the exchange log gets an entry. Importing it again changes
 * nothing. Returns the cases marked now. Administrators and supervisors.
 */
export async function importReceipt(db: HamkorlikDb, open: () => ByteSource, secret: ExchangeSecret | { dataKey: OfficeKeys }, options: { fileName?: string } = {}): Promise<{ transferId: string; marked: string[] }> {
  const session = requireOffice(db, 'transferCases');
  const unlock: UnlockSecret = 'dataKey' in secret ? { dataKey: keysOf(secret.dataKey).dataKey } : secret;
  const records: unknown[] = [];
  const verified = await verifyPackage(open, unlock, {
    phase: 'verifying',
    checkHeader: (header) => {
      if (header.kind !== 'receipt') throw new ExchangeError('wrongKind', { reason: header.kind });
      if (!header.transfer) throw new ExchangeError('damaged', { reason: 'headerInvalid' });
    },
    onBlock: (block) => {
      if (block.table !== RECEIPT_TABLE) throw new ExchangeError('damagedAt', { blockIndex: block.blockIndex, reason: 'table', field: block.table });
      records.push(...block.records);
      if (records.length > 1) throw new ExchangeError('damaged', { reason: 'receipt' });
    },
  });
  const parsed = receiptSchema.safeParse(records[0]);
  if (records.length !== 1 || !parsed.success || parsed.data.transferId !== verified.header.transfer!.id) throw new ExchangeError('damaged', { reason: 'receipt' });
  const receipt = parsed.data;
  const { source } = verified.header;
  const peer: ExchangePeer = { ...source, officeName: { ...source.officeName } };

  return db.transaction('rw', [db.cases, db.exchangeLog], async () => {
    const sent = await db.exchangeLog.where('transferId').equals(receipt.transferId).filter((entry) => entry.kind === 'transfer' && entry.direction === 'export').first();
    if (!sent || sent.mode !== 'custody') throw new DomainError('notFound', receipt.transferId);
    // Sent to a named office, the cases are received only by its receipt: another office knowing the passphrase does not take custody.
    if (sent.peer && sent.peer.districtCode !== source.districtCode) throw new ExchangeError('invalidInput', { reason: 'receiptOtherOffice' });
    const context = db.writeContext();
    const marked: string[] = [];
    for (const kase of await db.cases.bulkGet(receipt.caseIds.filter((id) => sent.caseIds.includes(id)))) {
      const out = kase?.custody.transferredOut;
      if (!kase || !out || out.transferId !== receipt.transferId || out.receivedAt) continue;
      const custody = { districtCode: source.districtCode, since: receipt.receivedAt, transferredOut: { ...out, to: out.to ?? { districtCode: source.districtCode }, receivedAt: receipt.receivedAt } };
      await db.cases.put(touched(kase, { custody }, context));
      marked.push(kase.id);
    }
    await db.exchangeLog.add(logEntry(db, session, 'import', receipt, peer, options.fileName));
    return { transferId: receipt.transferId, marked };
  });
}

function logEntry(db: HamkorlikDb, session: { userId: string; installationId: string }, direction: 'import' | 'export', receipt: ReceiptRecord, peer: ExchangePeer | null, fileName: string | undefined): ExchangeLogEntry {
  return {
    id: crypto.randomUUID(),
    at: db.clock().toISOString(),
    userId: session.userId,
    installationId: session.installationId,
    kind: 'receipt',
    direction,
    transferId: receipt.transferId,
    mode: 'custody',
    peer,
    fileName: fileName ?? null,
    caseIds: [...receipt.caseIds],
    counts: { [RECEIPT_TABLE]: 1 },
  };
}
