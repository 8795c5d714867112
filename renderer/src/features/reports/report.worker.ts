/// <reference lib="webworker" />
import { HamkorlikDb } from '../../db/db';
import { readReportInput } from '../../db/repositories/reports';
import { createReportJob, type ReportReply, type ReportRequest } from './reportJob';

/**
 * The reports page's worker: reading 100,000 families' records and replaying their histories
 * takes seconds, and the window must keep answering meanwhile. It opens its own connection to
 * the active database for each reading and closes it at once, so a restore's switch or an upgrade
 * never waits for it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const run = createReportJob(
  async (request, onProgress) => {
    const db = new HamkorlikDb(request.dbName);
    db.session = request.session;
    try {
      await db.open();
      return await readReportInput(db, request.session, onProgress);
    } finally {
      db.close();
    }
  },
  (reply: ReportReply) => scope.postMessage(reply),
);

scope.onmessage = (event: MessageEvent<ReportRequest>) => void run(event.data);
