import type { DisplayLanguage } from '../domain/names';
import { biScriptIn, triLingualIn } from '../domain/names';
import type { MahallaTeam } from '../domain/directory';
import type { Mahalla } from '../domain/mahalla';
import { findDistrict } from '../domain/regions';
import type { User } from '../domain/user';
import { RISK_LEVELS, VULNERABILITY_CRITERIA } from '../domain/vulnerability';
import { formatDate } from '../domain/dates';
import { UNCONFIRMED } from './families';
import type { PeriodLabel } from './period';
import { REPORT_GROUPS, type ReportCell, type ReportGroup, type ReportTable, type RowLabel, type TableId } from './tables';

/**
 * The report's tables in words: row labels, column titles and table titles in one language. The
 * screen, the workbook and the printed report take the result, so all three say the same thing.
 * `t` is i18next's translator (any function of the same shape in tests); keys live in the
 * `reports` namespace, stages, outcomes and placements in `cases`.
 */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface LocalRow {
  /** Stable across languages (`text:new`, `mahalla:<id>`), for tests and element ids. */
  key: string;
  label: string;
  cells: ReportCell[];
}

export interface LocalTable {
  id: TableId;
  group: ReportGroup;
  title: string;
  columns: string[];
  rows: LocalRow[];
}

export interface LocalGroup {
  group: ReportGroup;
  title: string;
  tables: LocalTable[];
}

export interface ReportNames {
  mahallas: readonly Mahalla[];
  users: readonly User[];
  teams: readonly MahallaTeam[];
}

/** Tables whose rows are names: sorted by name in the reader's language, not by id. */
const SORTED_BY_NAME: ReadonlySet<TableId> = new Set(['byMahalla', 'byDistrict', 'byCriterion', 'byCaseManager', 'byTeam']);

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function labelOf(label: RowLabel, t: Translate, language: DisplayLanguage, names: ReportNames): string {
  switch (label.kind) {
    case 'text':
      return t(`reports:row.${label.key}`);
    case 'stage':
      return t(`cases:stage.${label.stage}`);
    case 'outcome':
      return label.outcome === 'unrecorded' ? t('reports:row.unrecordedOutcome') : t(`cases:outcome.${label.outcome}`);
    case 'placement':
      return label.placement === 'none' ? t('reports:row.noPlacement') : capitalized(t(`cases:placement.kind.${label.placement}`));
    case 'mahalla': {
      const mahalla = names.mahallas.find((m) => m.id === label.id);
      return mahalla ? triLingualIn(mahalla.name, language) : t('reports:row.unknown');
    }
    case 'district': {
      const found = findDistrict(label.code);
      return found ? triLingualIn(found.district.name, language) : label.code;
    }
    case 'criterion': {
      if (label.code === UNCONFIRMED) return t('reports:row.unconfirmed');
      const criterion = VULNERABILITY_CRITERIA.find((c) => c.code === label.code);
      return criterion ? triLingualIn(criterion.name, language) : label.code;
    }
    case 'riskLevel': {
      const level = RISK_LEVELS.find((r) => r.code === label.code);
      return level ? `${level.code} — ${triLingualIn(level.name, language)}` : label.code;
    }
    case 'user': {
      const user = names.users.find((u) => u.id === label.id);
      return user ? biScriptIn(user.fullName, language) : t('reports:row.unknown');
    }
    case 'team': {
      const team = names.teams.find((candidate) => candidate.id === label.id);
      const mahalla = team && names.mahallas.find((m) => m.id === team.mahallaId);
      return mahalla ? triLingualIn(mahalla.name, language) : t('reports:row.unknown');
    }
  }
}

export function rowKey(label: RowLabel): string {
  const { kind, ...rest } = label;
  return `${kind}:${Object.values(rest).join(':')}`;
}

/** The tables in words, grouped as the workbook's sheets and the report's sections are. */
export function localizeTables(tables: readonly ReportTable[], t: Translate, language: DisplayLanguage, names: ReportNames): LocalGroup[] {
  const collator = new Intl.Collator(language === 'uz-Cyrl' ? 'uz-Cyrl' : language === 'ru' ? 'ru' : 'uz');
  const local = tables.map((table): LocalTable => {
    const rows = table.rows.map((row) => ({ key: rowKey(row.label), label: labelOf(row.label, t, language, names), cells: row.cells }));
    if (SORTED_BY_NAME.has(table.id)) rows.sort((a, b) => collator.compare(a.label, b.label));
    return { id: table.id, group: table.group, title: t(`reports:table.${table.id}`), columns: table.columns.map((column) => t(`reports:column.${column}`)), rows };
  });
  return REPORT_GROUPS.map((group) => ({ group, title: t(`reports:group.${group}`), tables: local.filter((table) => table.group === group) }));
}

/** A cell as printed: counts as integers, percentages with one decimal, days; "—" for nothing. */
export function formatCell(cell: ReportCell, language: DisplayLanguage, t: Translate): string {
  if (cell.value === null) return '—';
  const locale = language === 'ru' ? 'ru-RU' : 'uz-UZ';
  switch (cell.format) {
    case 'percent':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(cell.value)} %`;
    case 'days':
      return t('reports:days', { count: cell.value });
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(cell.value);
  }
}

/** A period as a heading says it: "2026-yil 3-chorak", "март 2026 г.", "01.02.2026 – 15.03.2026". */
export function periodText(label: PeriodLabel, t: Translate): string {
  switch (label.kind) {
    case 'month':
      return t('reports:period.month', { month: t(`reports:month.${label.month}`), year: label.year });
    case 'quarter':
      return t('reports:period.quarter', { quarter: label.quarter, year: label.year });
    case 'year':
      return t('reports:period.year', { year: label.year });
    case 'custom':
      return t('reports:period.custom', { from: formatDate(label.from), to: formatDate(label.to) });
  }
}
