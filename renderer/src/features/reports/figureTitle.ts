import type { TFunction } from 'i18next';
import type { LocalGroup, TableId } from '../../reports';

/**
 * Which figure a click opened, in no language: the case list names it in whichever language the
 * user reads it later (a switch of language after the click renames the selection too).
 */
export type FigureRef =
  | { kind: 'key'; key: string }
  | { kind: 'cell'; table: TableId; row: string; column: number }
  | { kind: 'chart'; chart: 'byMahalla' | 'outcomes'; table: TableId; row: string };

/** The figure's name in the language of `groups` and `t` (the `reports` namespace). */
export function describeFigure(ref: FigureRef, groups: readonly LocalGroup[], t: TFunction): string {
  if (ref.kind === 'key') return t(`dashboard.${ref.key}`);
  const table = groups.flatMap((group) => group.tables).find((candidate) => candidate.id === ref.table);
  const row = table?.rows.find((candidate) => candidate.key === ref.row);
  if (!table || !row) return '';
  if (ref.kind === 'chart') return `${t(ref.chart === 'byMahalla' ? 'dashboard.openFamilies' : 'chart.outcomes')}: ${row.label}`;
  return table.columns.length > 1 ? `${row.label} (${table.columns[ref.column] ?? ''})` : row.label;
}
