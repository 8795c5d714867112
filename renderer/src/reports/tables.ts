import { PLACEMENTS, type PlacementKind } from '../domain/caseWork';
import { CLOSURE_OUTCOMES, type ClosureOutcome, type OpenStage } from '../domain/stages';
import { OPEN_STAGES, type Flow } from './families';
import type { Indicators } from './indicators';
import type { ChildFigure } from './outcomes';
import type { Figure } from './reportData';

/**
 * The indicators laid out as the tables an office sends upward. The screen, the Excel workbook and
 * the printed monthly report all render these same tables, so a number cannot differ between them.
 * Tables are language-neutral: row labels say what they name (a stage, a mahalla id, a text key) and
 * `localizeTables` (localize.ts) turns them into words in the reader's language.
 */

export type ReportGroup = 'families' | 'outcomes' | 'process' | 'people';

export type TableId =
  | 'flow'
  | 'byStage'
  | 'byMahalla'
  | 'byDistrict'
  | 'byCriterion'
  | 'byRiskLevel'
  | 'closedByOutcome'
  | 'gateKeeping'
  | 'placementAtEnd'
  | 'process'
  | 'byCaseManager'
  | 'byTeam'
  | 'specialists';

/** What a row is about; `text` rows name a fixed line by its key under `reports:row`. */
export type RowLabel =
  | { kind: 'text'; key: string }
  | { kind: 'stage'; stage: OpenStage }
  | { kind: 'outcome'; outcome: ClosureOutcome | 'unrecorded' }
  | { kind: 'placement'; placement: PlacementKind | 'none' }
  | { kind: 'mahalla'; id: string }
  | { kind: 'district'; code: string }
  | { kind: 'criterion'; code: string }
  | { kind: 'riskLevel'; code: string }
  | { kind: 'user'; id: string }
  | { kind: 'team'; id: string };

/** A number and, where it counts cases, the cases behind it (for the click-through). */
export interface ReportCell {
  value: number | null;
  format: 'count' | 'percent' | 'days';
  caseIds?: string[];
}

export interface ReportRow {
  label: RowLabel;
  cells: ReportCell[];
}

export interface ReportTable {
  id: TableId;
  group: ReportGroup;
  /** Column keys under `reports:column`. */
  columns: string[];
  rows: ReportRow[];
}

export const REPORT_GROUPS: readonly ReportGroup[] = ['families', 'outcomes', 'process', 'people'];

const count = (value: number, caseIds?: string[]): ReportCell => (caseIds ? { value, format: 'count', caseIds } : { value, format: 'count' });
const families = (figure: Figure) => count(figure.families, figure.caseIds);
const children = (figure: Figure | ChildFigure) => count(figure.children, figure.caseIds);
const text = (key: string): RowLabel => ({ kind: 'text', key });

const FLOW_ROWS = ['openAtStart', 'new', 'reopened', 'closed', 'transferredOut', 'openAtEnd', 'served'] as const satisfies readonly (keyof Flow)[];
/** The columns of a breakdown (by mahalla, district, criterion, risk level): the flow's key figures. */
const BREAKDOWN_COLUMNS = ['openAtStart', 'new', 'closed', 'openAtEndFamilies', 'openAtEndChildren', 'servedFamilies', 'servedChildren'];

const breakdownCells = (flow: Flow): ReportCell[] => [
  families(flow.openAtStart),
  families(flow.new),
  families(flow.closed),
  families(flow.openAtEnd),
  children(flow.openAtEnd),
  families(flow.served),
  children(flow.served),
];

/** Rows of a breakdown in a stable order (the UI sorts the names; the keys keep tests readable). */
function breakdown(id: TableId, flows: Record<string, Flow>, label: (key: string) => RowLabel): ReportTable {
  const rows = Object.keys(flows)
    .sort()
    .map((key) => ({ label: label(key), cells: breakdownCells(flows[key]!) }));
  return { id, group: 'families', columns: BREAKDOWN_COLUMNS, rows };
}

/** Every table of a report, in the order they are shown and printed. */
export function reportTables(indicators: Indicators): ReportTable[] {
  const { families: fam, outcomes, process, people } = indicators;
  const monitoring = process.monitoring;
  const median = (value: number | null): ReportCell => ({ value, format: 'days' });
  return [
    {
      id: 'flow',
      group: 'families',
      columns: ['families', 'children'],
      rows: FLOW_ROWS.map((key) => ({ label: text(key), cells: [families(fam[key]), children(fam[key])] })),
    },
    { id: 'byStage', group: 'families', columns: ['families', 'children'], rows: OPEN_STAGES.map((stage) => ({ label: { kind: 'stage', stage }, cells: [families(fam.byStage[stage]), children(fam.byStage[stage])] })) },
    breakdown('byMahalla', fam.byMahalla, (id) => ({ kind: 'mahalla', id })),
    breakdown('byDistrict', fam.byDistrict, (code) => ({ kind: 'district', code })),
    breakdown('byCriterion', fam.byCriterion, (code) => ({ kind: 'criterion', code })),
    breakdown('byRiskLevel', fam.byRiskLevel, (code) => ({ kind: 'riskLevel', code })),
    {
      id: 'closedByOutcome',
      group: 'outcomes',
      columns: ['families', 'children'],
      rows: [...CLOSURE_OUTCOMES, 'unrecorded' as const]
        .filter((outcome) => outcome !== 'unrecorded' || fam.closedByOutcome.unrecorded.families > 0)
        .map((outcome) => ({ label: { kind: 'outcome', outcome }, cells: [families(fam.closedByOutcome[outcome]), children(fam.closedByOutcome[outcome])] })),
    },
    {
      id: 'gateKeeping',
      group: 'outcomes',
      columns: ['children', 'families'],
      rows: (['keptInFamily', 'returnedFromInstitution', 'placedInInstitution', 'placedInFosterOrGuardian'] as const).map((key) => ({
        label: text(key),
        cells: [children(outcomes[key]), count(outcomes[key].caseIds.length, outcomes[key].caseIds)],
      })),
    },
    {
      id: 'placementAtEnd',
      group: 'outcomes',
      columns: ['children'],
      rows: [...PLACEMENTS, 'none' as const].map((placement) => ({ label: { kind: 'placement', placement }, cells: [children(outcomes.placementAtEnd[placement])] })),
    },
    {
      id: 'process',
      group: 'process',
      columns: ['value'],
      rows: [
        { label: text('monitoringsDue'), cells: [count(monitoring.due, monitoring.caseIds)] },
        { label: text('monitoringsOnTime'), cells: [count(monitoring.onTime)] },
        { label: text('monitoringsLate'), cells: [count(monitoring.due - monitoring.onTime, monitoring.lateCaseIds)] },
        { label: text('monitoringOnTimePercent'), cells: [{ value: monitoring.percent, format: 'percent' }] },
        { label: text('overduePlanActions'), cells: [count(process.overduePlanActions.actions, process.overduePlanActions.caseIds)] },
        { label: text('medianIdentificationToAgreement'), cells: [median(process.medianDays.identificationToAgreement)] },
        { label: text('medianAgreementToClosure'), cells: [median(process.medianDays.agreementToClosure)] },
        { label: text('assessmentsAwaitingApproval'), cells: [count(process.assessmentsAwaitingApproval.count, process.assessmentsAwaitingApproval.caseIds)] },
      ],
    },
    {
      id: 'byCaseManager',
      group: 'people',
      columns: ['families', 'children'],
      rows: Object.keys(people.openCasesByCaseManager)
        .sort()
        .map((id) => ({ label: { kind: 'user', id }, cells: [families(people.openCasesByCaseManager[id]!), children(people.openCasesByCaseManager[id]!)] })),
    },
    {
      id: 'byTeam',
      group: 'people',
      columns: ['families', 'children', 'members', 'trained'],
      rows: Object.entries(people.openCasesByTeam)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([teamId, figure]) => ({
          label: { kind: 'team', id: teamId },
          cells: [families(figure), children(figure), count(people.teams[teamId]?.members ?? 0), count(people.teams[teamId]?.trained ?? 0)],
        })),
    },
    {
      id: 'specialists',
      group: 'people',
      columns: ['value'],
      rows: [
        { label: text('specialistsTotal'), cells: [count(people.specialists.total)] },
        { label: text('specialistsTrained'), cells: [count(people.specialists.trained.count)] },
        { label: text('specialistsTrainedInPeriod'), cells: [count(people.specialists.trainedInPeriod.count)] },
      ],
    },
  ];
}
