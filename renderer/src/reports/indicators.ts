import type { IsoDate } from '../domain/dates';
import type { OpenStage } from '../domain/stages';
import { caseFlows, familyFigures, openOn, type FamilyFigures } from './families';
import { childOutcomes, type ChildOutcomes, type ChildFigure } from './outcomes';
import { peopleFigures, type PeopleFigures } from './people';
import { dayBefore, periodLabel, type Period, type PeriodLabel } from './period';
import { processFigures, type ProcessFigures } from './process';
import { ReportData, type Figure, type ReportInput, type ReportOptions } from './reportData';

/**
 * The indicators an office reports upward every month and quarter (CASE-MANAGEMENT.md, "What the
 * office reports upward"), for a period and as of its ends, computed from plain records so they
 * are tested without a browser and run in a worker. The result is plain data (serializable, no
 * translated text); each figure lists the cases behind it, for the UI to open them.
 *
 * The rules of each part are written where it is computed: the stage history (stageOn.ts), the
 * records read and deleted cases (reportData.ts), families and children (families.ts), the
 * gate-keeping figures (outcomes.ts), the process (process.ts), workload and training (people.ts).
 * "Children" are always members of the case on the day a figure is about, under 18 that day
 * (children.ts). A large office (100,000 families) is read once per call, record by record, into
 * the indexes of reportData.ts; `testing/indicators.measure.ts` times each part.
 */

export type { ChildFigure, Figure, ReportInput, ReportOptions };

export interface Indicators {
  period: Period;
  label: PeriodLabel;
  /** The days "open at the start" and "open at the end" are read at the end of. */
  asOf: { start: IsoDate; end: IsoDate };
  families: FamilyFigures;
  outcomes: ChildOutcomes & {
    /** Closed in the period as self-sufficient (the same as `families.closedByOutcome.selfSufficient`). */
    selfSufficient: Figure;
  };
  process: ProcessFigures;
  people: PeopleFigures;
}

/**
 * The records indexed for reporting (histories replayed, members and monitorings by case), for one
 * filter: most of a report's time at 100,000 cases. The worker keeps one while its page is open, so
 * another period or the trend costs only its own figures. The input must not change meanwhile.
 */
export type PreparedReport = ReportData;

export function prepareReport(input: ReportInput, options: ReportOptions = {}): PreparedReport {
  return new ReportData(input, options);
}

/** Every indicator of the period, optionally for one mahalla's or one case manager's cases (the options of a prepared report are its own). */
export function computeIndicators(input: ReportInput | PreparedReport, period: Period, options: ReportOptions = {}): Indicators {
  const data = input instanceof ReportData ? input : new ReportData(input, options);
  const flows = caseFlows(data, period);
  const families = familyFigures(data, period, flows);
  return {
    period: { from: period.from, to: period.to },
    label: periodLabel(period),
    asOf: { start: dayBefore(period.from), end: period.to },
    families,
    outcomes: { ...childOutcomes(data, period, flows), selfSufficient: families.closedByOutcome.selfSufficient },
    process: processFigures(data, period, flows),
    people: peopleFigures(data, period, flows),
  };
}

/** Open cases at the end of any day, in all and by stage (for "as of" questions between period ends). */
export function openCasesOn(input: ReportInput, day: IsoDate, options: ReportOptions = {}): { open: Figure; byStage: Record<OpenStage, Figure> } {
  return openOn(new ReportData(input, options), day);
}
