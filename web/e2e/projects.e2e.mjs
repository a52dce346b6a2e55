// End-to-end test of 项目库, the project profile and 园区: builds the demo database with the real
// CLI, serves it on a free port and drives Debian's Chromium with playwright-core. It logs in as
// admin, opens 项目库 for 章丘区 and compares the summary cards and the paragraph with GET
// /projects/summary; walks the list, stage board, timeline and watch lists; opens the open round's
// filing status (counts as GET /rounds/{id}, the pre-filled sheet); opens a project that has not
// filed, first files a backwards stage change (refused: bad_transition, its reason shown) and then
// a valid record through the form, and checks through the API that the round now shows it filed
// and the summary changed; finally opens 园区 and checks the revitalisation sentence.
// Screenshots go to OUT_DIR.
//
// Usage: node e2e/projects.e2e.mjs --qiangqu build/qiangqu --data-dir data --out build/test-output
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, assertXlsx, buildDemo, cleanUp, clickRegion, download, exitUnlessRunnable, launchChromium, login, makeWorkDir,
  openPage, parseArgs, screenshots, startServer, withFailureShot,
} from './harness.mjs';

const { qiangqu, dataDir, outDir } = parseArgs();
exitUnlessRunnable(dataDir);

const ZHANGQIU = '370114';
const MAIN_STAGES = ['谋划', '签约', '开工', '在建', '试投产', '投产', '达产'];

const work = makeWorkDir('qq-e2e-projects-');
const db = path.join(work, 'demo.db');
after(cleanUp);
const shot = screenshots(outDir, 1200); // charts follow their container's size, animated

async function chooseRegion(page, name, code) {
  const current = await page.getByTestId('region-switcher').getAttribute('data-region');
  if (current !== code) await clickRegion(page, name);
  await page.waitForFunction((c) => document.querySelector('[data-testid=projects-page]')?.getAttribute('data-region') === c, code);
}

async function openTab(page, label) {
  await page.getByTestId('projects-tabs').locator('.el-tabs__item', { hasText: label }).first().click();
}

// Chooses an option of an Element Plus select (the element carrying the test id) by its label.
async function pick(page, select, label) {
  await select.click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
}

// A failing run leaves a picture of what the page showed.
test('项目库 for 章丘区: summary, round status, filing through the profile, 园区', () =>
  withFailureShot(() => currentPage, path.join(outDir, 'e2e-projects-failure.png'), run));

let currentPage;
async function run() {
  const demo = buildDemo(qiangqu, db, dataDir);
  const admin = demo.accounts.find((a) => a.username === 'admin');
  assert.ok(admin?.password, 'demo prints the admin password');

  const base = await startServer(qiangqu, db, dataDir);
  const page = await openPage(await launchChromium(), { acceptDownloads: true, timeout: 20_000 });
  currentPage = page;
  const browserErrors = [];
  page.on('pageerror', (e) => browserErrors.push(String(e)));
  await login(page, base, 'admin', admin.password);

  // ---- 项目库: the summary cards and the paragraph are GET /projects/summary's -------------
  await page.getByTestId('menu-projects').click();
  await page.getByTestId('projects-page').waitFor();
  await chooseRegion(page, '章丘区', ZHANGQIU);
  const summaryBox = page.getByTestId('projects-summary');
  await summaryBox.waitFor();
  const year = Number(await page.getByTestId('projects-page').getAttribute('data-year'));
  const asOf = await summaryBox.getAttribute('data-as-of');
  assert.equal(year, 2024, 'the demo library of 章丘区 is 2024');
  assert.equal(asOf, '2024-12', 'as of the latest round');
  const before = await api(page, `${base}/api/v1/projects/summary?region=${ZHANGQIU}&year=${year}&as_of=${asOf}`);
  assert.equal(before.count, 78, '章丘区 has 78 projects in 2024');
  for (const key of ['count', 'total_investment', 'annual_plan', 'completed_this_year', 'completion_rate', 'start_rate', 'production_rate']) {
    const shown = await summaryBox.locator(`[data-testid=summary-card][data-key=${key}]`).getAttribute('data-value');
    assert.equal(shown === '' ? null : Number(shown), before[key], `card ${key}`);
  }
  const totalText = (await summaryBox.locator('[data-testid=summary-card][data-key=total_investment] [data-testid=summary-value]').textContent()).trim();
  const yi = (Math.round(before.total_investment / 1e6) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  assert.equal(totalText, yi, '总投资 in 亿元 with two decimals');
  assert.ok(before.paragraph.length > 20, 'the summary has a paragraph');
  assert.equal((await page.getByTestId('projects-paragraph').textContent()).trim(), before.paragraph, 'the paragraph is shown as generated');
  assert.ok((await page.getByTestId('paragraph-fact').count()) >= Math.min(3, before.facts.length), 'its numbers are marked as facts');

  // The list: one row per project (paged), with filed / not-filed markers for the round.
  const list = await api(page, `${base}/api/v1/projects?region=${ZHANGQIU}&year=${year}`);
  assert.equal(Number(await page.getByTestId('projects-count').getAttribute('data-value')), list.items.length);
  await page.locator('[data-testid=projects-table] [data-testid=projects-row]').first().waitFor();
  assert.equal(list.items.filter((p) => !p.filed).length, before.not_filed.length, 'the list and the summary agree on who has not filed');
  const shownRows = await page.locator('[data-testid=projects-table] [data-testid=projects-row]').evaluateAll((els) =>
    els.map((e) => [Number(e.dataset.id), e.dataset.filed === 'true']));
  assert.ok(shownRows.length > 0);
  for (const [id, filedShown] of shownRows) assert.equal(filedShown, list.items.find((p) => p.id === id).filed, `filed marker of project ${id}`);
  await shot(page, 'e2e-projects-zh.png');
  const listCard = page.locator('.el-card', { has: page.getByTestId('projects-table') });
  assertXlsx(await download(page, listCard.getByTestId('export-xlsx').first()), 'project list export');

  await openTab(page, '阶段看板');
  await page.getByTestId('stage-board').waitFor();
  const boardCount = await page.getByTestId('board-card').count();
  assert.equal(boardCount, list.items.length, 'every project has a card on the board');
  await shot(page, 'e2e-projects-board-zh.png');

  await openTab(page, '节点计划');
  await page.getByTestId('timeline-chart').waitFor();
  await shot(page, 'e2e-projects-timeline-zh.png');

  await openTab(page, '预警清单');
  await page.getByTestId('watch-list').waitFor();
  assert.equal(Number(await page.getByTestId('watch-list').getAttribute('data-count')), before.lagging.length, 'lagging list');
  await page.locator('[data-testid=watch-kinds] [data-kind=not_filed]').click();
  await page.locator(`[data-testid=watch-list][data-kind=not_filed][data-count="${before.not_filed.length}"]`).waitFor();
  assert.ok(before.not_filed.length > 0, 'the open round has projects not filed');
  await shot(page, 'e2e-projects-watch-zh.png');

  // ---- the open round's filing status ---------------------------------------------------
  await openTab(page, '调度填报');
  const status = page.locator('[data-testid=round-status][data-period="2024-12"]');
  await status.waitFor();
  const roundId = Number(await status.getAttribute('data-round-id'));
  const round = await api(page, `${base}/api/v1/rounds/${roundId}`);
  assert.equal(round.round.status, 'open', '2024-12 is still open');
  assert.equal(await page.getByTestId('round-state').getAttribute('data-status'), 'open');
  const count = async (key) => Number(await page.locator(`[data-testid=round-count][data-key=${key}]`).getAttribute('data-value'));
  await page.locator('[data-testid=round-count][data-key=projects]').waitFor();
  assert.equal(await count('projects'), round.round.projects);
  assert.equal(await count('filed'), round.round.filed);
  assert.equal(await count('late'), round.round.late);
  const notFiled = round.items.filter((i) => !i.filed);
  assert.equal(await count('not_filed'), notFiled.length);
  assert.equal(notFiled.length, before.not_filed.length, 'the round and the summary agree on who has not filed');
  await page.locator('[data-testid=round-table][data-list=notFiled] [data-testid=round-row]').first().waitFor();
  assert.equal(await page.locator('[data-testid=round-table] [data-testid=round-row]').count(), notFiled.length);
  const template = await download(page, page.getByTestId('round-template'));
  assertXlsx(template, 'round template');
  assert.match(template.name, /^370114_2024-12_.*\.xlsx$/, `template file name ${template.name}`);
  const templateFile = path.join(work, template.name);
  writeFileSync(templateFile, template.bytes);
  await shot(page, 'e2e-projects-round-zh.png');

  // A project that has not filed and can go backwards (past 谋划 on the main line).
  const target = notFiled.find((i) => MAIN_STAGES.indexOf(i.project.stage) >= 1);
  assert.ok(target, 'a not-filed project past 谋划');
  const oldRow = list.items.find((p) => p.id === target.project.id);
  assert.equal(oldRow.filed, false);
  const stage = target.project.stage;
  const back = MAIN_STAGES[MAIN_STAGES.indexOf(stage) - 1];
  await page.locator(`[data-testid=round-row][data-id="${target.project.id}"] [data-testid=project-link]`).click();
  const profile = page.locator(`[data-testid=project-profile][data-id="${target.project.id}"]`);
  await profile.waitFor();
  await page.locator('[data-testid=record-form-card][data-enabled=true]').waitFor();

  // First a backwards move without 暂停: the server refuses and the page says why.
  await pick(page, page.getByTestId('record-stage'), back);
  await page.getByTestId('record-submit').click();
  const refusal = page.locator('[data-testid=record-error][data-code=bad_transition]');
  await refusal.waitFor();
  const why = (await page.getByTestId('record-error-message').textContent()).trim();
  assert.ok(why.length > 4, `the refusal says why: ${why}`);
  await shot(page, 'e2e-project-refused-zh.png');
  const stillOpen = await api(page, `${base}/api/v1/rounds/${roundId}`);
  assert.equal(stillOpen.items.find((i) => i.project.id === target.project.id).filed, false, 'a refused filing writes nothing');

  // Then a valid record: same stage, 本期完成 1,000 万元, which the form adds to the yearly and total
  // figures of the project's last record.
  const last = (await api(page, `${base}/api/v1/projects/${target.project.id}`)).records.at(-1);
  const lastThisYear = last.round.startsWith(String(year)) ? last.completed_this_year ?? 0 : 0;
  const newThisYear = lastThisYear + 10_000_000;
  const newTotal = (last.completed_total ?? 0) + 10_000_000;
  await pick(page, page.getByTestId('record-stage'), stage);
  await page.getByTestId('record-period').locator('input').fill('1000');
  await page.getByTestId('record-period').locator('input').blur();
  await page.waitForFunction((v) => document.querySelector('[data-testid=record-this-year] input')?.value === v, (newThisYear / 10_000).toFixed(2));
  assert.equal(await page.getByTestId('record-total').locator('input').inputValue(), (newTotal / 10_000).toFixed(2), '累计完成 follows 本期');
  await page.getByTestId('record-progress').locator('input').fill('66');
  await page.getByTestId('record-workers').locator('input').fill('45');
  await page.getByTestId('record-problems').fill('e2e：用电增容待协调');
  await page.getByTestId('record-submit').click();
  await page.locator('[data-testid=record-row][data-round="2024-12"]').first().waitFor();
  assert.equal(await page.locator('[data-testid=record-error]').count(), 0, 'no error after a valid filing');
  await shot(page, 'e2e-project-profile-zh.png');

  const filed = await api(page, `${base}/api/v1/rounds/${roundId}`);
  const item = filed.items.find((i) => i.project.id === target.project.id);
  assert.equal(item.filed, true, 'the round now shows the project filed');
  assert.equal(item.record.completed_this_year, newThisYear, 'money went out as integer 元');
  assert.equal(item.record.completed_period, 10_000_000);
  assert.equal(item.record.completed_total, newTotal);
  assert.equal(item.record.progress_pct, 66);
  assert.equal(item.record.workers, 45);
  assert.equal(item.record.source, 'page');
  assert.equal(filed.round.filed, round.round.filed + 1);
  const after = await api(page, `${base}/api/v1/projects/summary?region=${ZHANGQIU}&year=${year}&as_of=${asOf}`);
  assert.equal(after.not_filed.length, before.not_filed.length - 1, 'one project fewer not filed');
  assert.ok(!after.not_filed.some((p) => p.id === target.project.id));
  assert.equal(after.completed_this_year, before.completed_this_year - oldRow.completed_this_year + newThisYear, '本年累计完成投资 moved by the filing');
  assert.notEqual(after.paragraph, '', 'the paragraph is still there');

  // Back in 项目库 the card shows the new figure.
  await page.getByTestId('menu-projects').click();
  await page.locator(`[data-testid=summary-card][data-key=completed_this_year][data-value="${after.completed_this_year}"]`).waitFor();

  // The pre-filled sheet sent back as it is files every project's record for the round: the page
  // shows the import report and the round is complete.
  await openTab(page, '调度填报');
  await page.locator('[data-testid=round-status][data-period="2024-12"]').waitFor();
  await page.getByTestId('round-file-input').setInputFiles(templateFile);
  await page.getByTestId('round-upload-submit').click();
  await page.locator('[data-testid=import-result][data-applied=true]').waitFor();
  assert.match(await page.getByTestId('import-banner').textContent(), /已导入 #\d+/);
  assert.equal(Number(await page.getByTestId('import-summary-rows').locator('.num').textContent()), round.round.projects);
  await page.locator('[data-testid=round-count][data-key=not_filed][data-value="0"]').waitFor();
  const imported = await api(page, `${base}/api/v1/rounds/${roundId}`);
  assert.equal(imported.round.filed, imported.round.projects, 'every project filed after the import');
  assert.ok(imported.items.some((i) => i.record?.source === 'import'), 'records from the import');
  await shot(page, 'e2e-projects-import-zh.png');

  // ---- 园区: parks, parcels and the revitalisation sentence -------------------------------
  await page.getByTestId('menu-parks').click();
  await page.locator(`[data-testid=parks-page][data-region="${ZHANGQIU}"][data-loaded=true]`).waitFor();
  const parks = await api(page, `${base}/api/v1/parks?region=${ZHANGQIU}`);
  assert.ok(parks.parks.length > 0, '章丘区 has parks');
  assert.equal(await page.getByTestId('park-card').count(), parks.parks.length);
  const parcels = parks.parks.reduce((n, p) => n + p.parcels.length, 0);
  assert.equal(await page.getByTestId('parcel-row').count(), parcels);
  assert.ok(parks.land?.sentence, 'the API has a revitalisation sentence');
  assert.match(parks.land.sentence, /盘活闲置低效用地[\d.]+公顷/);
  assert.equal((await page.locator('[data-testid=land-sentence] .sentence__text').textContent()).trim(), parks.land.sentence);
  const parcelCard = page.locator('.el-card', { has: page.getByTestId('parcels-table') });
  assertXlsx(await download(page, parcelCard.getByTestId('export-xlsx')), 'parcels export');
  await shot(page, 'e2e-parks-zh.png');

  assert.deepEqual(browserErrors, [], 'no uncaught errors in the page');
  await page.getByTestId('logout').click();
  await page.getByTestId('login-submit').waitFor();
}
