// End-to-end test of the skeleton: builds the demo database with the real CLI, serves it on a
// free port, and drives Debian's Chromium with playwright-core: log in, open 总览, switch
// region and language, and compare the figures on the page with figures this test computes
// itself from the database with the sqlite3 command-line tool. Screenshots go to OUT_DIR.
//
// Usage: node e2e/overview.e2e.mjs --qiangqu build/qiangqu --data-dir data --out build/test-output
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), [])
);
const qiangqu = path.resolve(args.qiangqu ?? '../build/qiangqu');
const dataDir = path.resolve(args['data-dir'] ?? '../data');
const outDir = path.resolve(args.out ?? '../build/test-output');
mkdirSync(outDir, { recursive: true });
// Without the built web app or Chromium this test cannot run: CTest reports it as skipped (77)
// unless QQ_REQUIRE_E2E=1 (scripts/test sets it), which makes it a failure.
const webDist = path.resolve(dataDir, '..', 'web', 'dist', 'index.html');
if (!existsSync(webDist) || !existsSync('/usr/bin/chromium')) {
  console.error(`e2e: missing ${existsSync(webDist) ? '/usr/bin/chromium' : webDist}`);
  process.exit(process.env.QQ_REQUIRE_E2E === '1' ? 1 : 77);
}

const work = mkdtempSync(path.join(tmpdir(), 'qq-e2e-'));
const db = path.join(work, 'demo.db');
let server;
let browser;
after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function sql(query) {
  return execFileSync('sqlite3', ['-readonly', db, query], { encoding: 'utf8' }).trim();
}

// The 规上 (四上) threshold of a firm as an SQL CASE, built from data/statistics/scale_thresholds.csv:
// the longest code prefix wins over the 门类 letter; industries without a category are never 规上.
function thresholdCase() {
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

// Figures of a region for December 2024 over its 规上 firms of 2024: the 2024 set is decided by
// each firm's 2023 revenue (or its 2024 revenue when it has no 2023 figures).
function expected(regionPrefix) {
  const above = `
    WITH firm AS (
      SELECT e.id, ${thresholdCase()} AS threshold FROM enterprise e
      LEFT JOIN industry_class ic ON ic.code = e.industry WHERE e.region LIKE '${regionPrefix}%'),
    rev AS (
      SELECT enterprise_id AS id,
        sum(CASE WHEN month BETWEEN 202301 AND 202312 THEN coalesce(main_revenue_cur, revenue_cur) END) AS r23,
        sum(CASE WHEN month BETWEEN 202401 AND 202412 THEN coalesce(main_revenue_cur, revenue_cur) END) AS r24
      FROM indicator_month GROUP BY enterprise_id),
    above AS (SELECT firm.id FROM firm JOIN rev USING (id) WHERE threshold IS NOT NULL AND coalesce(r23, r24) >= threshold)`;
  const firms = Number(sql(`${above} SELECT count(*) FROM above`));
  const output = Number(sql(`${above} SELECT coalesce(sum(output_cum), 0) FROM indicator_month WHERE month = 202412 AND enterprise_id IN (SELECT id FROM above)`));
  const [now, base] = sql(`${above}
    SELECT sum(a.output_cum), sum(b.output_cum) FROM indicator_month a JOIN indicator_month b
      ON b.enterprise_id = a.enterprise_id AND b.month = 202312
    WHERE a.month = 202412 AND a.enterprise_id IN (SELECT id FROM above) AND a.output_cum IS NOT NULL AND b.output_cum IS NOT NULL`)
    .split('|').map(Number);
  return { firms, output, yoy: (now / base - 1) * 100 };
}

async function readKpis(page) {
  const value = async (id) => Number(await page.getByTestId(id).getAttribute('data-value'));
  return { firms: await value('kpi-firms'), output: await value('kpi-output-ytd'), yoy: await value('kpi-output-ytd-yoy') };
}

async function chooseRegion(page, name, code) {
  await page.getByTestId('region-switcher').locator('.el-select').click();
  await page.locator('.el-select-dropdown__item', { hasText: name }).first().click();
  await page.waitForFunction((c) => document.querySelector('[data-testid=overview-region]')?.getAttribute('data-region') === c, code);
  await page.getByTestId('kpi-firms').waitFor();
}

test('log in, read 总览, switch region and language', async () => {
  const demo = JSON.parse(execFileSync(qiangqu, ['demo', '--db', db, '--data-dir', dataDir, '--json'], { encoding: 'utf8' }));
  const admin = demo.accounts.find((a) => a.username === 'admin');
  assert.ok(admin?.password, 'demo prints the admin password');

  const port = await freePort();
  server = spawn(qiangqu, ['serve', '--db', db, '--data-dir', dataDir, '--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('overview-page').waitFor();
  await page.getByTestId('kpi-firms').waitFor();
  assert.equal((await page.getByTestId('latest-month').textContent()).trim(), '2024-12');

  // The default region is the first region with a plan: 济南市 (370100), which holds 钢城 and 章丘.
  const jinan = expected('3701');
  const shownJinan = await readKpis(page);
  assert.equal(shownJinan.firms, jinan.firms, '规上企业数 of 济南市');
  assert.equal(shownJinan.output, jinan.output, '规上工业总产值 1-12月累计 of 济南市');
  assert.ok(Math.abs(shownJinan.yoy - jinan.yoy) < 0.006, `同比 ${shownJinan.yoy} vs ${jinan.yoy}`);

  // 周村区: its 规上 output grew 7.2% in 2024 (同口径).
  await chooseRegion(page, '周村区', '370306');
  const zhoucun = expected('370306');
  const shownZhoucun = await readKpis(page);
  assert.equal(shownZhoucun.firms, zhoucun.firms, '规上企业数 of 周村区');
  assert.equal(shownZhoucun.output, zhoucun.output, '规上工业总产值 of 周村区');
  assert.ok(Math.abs(shownZhoucun.yoy - zhoucun.yoy) < 0.006);
  assert.equal(Math.round(shownZhoucun.yoy * 10) / 10, 7.2);
  const stainless = page.locator('[data-testid=cluster-row][data-cluster="不锈钢"]');
  await stainless.waitFor();
  await page.screenshot({ path: path.join(outDir, 'e2e-overview-zh.png'), fullPage: true });

  // 钢城区, then English.
  await chooseRegion(page, '钢城区', '370117');
  const gangcheng = expected('370117');
  assert.equal((await readKpis(page)).output, gangcheng.output, '规上工业总产值 of 钢城区');
  await page.locator('[data-testid=cluster-row][data-cluster="精品钢"]').waitFor();
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('menu-overview').filter({ hasText: 'Overview' }).waitFor();
  assert.equal((await readKpis(page)).output, gangcheng.output, 'figures survive the language switch');
  await page.screenshot({ path: path.join(outDir, 'e2e-overview-en.png'), fullPage: true });
  console.log(`screenshots: ${path.join(outDir, 'e2e-overview-zh.png')} ${path.join(outDir, 'e2e-overview-en.png')}`);

  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
});
