// End-to-end test of the skeleton: builds the demo database with the real CLI, serves it on a
// free port, and drives Debian's Chromium with playwright-core: log in, open 总览, switch
// region and language, and compare the figures on the page with figures this test computes
// itself from the database with the sqlite3 command-line tool. Screenshots go to OUT_DIR.
//
// Usage: node e2e/overview.e2e.mjs --qiangqu build/qiangqu --data-dir data --out build/test-output
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildDemo, cleanUp, clickRegion, exitUnlessRunnable, launchChromium, login, makeWorkDir, openPage, parseArgs, startServer,
} from './harness.mjs';
import { aboveScaleFigures } from './scale-figures.mjs';

const { qiangqu, dataDir, outDir } = parseArgs();
exitUnlessRunnable(dataDir);
const db = path.join(makeWorkDir('qq-e2e-'), 'demo.db');
after(cleanUp);

// 规上企业数, 工业总产值 1-12月累计 and its 同比 of a region for December 2024, from the database.
const expected = (regionPrefix) => aboveScaleFigures(db, dataDir, regionPrefix);

async function readKpis(page) {
  const value = async (id) => Number(await page.getByTestId(id).getAttribute('data-value'));
  return { firms: await value('kpi-firms'), output: await value('kpi-output-ytd'), yoy: await value('kpi-output-ytd-yoy') };
}

async function chooseRegion(page, name, code) {
  await clickRegion(page, name);
  await page.waitForFunction((c) => document.querySelector('[data-testid=overview-region]')?.getAttribute('data-region') === c, code);
  await page.getByTestId('kpi-firms').waitFor();
}

test('log in, read 总览, switch region and language', async () => {
  const demo = buildDemo(qiangqu, db, dataDir);
  const admin = demo.accounts.find((a) => a.username === 'admin');
  assert.ok(admin?.password, 'demo prints the admin password');

  const base = await startServer(qiangqu, db, dataDir);
  const page = await openPage(await launchChromium());
  await login(page, base, 'admin', admin.password);
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
