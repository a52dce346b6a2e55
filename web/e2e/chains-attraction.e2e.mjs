// End-to-end test of 产业链 and 招商: builds the demo database with the real CLI, (re-)tags its
// registry (`qiangqu tag --db`), serves it on a free port and drives Debian's Chromium with playwright-core.
// As 章丘区链长 (chain chief of 370114) it opens 产业链, picks 装配式建筑, checks that the map shows
// every link with the state the API gives, opens a link's firms with their evidence, rejects one
// firm's tag and checks the API reflects it; then opens 招商 for the weak link, adds the best
// candidate as a lead and moves it 线索 → 接洽 → 考察 (dragged) → 洽谈 → 签约, and checks through the
// API that the lead has a project and the project library holds it. Last, a read-only user sees
// the decisions disabled with a note. Screenshots go to OUT_DIR.
//
// Usage: node e2e/chains-attraction.e2e.mjs --qiangqu build/qiangqu --data-dir data --out build/test-output
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  api, buildDemo, cleanUp, exitUnlessRunnable, launchChromium, login, makeWorkDir, openPage, parseArgs, screenshots,
  startServer, withFailureShot,
} from './harness.mjs';

const { qiangqu, dataDir, outDir } = parseArgs();
exitUnlessRunnable(dataDir);
const db = path.join(makeWorkDir('qq-e2e-chains-'), 'demo.db');
after(cleanUp);
const shot = screenshots(outDir, 500); // the chain map follows its container's size

// Picks an option of an Element Plus select by its exact text.
async function choose(page, select, text) {
  await select.click();
  const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: new RegExp(`^\\s*${text}`) }).first();
  await option.click();
}

// Moves a lead card to `stage` through its "移至" select and the confirm dialog.
async function moveBySelect(page, leadId, stage) {
  const card = page.locator(`[data-testid=lead-card][data-lead="${leadId}"]`);
  await choose(page, card.getByTestId('lead-move'), stage);
  await page.locator(`[data-testid=move-dialog][data-to="${stage}"]`).waitFor();
  await page.getByTestId('move-note').fill(`e2e → ${stage}`);
  await page.getByTestId('move-confirm').click();
  await page.locator(`[data-testid=lead-column][data-stage="${stage}"] [data-testid=lead-card][data-lead="${leadId}"]`).waitFor();
}

test('产业链 map, a rejected tag, 招商 candidates and a lead moved to 签约', async () => {
  const demo = buildDemo(qiangqu, db, dataDir);
  const chief = demo.accounts.find((a) => a.username === 'zhangqiu');
  const viewer = demo.accounts.find((a) => a.username === 'jinan');
  assert.ok(chief?.password && viewer?.password, 'demo prints the 章丘 chain chief and the 济南 read-only logins');
  const tagged = JSON.parse(execFileSync(qiangqu, ['tag', '--db', db, '--data-dir', dataDir, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  assert.ok(tagged.tagged > 0, 'the registry is tagged');

  const base = await startServer(qiangqu, db, dataDir);
  const page = await openPage(await launchChromium(), { timeout: 20_000 });
  // A failing run leaves a picture of where it stopped.
  await withFailureShot(() => page, path.join(outDir, 'e2e-chains-attraction-failure.png'), async () => {
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await login(page, base, 'zhangqiu', chief.password);
    assert.equal(await page.getByTestId('region-switcher').getAttribute('data-region'), '370114');

    // 产业链: pick 装配式建筑 and compare the map with the API.
    await page.getByTestId('menu-chains').click();
    await page.getByTestId('chains-page').waitFor();
    const chains = (await api(page, `${base}/api/v1/chains`)).chains;
    const prefab = chains.find((c) => c.name === '装配式建筑');
    await choose(page, page.getByTestId('chain-select'), '装配式建筑');
    await page.locator(`[data-testid=chains-page][data-chain="${prefab.id}"]`).waitFor();
    const analysis = await api(page, `${base}/api/v1/chains/${prefab.id}/analysis?region=370114`);
    assert.equal(analysis.links_from, 'tags');
    await page.locator('[data-testid=chain-node]').nth(analysis.links.length - 1).waitFor();
    const shown = await page.locator('[data-testid=chain-node]').evaluateAll((els) =>
      els.map((e) => [Number(e.dataset.link), e.dataset.state, Number(e.dataset.firms)]).sort((a, b) => a[0] - b[0]));
    assert.deepEqual(shown, analysis.links.map((l) => [l.id, l.state, l.firms]).sort((a, b) => a[0] - b[0]), 'every link with the state the API gives');
    const states = new Set(analysis.links.map((l) => l.state));
    for (const s of ['strong', 'normal', 'weak', 'context']) assert.ok(states.has(s), `装配式建筑 in 章丘区 has a ${s} link`);
    assert.equal(await page.getByTestId('chain-legend').locator('[data-state]').count(), 5);
    assert.equal(Number(await page.getByTestId('chain-completeness').getAttribute('data-value')), analysis.completeness);
    assert.equal(Number(await page.getByTestId('chain-coverage').getAttribute('data-value')), analysis.coverage);
    assert.equal(await page.getByTestId('chain-strength-basis').getAttribute('data-basis'), analysis.strength_basis);
    assert.equal(await page.locator('[data-testid=leader-row]').count(), analysis.leaders.length);
    const weak = analysis.links.find((l) => l.state === 'weak');
    const gap = page.locator(`[data-testid=gap-row][data-link="${weak.id}"]`);
    assert.equal(await gap.getAttribute('data-action'), 'strengthen');
    assert.equal((await gap.getByTestId('gap-action').textContent()).trim(), '强链');
    await shot(page, 'e2e-chains-zh.png');

    // A strong link's firms with their evidence; reject the first firm's tag.
    const strong = analysis.links.find((l) => l.state === 'strong');
    await page.locator(`[data-testid=chain-node][data-link="${strong.id}"]`).click();
    const drawer = page.locator(`[data-testid=link-drawer][data-link="${strong.id}"]`);
    await drawer.waitFor();
    const firms = (await api(page, `${base}/api/v1/links/${strong.id}/firms?region=370114`)).firms;
    const rows = drawer.locator('[data-testid=link-firm-row]');
    await rows.nth(firms.length - 1).waitFor();
    assert.equal(await rows.count(), firms.length);
    const target = firms.find((f) => f.status === 'auto');
    const row = drawer.locator(`[data-testid=link-firm-row][data-uscc="${target.uscc}"]`);
    const evidence = await row.locator('[data-testid=firm-evidence] .evidence').evaluateAll((els) =>
      els.map((e) => ({ rule: e.dataset.rule, term: e.dataset.term, field: e.dataset.field })));
    assert.ok(evidence.length > 0 && evidence.every((e) => e.rule && e.term && e.field), `evidence split into rule/term/field: ${JSON.stringify(evidence)}`);
    assert.deepEqual(evidence.map((e) => `${e.rule}“${e.term}”(${e.field})`), target.evidence);
    assert.equal(await drawer.getByTestId('decide-note').count(), 0, 'a chain chief may decide');
    await shot(page, 'e2e-chains-drawer-zh.png');
    await drawer.getByTestId('decision-note').fill('e2e: 经营范围不符');
    await row.getByTestId('tag-reject').click();
    await drawer.locator(`[data-testid=link-firm-row][data-uscc="${target.uscc}"][data-status="rejected"]`).waitFor();
    const tags = (await api(page, `${base}/api/v1/enterprises/${target.uscc}/tags`)).tags;
    const decided = tags.find((x) => x.link === strong.key);
    assert.equal(decided?.status, 'rejected', 'the API reflects the rejection');
    const reanalysed = await api(page, `${base}/api/v1/chains/${prefab.id}/analysis?region=370114`);
    assert.equal(reanalysed.links.find((l) => l.id === strong.id).firms, strong.firms - 1, 'the rejected firm leaves the link');
    await page.locator(`[data-testid=chain-node][data-link="${strong.id}"][data-firms="${strong.firms - 1}"]`).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // 招商 for the weak link.
    await gap.getByTestId('gap-attract').click();
    await page.getByTestId('attraction-page').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('link'), String(weak.id));
    const attraction = await api(page, `${base}/api/v1/attraction?region=370114&chain=${encodeURIComponent('装配式建筑')}`);
    const forWeak = attraction.links.find((x) => x.link.id === weak.id);
    assert.ok(forWeak.candidates.length > 0, 'the weak link has candidates');
    const panel = page.locator(`[data-testid=candidate-panel][data-link="${weak.id}"]`);
    await panel.waitFor();
    const candidateRows = panel.locator('[data-testid=candidate-row]');
    await candidateRows.nth(forWeak.candidates.length - 1).waitFor();
    assert.equal(await candidateRows.count(), forWeak.candidates.length);
    const best = forWeak.candidates[0];
    const bestRow = panel.locator(`[data-testid=candidate-row][data-uscc="${best.uscc}"]`);
    assert.equal(Number(await bestRow.getAttribute('data-score')), best.score);
    for (const key of ['match', 'scale', 'growth', 'density']) {
      assert.equal(Number(await bestRow.locator(`[data-component=${key}]`).getAttribute('data-value')), best.components[key], key);
    }
    assert.equal(Number(await panel.getByTestId('link-relatedness').getAttribute('data-density')), best.components.density);

    await bestRow.getByTestId('candidate-add').click();
    await page.getByTestId('add-lead-form').waitFor();
    await page.getByTestId('add-lead-investment').fill('50000');
    await page.getByTestId('add-lead-submit').click();
    const card = page.locator(`[data-testid=lead-column][data-stage="线索"] [data-testid=lead-card][data-firm="${best.name}"]`);
    await card.waitFor();
    const leadId = Number(await card.getAttribute('data-lead'));
    await bestRow.getByTestId('candidate-lead').waitFor();
    let leads = (await api(page, `${base}/api/v1/leads?region=370114&chain=${encodeURIComponent('装配式建筑')}`)).leads;
    let lead = leads.find((l) => l.id === leadId);
    assert.deepEqual([lead.stage, lead.link_id, lead.expected_investment, lead.region], ['线索', weak.id, 500_000_000, '370114']);

    // 线索 → 接洽 (select) → 考察 (dragged) → 洽谈 → 签约.
    await moveBySelect(page, leadId, '接洽');
    await page.locator(`[data-testid=lead-card][data-lead="${leadId}"]`).dragTo(page.locator('[data-testid=lead-column][data-stage="考察"]'));
    await page.locator('[data-testid=move-dialog][data-to="考察"]').waitFor();
    await page.getByTestId('move-confirm').click();
    await page.locator(`[data-testid=lead-column][data-stage="考察"] [data-testid=lead-card][data-lead="${leadId}"]`).waitFor();
    await moveBySelect(page, leadId, '洽谈');
    await moveBySelect(page, leadId, '签约');
    const banner = page.getByTestId('signed-project');
    await banner.waitFor();
    const projectId = Number(await banner.getAttribute('data-project'));
    leads = (await api(page, `${base}/api/v1/leads?region=370114&chain=${encodeURIComponent('装配式建筑')}`)).leads;
    lead = leads.find((l) => l.id === leadId);
    assert.equal(lead.stage, '签约');
    assert.equal(lead.project_id, projectId, 'the lead links to its project');
    // GET /projects/{id} answers the project itself, or (with the project library's profile) {project, lead, ...}.
    const profile = await api(page, `${base}/api/v1/projects/${projectId}`);
    const project = profile.project ?? profile;
    assert.equal(project.id, projectId);
    assert.equal(project.region.code, '370114');
    assert.equal(project.stage, '签约');
    assert.equal(project.chain, '装配式建筑');
    assert.equal(project.total_investment, 500_000_000);
    if (profile.lead !== undefined) assert.equal(profile.lead?.id, leadId, 'the project links back to its lead');
    await page.locator(`[data-testid=lead-card][data-lead="${leadId}"] [data-testid=lead-project][data-project="${projectId}"]`).waitFor();

    // The history: created, then four moves.
    await page.locator(`[data-testid=lead-card][data-lead="${leadId}"] [data-testid=lead-history-toggle]`).click();
    const events = page.locator(`[data-testid=lead-history][data-lead="${leadId}"] [data-testid=lead-event]`);
    await events.nth(4).waitFor();
    assert.deepEqual(await events.evaluateAll((els) => els.map((e) => e.dataset.to)), ['线索', '接洽', '考察', '洽谈', '签约']);
    const apiEvents = (await api(page, `${base}/api/v1/leads/${leadId}/events`)).events;
    assert.deepEqual(apiEvents.map((e) => e.to), ['线索', '接洽', '考察', '洽谈', '签约']);
    assert.equal(apiEvents[4].note, 'e2e → 签约');
    await page.locator('.el-message').last().waitFor({ state: 'detached' }).catch(() => {});
    await shot(page, 'e2e-attraction-history-zh.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('lead-history').waitFor({ state: 'hidden' });
    await shot(page, 'e2e-attraction-zh.png');

    await page.getByTestId('signed-project-link').click();
    // The signed lead's project opens on its profile, at 签约.
    await page.waitForURL(new RegExp(`/projects/${projectId}$`));
    await page.locator(`[data-testid=project-profile][data-id="${projectId}"][data-stage="签约"]`).waitFor();

    // The pages in English.
    await page.getByTestId('lang-switch').click();
    await page.goto(`${base}/chains?chain=${prefab.id}`);
    await page.locator('[data-testid=chain-node]').nth(analysis.links.length - 1).waitFor();
    await shot(page, 'e2e-chains-en.png');
    await page.goto(`${base}/attraction?chain=${prefab.id}&link=${weak.id}`);
    await page.locator(`[data-testid=candidate-panel][data-link="${weak.id}"] [data-testid=candidate-row]`).first().waitFor();
    await shot(page, 'e2e-attraction-en.png');
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();

    // A read-only user sees the map and the firms, with the decisions disabled and why.
    await login(page, base, 'jinan', viewer.password);
    await page.goto(`${base}/chains?chain=${prefab.id}`);
    await page.locator('[data-testid=chain-node]').first().waitFor();
    await page.locator(`[data-testid=chain-node][data-link="${strong.id}"]`).click();
    const viewerDrawer = page.locator(`[data-testid=link-drawer][data-link="${strong.id}"]`);
    await viewerDrawer.locator('[data-testid=link-firm-row]').first().waitFor();
    assert.match(await viewerDrawer.getByTestId('decide-note').textContent(), /只读/);
    assert.ok(await viewerDrawer.locator('[data-testid=tag-reject]').first().isDisabled(), 'a viewer cannot reject');
    await page.keyboard.press('Escape');
    await page.goto(`${base}/attraction?chain=${prefab.id}`);
    await page.getByTestId('attraction-permission-note').waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
