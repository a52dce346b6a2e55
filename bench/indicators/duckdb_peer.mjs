// DuckDB peer of bench/indicators: loads the same indicators.csv (read_csv) and the firm
// dimension qq_indicators_bench exported, runs the same queries (docs/benchmarks.md,
// "Monthly indicators"), prints JSON with the median time and the answer checksum of each.
// Run from bench/ (ESM resolution): node indicators/duckdb_peer.mjs OUT_DIR CSV [REPS]
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { canonical, fnv1a64 } from './checksum.mjs';

const [outDir, csvPath, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 11);
const params = JSON.parse(readFileSync(`${outDir}/params.json`, 'utf8'));
const L = params.latest_index;

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const version = (await (await instance.connect()).runAndReadAll('SELECT version()')).getRows()[0][0];
const con = await instance.connect();
const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };  // all threads, ms
const rows = async (sql) => (await con.runAndReadAll(sql)).getRows();

const money = "DECIMAL(18,4)";
const columns = `{'uscc': 'VARCHAR', 'month': 'VARCHAR', 'output_cur': '${money}', 'output_cum': '${money}',
  'revenue_cur': '${money}', 'revenue_cum': '${money}', 'profit_cur': '${money}', 'profit_cum': '${money}',
  'employees': 'BIGINT', 'rnd_cur': '${money}', 'energy_cur': '${money}'}`;
const readCsv = `read_csv('${csvPath}', header = true, delim = ',', quote = '"', columns = ${columns})`;

const load = {};
let t = now();
await con.run(`CREATE TABLE firms AS SELECT * FROM read_csv('${outDir}/firms_dim.csv', header = true,
  columns = {'firm': 'INTEGER', 'uscc': 'VARCHAR', 'county': 'VARCHAR', 'industry': 'VARCHAR', 'threshold': 'BIGINT'})`);
await con.run(`CREATE TABLE links AS SELECT * FROM read_csv('${outDir}/links.csv', header = true,
  columns = {'firm': 'INTEGER', 'link': 'INTEGER'})`);
load.dimension_ms = now() - t;
// (1) read_csv as it is: the file into a table.
t = now();
let c = cpu();
await con.run(`CREATE TABLE raw AS SELECT * FROM ${readCsv}`);
load.read_csv_ms = now() - t;
load.read_csv_cpu_ms = cpu() - c;
await con.run('DROP TABLE raw');
// (2) what the queries use, in one statement from the file: firm numbers, month index,
// integer 元 (千克 for energy), in (month, firm) order.
t = now();
c = cpu();
const yuan = (c) => `CAST(r.${c} * 10000 AS BIGINT) AS ${c}`;
await con.run(`CREATE TABLE ind AS SELECT f.firm,
    CAST(substr(r.month, 1, 4) AS INTEGER) * 12 + CAST(substr(r.month, 6, 2) AS INTEGER) - 1 AS m,
    ${yuan('output_cur')}, ${yuan('output_cum')}, ${yuan('revenue_cur')}, ${yuan('revenue_cum')},
    ${yuan('profit_cur')}, ${yuan('profit_cum')}, r.employees, ${yuan('rnd_cur')},
    CAST(r.energy_cur * 1000 AS BIGINT) AS energy_cur
  FROM ${readCsv} r JOIN firms f ON f.uscc = r.uscc
  ORDER BY m, firm`);
load.table_ms = now() - t;
load.table_cpu_ms = cpu() - c;
const count = Number((await rows('SELECT count(*) FROM ind'))[0][0]);

const queries = {
  b1: `SELECT f.county, i.m, SUM(i.output_cur) AS s FROM ind i JOIN firms f ON f.firm = i.firm GROUP BY f.county, i.m`,
  b2: `SELECT l.link, SUM(a.revenue_cur) AS now_all,
         SUM(CASE WHEN b.revenue_cur IS NOT NULL THEN a.revenue_cur END) AS yoy_now,
         SUM(CASE WHEN a.revenue_cur IS NOT NULL THEN b.revenue_cur END) AS yoy_base
       FROM ind a JOIN links l ON l.firm = a.firm
       LEFT JOIN ind b ON b.firm = a.firm AND b.m = ${L - 12}
       WHERE a.m = ${L} GROUP BY l.link`,
  b3: `WITH c AS (SELECT firm FROM firms WHERE county = '${params.region}'),
       n AS (SELECT a.firm, COALESCE(a.revenue_cum, a.revenue_cur) AS v FROM ind a JOIN c ON c.firm = a.firm WHERE a.m = ${L}),
       b AS (SELECT a.firm, COALESCE(a.revenue_cum, a.revenue_cur) AS v FROM ind a JOIN c ON c.firm = a.firm WHERE a.m = ${L - 12})
       SELECT n.firm, n.v, b.v FROM n JOIN b ON b.firm = n.firm
       WHERE n.v IS NOT NULL AND b.v > 0
       ORDER BY (CAST(n.v AS DOUBLE) / CAST(b.v AS DOUBLE) - 1.0) * 100.0 DESC, n.firm ASC LIMIT ${params.top_n}`,
  b4: `WITH w AS (SELECT firm, SUM(CASE WHEN m >= ${L - 11} THEN revenue_cur END) AS now,
                         SUM(CASE WHEN m <= ${L - 1} THEN revenue_cur END) AS prev
                  FROM ind WHERE m BETWEEN ${L - 12} AND ${L} GROUP BY firm)
       SELECT w.firm, w.now FROM w JOIN firms f ON f.firm = w.firm
       WHERE f.threshold > 0 AND w.now >= f.threshold AND w.prev < f.threshold`,
  c: `SELECT COALESCE(SUM(i.output_cur), 0), COUNT(i.output_cur) FROM ind i JOIN firms f ON f.firm = i.firm
      WHERE i.m = ${L} AND f.industry LIKE '${params.prefix}%' AND i.revenue_cur >= ${params.floor_yuan}`,
};

const result = { peer: 'duckdb', version, rows: count, reps, load, queries: {} };
for (const [key, sql] of Object.entries(queries)) {
  let answer = await rows(sql);  // warm
  const times = [];
  for (let k = 0; k < reps; ++k) {
    const a = now();
    answer = await rows(sql);
    times.push(now() - a);
  }
  times.sort((x, y) => x - y);
  const lines = canonical(key, answer.map((r) => r.map((v) => (v === null ? null : String(v)))), params);
  result.queries[key] = { ms: times[Math.floor(times.length / 2)], reps, rows: lines.length, checksum: fnv1a64(lines) };
  process.stderr.write(`duckdb ${key} ${result.queries[key].ms.toFixed(3)} ms rows ${lines.length} ${result.queries[key].checksum}\n`);
}
writeFileSync(`${outDir}/duckdb.json`, JSON.stringify(result, null, 2));
