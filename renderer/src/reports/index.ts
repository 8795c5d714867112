/**
 * The reports layer's public face: the indicators over plain records (run them in a worker for a
 * large office), the periods they cover, and the history replay they stand on.
 */
export { computeIndicators, openCasesOn, prepareReport, type PreparedReport, type ChildFigure, type Figure, type Indicators, type ReportInput, type ReportOptions } from './indicators';
export { custom, month, periodLabel, quarter, year, type LabeledPeriod, type Period, type PeriodLabel } from './period';
export { caseTimeline, officeDay, stageOn, stateOn, type CaseTimeline, type Episode } from './stageOn';
export { UNCONFIRMED, type Flow, type FamilyFigures } from './families';
export type { ChildOutcomes } from './outcomes';
export type { ProcessFigures } from './process';
export type { PeopleFigures } from './people';
export { monthlyTrend, monthsEnding, type TrendPoint } from './trend';
export { REPORT_GROUPS, reportTables, type ReportCell, type ReportGroup, type ReportRow, type ReportTable, type RowLabel, type TableId } from './tables';
export { formatCell, labelOf, localizeTables, periodText, type LocalGroup, type LocalRow, type LocalTable, type ReportNames, type Translate } from './localize';
