// 规上 figures the browser tests compute themselves from the demo database with the sqlite3
// command-line tool, independently of the server, to compare with what the pages show.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from './harness.mjs';

// The 规上 (四上) threshold of a firm as an SQL CASE, built from data/statistics/scale_thresholds.csv:
// the longest code prefix wins over the 门类 letter; industries without a category are never 规上.
function thresholdCase(dataDir) {
  const rows = readFileSync(path.join(dataDir, 'statistics', 'scale_thresholds.csv'), 'utf8')
    .trim().split('\n').slice(1).map((l) => l.split(','));
  const prefixes = rows.filter(([p]) => /^\d+$/.test(p)).sort((a, b) => b[0].length - a[0].length);
  const letters = rows.filter(([p]) => /^[A-T]$/.test(p));
  const whens = [
    ...prefixes.map(([p, t]) => `WHEN e.industry LIKE '${p}%' THEN ${t}`),
    ...letters.map(([p, t]) => `WHEN ic.section = '${p}' THEN ${t}`),
  ];
  return `CASE ${whens.join(' ')} ELSE NULL END`;
}

// Figures of the region whose codes start with `regionPrefix` for December 2024, over its 规上
// firms of 2024: `firms`, their count; `output`, 工业总产值 1-12月累计; `yoy`, its 累计同比 in
// percent (同口径: the same firms' 1-12月累计 of 2024 against 2023). The 2024 set is decided by
// each firm's 2023 revenue (or its 2024 revenue when it has no 2023 figures).
export function aboveScaleFigures(db, dataDir, regionPrefix) {
  const above = `
    WITH firm AS (
      SELECT e.id, ${thresholdCase(dataDir)} AS threshold FROM enterprise e
      LEFT JOIN industry_class ic ON ic.code = e.industry WHERE e.region LIKE '${regionPrefix}%'),
    rev AS (
      SELECT enterprise_id AS id,
        sum(CASE WHEN month BETWEEN 202301 AND 202312 THEN coalesce(main_revenue_cur, revenue_cur) END) AS r23,
        sum(CASE WHEN month BETWEEN 202401 AND 202412 THEN coalesce(main_revenue_cur, revenue_cur) END) AS r24
      FROM indicator_month GROUP BY enterprise_id),
    above AS (SELECT firm.id FROM firm JOIN rev USING (id) WHERE threshold IS NOT NULL AND coalesce(r23, r24) >= threshold)`;
  const firms = Number(sql(db, `${above} SELECT count(*) FROM above`));
  const output = Number(sql(db, `${above} SELECT coalesce(sum(output_cum), 0) FROM indicator_month WHERE month = 202412 AND enterprise_id IN (SELECT id FROM above)`));
  const [now, base] = sql(db, `${above}
    SELECT sum(a.output_cum), sum(b.output_cum) FROM indicator_month a JOIN indicator_month b
      ON b.enterprise_id = a.enterprise_id AND b.month = 202312
    WHERE a.month = 202412 AND a.enterprise_id IN (SELECT id FROM above) AND a.output_cum IS NOT NULL AND b.output_cum IS NOT NULL`)
    .split('|').map(Number);
  return { firms, output, yoy: (now / base - 1) * 100 };
}
