import type { CaseHistoryEntry } from '../../domain/familyCase';
import { caseFlow, familyFigures } from '../families';
import { computeIndicators } from '../indicators';
import { childOutcomes } from '../outcomes';
import { peopleFigures } from '../people';
import { month, quarter, year } from '../period';
import { processFigures } from '../process';
import { groupBy, ReportData } from '../reportData';
import { caseTimeline, type TransferOut } from '../stageOn';
import { generateOffice } from './generate';
import { OFFICE_OFFSET } from './records';

/**
 * How long the indicators take for generated offices of growing size, phase by phase. Not a test
 * (the name keeps it out of vitest's include); run it with Vite's module runner, with room for the
 * largest office (its records alone take about 2 GB) and, for the memory figures, `--expose-gc`:
 *
 *   node --expose-gc --max-old-space-size=8192 -e "import('vite').then((vite) => vite.runnerImport('./renderer/src/reports/testing/indicators.measure.ts'))"
 *
 * SIZES=5000,20000 (the environment) picks the sizes. The phases run in the order computeIndicators
 * runs them, as they share the memo of children; the totals are fresh runs of the whole.
 */

interface NodeLike {
  env: Record<string, string | undefined>;
  memoryUsage(): { heapUsed: number };
}
const node = (globalThis as { process?: NodeLike }).process;
const gc = (globalThis as { gc?: () => void }).gc;
const SIZES = (node?.env.SIZES ?? '5000,20000,100000').split(',').map(Number);

const heapMb = () => {
  gc?.();
  return node ? Math.round(node.memoryUsage().heapUsed / 2 ** 20) : NaN;
};

function time<T>(row: Record<string, number>, name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  row[name] = Math.round(performance.now() - start);
  return result;
}

const rows: Record<string, number>[] = [];
for (const size of SIZES) {
  const row: Record<string, number> = { size };
  rows.push(row);
  const office = time(row, 'generate', () => generateOffice(20260401, size));
  const input = office.input;
  row.heapInputMb = heapMb();
  const options = { officeOffsetMinutes: OFFICE_OFFSET };
  const period = quarter(2026, 1);

  const data = time(row, 'reportData', () => new ReportData(input, options));
  // The replay alone (ReportData has just done it too, inside its own time), on history grouped beforehand.
  const history = groupBy<CaseHistoryEntry>(input.history, (entry) => entry.caseId);
  const transfers = groupBy<TransferOut>(input.transfers, (transfer) => transfer.caseId);
  time(row, 'timelines', () => data.cases.forEach((kase) => caseTimeline(kase, history.get(kase.id) ?? [], data.dayOf, transfers.get(kase.id))));
  const flows = time(row, 'flows', () => data.cases.map((kase) => caseFlow(data, kase.id, period)));
  time(row, 'families', () => familyFigures(data, period, flows));
  time(row, 'outcomes', () => childOutcomes(data, period, flows));
  time(row, 'process', () => processFigures(data, period, flows));
  time(row, 'people', () => peopleFigures(data, period, flows));
  row.heapWithDataMb = heapMb();

  time(row, 'quarter', () => computeIndicators(input, period, options));
  time(row, 'month+quarter+year', () => [month(2026, 3), quarter(2026, 1), year(2025)].map((p) => computeIndicators(input, p, options)));
  time(row, 'mahalla', () => computeIndicators(input, period, { ...options, mahallaId: 'mh-2' }));
  console.log(JSON.stringify(row));
}

const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
console.log(`\n${columns.map((column) => column.padStart(20)).join('')}`);
for (const row of rows) console.log(columns.map((column) => String(row[column] ?? '').padStart(20)).join(''));
console.log('\ntimes in ms; heapInputMb: the generated records; heapWithDataMb: with one ReportData and its flows held too');
