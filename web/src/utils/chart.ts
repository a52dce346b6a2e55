// Pieces shared by the pages' ECharts options.
import { escapeHtml } from './format';

/**
 * The formatter of an axis tooltip over `rows` (one row per category, in axis order): the lines
 * `lines` gives for the hovered row, HTML-escaped, one per line; '' when no row is hovered.
 */
export function axisTooltip<T>(rows: readonly T[], lines: (row: T) => string[]): (params: unknown) => string {
  return (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number }[];
    const row = rows[list[0]?.dataIndex ?? -1];
    if (row === undefined) return '';
    return lines(row).map(escapeHtml).join('<br/>');
  };
}
