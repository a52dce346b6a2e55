// What the browser tests in web/e2e share: their command line, the rule for skipping, a throwaway
// work folder with the demo database, the real `qiangqu serve`, Debian's Chromium, logging in,
// reading the API through the page's session, screenshots and downloads. The tests keep their own
// steps and assertions; this module only sets the stage and takes it down again.
//
// Everything started here (work folder, server, browser) is recorded, and `cleanUp` undoes it in
// reverse order; a test file registers it once with `after(cleanUp)`.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 1000 };

const undo = [];

// Reads `--qiangqu BIN --data-dir DIR --out DIR` (each optional, resolved against the current
// folder, which CTest sets to web/) and creates the output folder.
export function parseArgs(argv = process.argv.slice(2)) {
  const args = Object.fromEntries(
    argv.reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), [])
  );
  const options = {
    qiangqu: path.resolve(args.qiangqu ?? '../build/qiangqu'),
    dataDir: path.resolve(args['data-dir'] ?? '../data'),
    outDir: path.resolve(args.out ?? '../build/test-output'),
  };
  mkdirSync(options.outDir, { recursive: true });
  return options;
}

// Exits when the built web app (web/dist, found beside `dataDir`) or Chromium is missing: with 77,
// which CTest reports as skipped, or with 1 when QQ_REQUIRE_E2E=1 (scripts/test sets it).
export function exitUnlessRunnable(dataDir) {
  const webDist = path.resolve(dataDir, '..', 'web', 'dist', 'index.html');
  if (!existsSync(webDist) || !existsSync(CHROMIUM)) {
    console.error(`e2e: missing ${existsSync(webDist) ? CHROMIUM : webDist}`);
    process.exit(process.env.QQ_REQUIRE_E2E === '1' ? 1 : 77);
  }
}

// Creates an empty folder under the system temp folder, removed by `cleanUp`.
export function makeWorkDir(prefix) {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  undo.push(() => rmSync(work, { recursive: true, force: true }));
  return work;
}

// Builds the demo database at `db` with `qiangqu demo` and returns what it prints (its
// `accounts` carry each demo user's password).
export function buildDemo(qiangqu, db, dataDir) {
  return JSON.parse(execFileSync(qiangqu, ['demo', '--db', db, '--data-dir', dataDir, '--json'], { encoding: 'utf8' }));
}

// Runs one read-only query with the sqlite3 command-line tool; returns its output, trimmed
// (columns separated by `|`).
export function sql(db, query) {
  return execFileSync('sqlite3', ['-readonly', db, query], { encoding: 'utf8' }).trim();
}

// A TCP port on 127.0.0.1 that was free a moment ago.
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Starts `qiangqu serve` on `db` at a free port and waits up to 10 s for GET /healthz; returns the
// base URL. The server is stopped by `cleanUp`. If it is not up by then the test goes on and fails
// where it first needs the server.
export async function startServer(qiangqu, db, dataDir) {
  const port = await freePort();
  const server = spawn(qiangqu, ['serve', '--db', db, '--data-dir', dataDir, '--port', String(port)], { stdio: 'ignore' });
  undo.push(() => server.kill('SIGTERM'));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return base;
}

// Launches Debian's Chromium headless, closed by `cleanUp`.
export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  undo.push(() => browser.close());
  return browser;
}

// Opens a 1440×1000 zh-CN page; `acceptDownloads` lets `download` work, `timeout` (ms) replaces
// Playwright's default wait of 30 s.
export async function openPage(browser, { acceptDownloads = false, timeout } = {}) {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN', ...(acceptDownloads ? { acceptDownloads } : {}) });
  if (timeout !== undefined) page.setDefaultTimeout(timeout);
  return page;
}

// Logs in through the login page and waits for 总览, where every login lands.
export async function login(page, base, username, password) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('overview-page').waitFor();
}

// Opens the header's region switcher and clicks the region called `name`; the caller waits for
// whatever shows the switch on its page.
export async function clickRegion(page, name) {
  await page.getByTestId('region-switcher').locator('.el-select').click();
  await page.locator('.el-select-dropdown__item', { hasText: name }).first().click();
}

// GET `url` through the browser's session (same cookies as the page); fails the test unless the
// answer is 2xx, and returns its JSON.
export async function api(page, url) {
  const res = await page.request.get(url);
  assert.ok(res.ok(), `GET ${url}: ${res.status()} ${await res.text()}`);
  return res.json();
}

// Returns `shot(page, name)`, which saves a screenshot of the whole page as outDir/name. The
// layout scrolls inside <main>, so the viewport grows to fit it first, and waits `settleMs` for
// charts to follow their container's size.
export function screenshots(outDir, settleMs) {
  return async function shot(page, name) {
    const height = await page.evaluate(() => document.querySelector('.base-layout__main')?.scrollHeight ?? 1000);
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height + 70) });
    await page.waitForTimeout(settleMs);
    const file = path.join(outDir, name);
    await page.screenshot({ path: file, fullPage: true });
    await page.setViewportSize(VIEWPORT);
    console.log(`screenshot: ${file}`);
  };
}

// Runs `steps`; if they throw, saves a screenshot of `getPage()` (the page open then, if any) to
// `file` before passing the error on, so a failing run leaves a picture of where it stopped.
export async function withFailureShot(getPage, file, steps) {
  try {
    await steps();
  } catch (e) {
    await getPage()?.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw e;
  }
}

// Clicks `button`, waits for the browser's download and returns its suggested name and bytes.
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

// Fails the test unless a download (from `download`) looks like an xlsx file; `what` names it.
export function assertXlsx({ name, bytes }, what) {
  assert.match(name, /\.xlsx$/, `${what}: file name ${name}`);
  assert.ok(bytes.length > 200, `${what}: ${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${what} is a zip (xlsx)`);
}

// Stops and removes what this module started, most recent first. Register with `after(cleanUp)`.
export async function cleanUp() {
  while (undo.length > 0) await undo.pop()();
}
