import type { CaseHistoryEntry } from '../../domain/familyCase';
import { caseFlows, familyFigures } from '../families';
import { computeIndicators } from '../indicators';
import { childOutcomes } from '../outcomes';
import { peopleFigures } from '../people';
import { month, quarter, year } from '../period';
import { processFigures } from '../process';
import { groupBy, ReportData, type ReportInput } from '../reportData';
import { caseTimeline } from '../stageOn';
import { generateOffice } from './generate';
import { OFFICE_OFFSET } from './records';

/**
 * How long the indicators take for generated offices of growing size, phase by phase. Not a test
 * (the name keeps it out of vitest's include); run it with Vite's module runner, with room for the
 * largest office (its records take about 2 GB while generated) and, for the memory figures and
 * steadier times, `--expose-gc`:
 *
 *   node --expose-gc --max-old-space-size=8192 -e "import('vite').then((vite) => vite.runnerImport('./renderer/src/reports/testing/indicators.measure.ts'))"
 *
 * SIZES=5000,20000 (in the environment) picks the sizes; 100,000 families take a minute or two to
 * generate. The phases run in the order computeIndicators runs them; the totals are fresh runs of
 * the whole. The machine's other work shows in every figure: run it twice when they disagree.
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

/** Times one phase; garbage left by the ones before is collected first, when it can be. */
function time<T>(row: Record<string, number>, name: string, run: () => T): T {
  gc?.();
  const start = performance.now();
  const result = run();
  row[name] = Math.round(performance.now() - start);
  return result;
}

/**
 * The generator's records each have a shape of their own, which makes every field read slow; the
 * worker gets its records from IndexedDB by structured clone, which gives records of one kind one
 * shape. So everything below reads a structured clone; `rawQuarter` times the generator's own records.
 */
function office(row: Record<string, number>, size: number): ReportInput {
  const generated = time(row, 'generate', () => generateOffice(20260401, size).input);
  time(row, 'rawQuarter', () => computeIndicators(generated, quarter(2026, 1), { officeOffsetMinutes: OFFICE_OFFSET }));
  return time(row, 'clone', () => structuredClone(generated));
}

const rows: Record<string, number>[] = [];
for (const size of SIZES) {
  const row: Record<string, number> = { size };
  rows.push(row);
  const options = { officeOffsetMinutes: OFFICE_OFFSET };
  const period = quarter(2026, 1);
  const input = office(row, size);
  row.heapInputMb = heapMb();

  const data = time(row, 'reportData', () => new ReportData(input, options));
  // The replay alone (ReportData has just done it too, inside its own time), on history grouped beforehand.
  const history = groupBy<CaseHistoryEntry>(input.history, (entry) => entry.caseId);
  time(row, 'timelines', () => data.cases.forEach((kase) => caseTimeline(kase, history.get(kase.id) ?? [], data.dayOf)));
  const flows = time(row, 'flows', () => caseFlows(data, period));
  time(row, 'families', () => familyFigures(data, period, flows));
  time(row, 'outcomes', () => childOutcomes(data, period, flows));
  time(row, 'process', () => processFigures(data, period, flows));
  time(row, 'people', () => peopleFigures(data, period, flows));
  row.heapWithDataMb = heapMb();

  time(row, 'quarter', () => computeIndicators(input, period, options));
  time(row, 'localTime', () => computeIndicators(input, period));
  time(row, 'month+quarter+year', () => [month(2026, 3), quarter(2026, 1), year(2025)].map((p) => computeIndicators(input, p, options)));
  time(row, 'mahalla', () => computeIndicators(input, period, { ...options, mahallaId: 'mh-2' }));
  console.log(JSON.stringify(row));
}

const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
const width = (column: string) => Math.max(column.length, 6) + 2;
console.log(`\n${columns.map((column) => column.padStart(width(column))).join('')}`);
for (const row of rows) console.log(columns.map((column) => String(row[column] ?? '').padStart(width(column))).join(''));
console.log(
  [
    '\nTimes in ms, for the first quarter of 2026 at the office offset (UTC+5) unless named: localTime reads',
    "instants in the machine's zone (no offset given, as the reports page does now); month+quarter+year is",
    "three reports; mahalla one mahalla's. heapInputMb: the cloned records; heapWithDataMb: with one",
    'ReportData and its flows held as well.',
  ].join('\n'),
);
