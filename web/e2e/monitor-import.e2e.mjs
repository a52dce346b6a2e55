// End-to-end test of 运行监测, the firm profile and 数据导入: builds the demo database with the real
// CLI, serves it on a free port and drives Debian's Chromium with playwright-core. It logs in as
// admin, opens 运行监测 for 周村区 and compares the December 2024 规上 工业总产值 (1-12月累计 and
// 累计同比) with figures it computes itself from the database with the sqlite3 command-line tool;
// opens firm profiles from a breakdown row and a watch-list row; exports a table and checks the
// xlsx; then uploads a bad monthly report (refused, with the bad check digit on A4) and a good
// one (applied). Screenshots go to OUT_DIR.
//
// Usage: node e2e/monitor-import.e2e.mjs --qiangqu build/qiangqu --data-dir data --out build/test-output
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), [])
);
const qiangqu = path.resolve(args.qiangqu ?? '../build/qiangqu');
const dataDir = path.resolve(args['data-dir'] ?? '../data');
const outDir = path.resolve(args.out ?? '../build/test-output');
mkdirSync(outDir, { recursive: true });
const fixtures = path.resolve(dataDir, '..', 'tests', 'fixtures', 'import');
// Without the built web app or Chromium this test cannot run: CTest reports it as skipped (77)
// unless QQ_REQUIRE_E2E=1 (scripts/test sets it), which makes it a failure.
const webDist = path.resolve(dataDir, '..', 'web', 'dist', 'index.html');
if (!existsSync(webDist) || !existsSync('/usr/bin/chromium')) {
  console.error(`e2e: missing ${existsSync(webDist) ? '/usr/bin/chromium' : webDist}`);
  process.exit(process.env.QQ_REQUIRE_E2E === '1' ? 1 : 77);
}

const work = mkdtempSync(path.join(tmpdir(), 'qq-e2e-monitor-'));
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

// 规上 工业总产值 of a region for December 2024, 1-12月累计 and its 累计同比 (同口径): the 2024 set is
// decided by each firm's 2023 revenue (or its 2024 revenue when it has no 2023 figures), and the
// growth compares the same firms' 1-12月累计 of 2024 and 2023.
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
  const output = Number(sql(`${above} SELECT coalesce(sum(output_cum), 0) FROM indicator_month WHERE month = 202412 AND enterprise_id IN (SELECT id FROM above)`));
  const [now, base] = sql(`${above}
    SELECT sum(a.output_cum), sum(b.output_cum) FROM indicator_month a JOIN indicator_month b
      ON b.enterprise_id = a.enterprise_id AND b.month = 202312
    WHERE a.month = 202412 AND a.enterprise_id IN (SELECT id FROM above) AND a.output_cum IS NOT NULL AND b.output_cum IS NOT NULL`)
    .split('|').map(Number);
  return { output, yoy: (now / base - 1) * 100 };
}

// A screenshot of the whole page: the layout scrolls inside <main>, so the viewport grows to fit.
async function shot(page, name) {
  const height = await page.evaluate(() => document.querySelector('.base-layout__main')?.scrollHeight ?? 1000);
  await page.setViewportSize({ width: 1440, height: Math.max(1000, height + 70) });
  await page.waitForTimeout(400); // charts follow their container's size
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });
  console.log(`screenshot: ${file}`);
}

// Clicks `button`, waits for the browser's download and returns its name and bytes.
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

function assertXlsx({ name, bytes }, what) {
  assert.match(name, /\.xlsx$/, `${what}: file name ${name}`);
  assert.ok(bytes.length > 200, `${what}: ${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${what} is a zip (xlsx)`);
}

async function chooseRegion(page, name, code) {
  await page.getByTestId('region-switcher').locator('.el-select').click();
  await page.locator('.el-select-dropdown__item', { hasText: name }).first().click();
  await page.waitForFunction((c) => document.querySelector('[data-testid=monitor-page]')?.getAttribute('data-region') === c, code);
}

test('运行监测 for 周村区, firm profiles, export, 数据导入', async () => {
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('overview-page').waitFor();

  // 运行监测 sits right after 总览 in the menu.
  const menu = await page.getByTestId('menu').locator('[data-testid^=menu-]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(menu.slice(0, 2), ['menu-overview', 'menu-monitor']);
  assert.equal(menu[menu.indexOf('menu-enterprises') + 1], 'menu-imports', '数据导入 follows 企业库');
  await page.getByTestId('menu-monitor').click();
  await page.getByTestId('monitor-page').waitFor();
  await chooseRegion(page, '周村区', '370306');

  // 规上, 工业总产值 (the defaults, chosen explicitly), December 2024.
  await page.locator('[data-testid=monitor-scope] [data-scope="规上"]').click();
  await page.locator('[data-testid=monitor-monthly-table][data-scope="规上"][data-indicator="工业总产值"]').waitFor();
  const december = page.locator('[data-testid=monitor-monthly-row][data-month="2024-12"]');
  await december.waitFor();
  const zhoucun = expected('370306');
  const shownCum = Number(await december.getByTestId('monthly-cumulative').getAttribute('data-value'));
  assert.equal(shownCum, zhoucun.output, '规上工业总产值 1-12月累计 of 周村区');
  const yoyCell = december.getByTestId('monthly-yoy-cum');
  const shownYoy = Number(await yoyCell.getAttribute('data-value'));
  assert.ok(Math.abs(shownYoy - zhoucun.yoy) < 0.006, `累计同比 ${shownYoy} vs ${zhoucun.yoy} from the database`);
  const rounded = Math.round(zhoucun.yoy * 10) / 10;
  assert.equal((await yoyCell.textContent()).trim(), `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%`);
  assert.equal(rounded, 7.2, '周村区 规上工业总产值 grew 7.2% in 2024');
  // 1-2月合并: January disappears into a row marked 1-2月.
  await page.getByTestId('monitor-combine').click();
  await page.locator('[data-testid=monitor-monthly-row][data-month="2024-02"][data-combined="true"]').waitFor();
  assert.equal(await page.locator('[data-testid=monitor-monthly-row][data-month="2024-01"]').count(), 0);
  await page.getByTestId('monitor-combine').click();
  await page.locator('[data-testid=monitor-monthly-row][data-month="2024-01"]').waitFor();

  // The monthly table as xlsx, through POST /export.xlsx.
  const monthlyCard = page.locator('.el-card', { has: page.getByTestId('monitor-monthly-table') });
  assertXlsx(await download(page, monthlyCard.getByTestId('export-xlsx')), 'monthly export');

  // Breakdown by cluster: 不锈钢; its row drills down to the cluster's top firms.
  await page.locator('[data-testid=breakdown-table][data-by=cluster]').waitFor();
  const stainless = page.locator('[data-testid=breakdown-row][data-key="不锈钢"]');
  await stainless.waitFor();
  const share = Number(await stainless.getByTestId('breakdown-share').getAttribute('data-value'));
  assert.ok(share > 0 && share <= 100, `不锈钢 占比 ${share}`);
  await page.getByTestId('watch-tabs').waitFor();
  await page.locator('[data-testid=watch-table]').first().waitFor();
  await shot(page, 'e2e-monitor-zh.png');

  await stainless.click();
  const drillFirm = page.locator('[data-testid=breakdown-drill][data-kind=cluster] [data-testid=drill-row] [data-testid=firm-link]').first();
  await drillFirm.waitFor();
  const drillUscc = await drillFirm.getAttribute('data-uscc');
  await drillFirm.click();
  await page.locator(`[data-testid=profile-page][data-uscc="${drillUscc}"]`).waitFor();
  const rank = page.getByTestId('profile-rank');
  await rank.waitFor();
  assert.match((await rank.textContent()).trim(), /^第\d+名 \/ 共\d+家$/);
  assert.ok(Number(await rank.getAttribute('data-rank')) >= 1);
  await page.locator('[data-testid=profile-month-row][data-month="2024-12"]').waitFor();
  await shot(page, 'e2e-profile-zh.png');
  const profileCard = page.locator('.el-card', { has: page.getByTestId('profile-months-table') });
  assertXlsx(await download(page, profileCard.getByTestId('export-xlsx')), 'profile months export');

  // Back to 运行监测: a watch-list row opens its firm too.
  await page.goBack();
  await page.getByTestId('monitor-page').waitFor();
  await page.getByTestId('watch-tab-movers_up').click();
  const watchFirm = page.locator('[data-testid=watch-table][data-list=movers_up] [data-testid=watch-row] [data-testid=firm-link]').first();
  await watchFirm.waitFor();
  const watchUscc = await watchFirm.getAttribute('data-uscc');
  await watchFirm.click();
  await page.locator(`[data-testid=profile-page][data-uscc="${watchUscc}"]`).waitFor();
  await page.getByTestId('profile-rank').waitFor();
  await page.goBack();
  await page.getByTestId('monitor-page').waitFor();

  // By town: a town row switches the region to the town (towns are regions).
  await page.getByTestId('breakdown-tabs').getByText('按乡镇街道').click();
  await page.locator('[data-testid=breakdown-table][data-by=town]').waitFor();
  const townRows = page.locator('[data-testid=breakdown-row]');
  const towns = await townRows.count();
  if (towns > 0) {
    const town = townRows.first();
    const code = await town.getAttribute('data-key');
    await town.click();
    await page.waitForFunction((c) => document.querySelector('[data-testid=region-switcher]')?.getAttribute('data-region') === c, code);
    await page.getByTestId('drill-back').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=region-switcher]')?.getAttribute('data-region') === '370306');
  } else {
    // The server answers by=town with no groups while its snapshot carries no towns; say so.
    console.log('note: GET /monitor/breakdown?by=town returned no groups; the town drill-down was not exercised');
  }

  // 数据导入 follows 企业库 in the menu; admin may import.
  await page.getByTestId('menu-imports').click();
  await page.getByTestId('imports-page').waitFor();
  assert.equal(await page.getByTestId('import-permission-note').count(), 0, 'admin may import');
  assertXlsx(await download(page, page.getByTestId('template-download-indicators')), 'blank 规上企业月报 template');

  await page.locator('[data-testid=import-kind] [data-kind=indicators]').click();
  await page.getByTestId('import-file-input').setInputFiles(path.join(fixtures, 'bad_indicators.xlsx'));
  await page.getByTestId('import-submit').click();
  const refused = page.locator('[data-testid=import-result][data-applied="false"]');
  await refused.waitFor();
  assert.match(await page.getByTestId('import-banner').textContent(), /已拒绝，未写入任何数据/);
  const checksum = page.locator('[data-testid=import-errors-table] [data-testid=import-error-row][data-kind="bad_uscc_checksum"][data-cell="A4"]');
  await checksum.waitFor();
  assert.equal((await checksum.getByTestId('import-error-kind').textContent()).trim(), '信用代码校验位错误');
  assert.equal(Number(sql('SELECT count(*) FROM import_log')), 0, 'a refused import writes nothing');
  assertXlsx(await download(page, page.getByTestId('import-report-download')), 'import report');
  await shot(page, 'e2e-import-refused-zh.png');

  await page.getByTestId('import-file-input').setInputFiles(path.join(fixtures, 'good_2024q1.xlsx'));
  await page.getByTestId('import-submit').click();
  await page.locator('[data-testid=import-result][data-applied="true"]').waitFor();
  const importId = sql('SELECT max(id) FROM import_log');
  assert.match(await page.getByTestId('import-banner').textContent(), new RegExp(`已导入 #${importId}`));
  await page.locator('[data-testid=import-history-table] .el-table__row', { hasText: 'good_2024q1.xlsx' }).waitFor();
  await shot(page, 'e2e-import-applied-zh.png');

  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
});
