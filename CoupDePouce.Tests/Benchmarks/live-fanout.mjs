// Live board fan-out benchmark (issue 4). Starts the app's Release build on a free port with a temporary
// database (demo network), opens N headless Chromium pages on the board as one member, posts M requests from
// another member through the posting form, and reports the fan-out latency to the moment a MutationObserver sees
// each request in each page's DOM, measured twice: from the poster's send (her page's Date.now() just before the
// submit click, matched to the request by the address she lands on) and from the request's server timestamp (taken
// just before the commit; read from the opt-in diagnostics, `Diagnostics:Live`, or from a line's data-created-at on
// builds that still carry it): p50/p95/p99/max. Then the server's managed memory per connected circuit, after a
// full GC, with N and 2N pages.
//
//   dotnet build -c Release CoupDePouce.sln
//   cd CoupDePouce.Tests/Benchmarks && npm install && node live-fanout.mjs --pages 50 --posts 20
//
// Options: --warmup 5 (posts before measuring), --pause 1000 (ms after each post), --reload-each (the poster
// loads the form afresh for each post), --isolate (server on CPU 0, browsers on CPU 1), --same-priority (browsers
// not niced), --details (per request), --executable PATH (another build of the app).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, writeFileSync, readFileSync, readdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const pages = arg('pages', 50);
const posts = arg('posts', 20);
const warmup = arg('warmup', 5);
const pause = arg('pause', 1000);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
// --executable: another build of the app (an older commit's, to compare builds on the same day and machine).
const executableArg = process.argv.indexOf('--executable');
const executable = executableArg >= 0 ? resolve(process.argv[executableArg + 1]) : join(root, 'CoupDePouce.App', 'bin', 'Release', 'net10.0', 'CoupDePouce.App');
if (!existsSync(executable)) throw new Error(`Build first: dotnet build -c Release CoupDePouce.sln (${executable} is missing)`);

const freePort = () => new Promise(ok => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const data = mkdtempSync(join(tmpdir(), 'coupdepouce-fanout-'));
// --isolate: the server on CPU 0 and the browsers on CPU 1, to tell the server's share from the 50 pages' own work.
const isolate = process.argv.includes('--isolate');
const app = spawn(isolate ? 'taskset' : executable, [...(isolate ? ['-c', '0', executable] : []), '--urls', base], {
  cwd: executableArg >= 0 ? resolve(dirname(executable), '..', '..', '..', ...(executable.includes('/linux-') ? ['..'] : [])) : join(root, 'CoupDePouce.App'),
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', Diagnostics__Live: 'true', ConnectionStrings__Board: `Data Source=${join(data, 'board.db')}`, Logging__LogLevel__Default: 'Warning' },
  // The server's log (warnings and errors) next to the run's database, printed if a post fails.
  stdio: ['ignore', openSync(join(data, 'server.log'), 'w'), openSync(join(data, 'server.log'), 'a')],
});
const stop = () => { try { app.kill('SIGKILL'); } catch { } rmSync(data, { recursive: true, force: true }); };
process.on('exit', stop);

for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/health`)).ok) break; } catch { }
  if (i > 300) throw new Error('The app did not start');
  await new Promise(r => setTimeout(r, 200));
}

const live = async gc => (await (await fetch(`${base}/dev/live${gc ? '?gc=true' : ''}`)).json());
// The browsers stand for other people's devices: they run at the lowest CPU priority (nice 19), so that the
// server's figures are not those of 50 Chromium pages taking its 2 cores (--same-priority to compare).
const wrapper = join(data, 'chromium-nice');
writeFileSync(wrapper, `#!/bin/sh\nexec ${isolate ? 'taskset -c 1 ' : ''}nice -n ${process.argv.includes('--same-priority') ? 0 : 19} /usr/bin/chromium "$@"\n`, { mode: 0o755 });
const browser = await chromium.launch({
  executablePath: wrapper,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});

async function signIn(context, email) {
  const page = await context.newPage();
  await page.goto(`${base}/compte/connexion`);
  await page.fill('#Email', email);
  await page.fill('#Password', 'coupdepouce-demo');
  await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
  return page;
}

// Watchers: one member's pages on the board, each recording when a new request lands in its DOM.
const watchers = await browser.newContext({ viewport: { width: 1000, height: 700 } });
await watchers.addInitScript(() => {
  window.__arrivals = [];
  new MutationObserver(records => {
    const now = performance.timeOrigin + performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.matches?.('.request-card[data-request-id]')) {
        window.__arrivals.push({ id: n.dataset.requestId, at: now, createdAt: n.dataset.createdAt ? Number(n.dataset.createdAt) : null });
      }
    }
  }).observe(document, { childList: true, subtree: true });
});
const first = await signIn(watchers, 'sophie.bernard@coupdepouce.demo');
async function openBoards(count) {
  const opened = [];
  for (let i = 0; i < count; i++) {
    const page = await watchers.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('.app-shell[data-live=true]');
    opened.push(page);
  }
  return opened;
}
await first.close();

// Memory first, on idle pages (before any post makes the lists grow): 0, N and 2N pages, then back to N.
const idle = (await live(true)).managedBytes;
const boards = await openBoards(pages);
await new Promise(r => setTimeout(r, 2000));
const atN = await live(true);
const more = await openBoards(pages);
await new Promise(r => setTimeout(r, 2000));
const at2N = await live(true);
for (const p of more) await p.close();
await new Promise(r => setTimeout(r, 2000));
const afterClosing = await live(true);
// CPU time: the server's own (utime + stime of its process) and the whole machine's, in clock ticks.
const serverTicks = () => readFileSync(`/proc/${app.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
// The browsers' CPU: every Chromium process (the N board pages, the poster's page, the GPU and network processes).
const browserTicks = () => {
  const byType = {};
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/^\d+ \((chromium|chrome)/.test(stat)) continue;
      const type = (readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/--type=([a-z-]+)/) ?? [, 'browser'])[1];
      byType[type] = (byType[type] ?? 0) + stat.split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
    } catch { /* a process that ended meanwhile */ }
  }
  return byType;
};
// steal: time the virtual machine's host gave to others (it varies from run to run and lengthens every figure).
const machineTicks = () => { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number); return { busy: f[0] + f[1] + f[2] + f[5] + f[6] + f[7], steal: f[7], all: f.reduce((a, b) => a + b, 0) }; };

// The poster: another member of the same coordination, through the real form, each followed by a pause of
// `--pause` ms (default 1000). A few warm-up posts first (not measured): a running server has
// compiled its code paths and queries, a freshly started one has not.
const posterContext = await browser.newContext();
const poster = await signIn(posterContext, 'isabelle.thomas@coupdepouce.demo');
// She goes from one request to the next as a member does, by the menu's « Demander » link: the page changes
// within her live connection (--reload-each: a full page load before each post instead).
const reloadEach = process.argv.includes('--reload-each');
await poster.goto(`${base}/demandes/nouvelle`);
const sent = new Map(); // request id → the poster's Date.now() just before her click
async function post(i) {
  if (reloadEach) await poster.goto(`${base}/demandes/nouvelle`);
  else if (!poster.url().endsWith('/demandes/nouvelle')) await poster.click('a[href="/demandes/nouvelle"]:visible >> nth=0');
  await poster.waitForSelector('form.form-card button[type=submit]:not([disabled])');
  // Her words, written again if the page was still coming alive and dropped them (the .NET 9 build's form could
  // start afresh once live, after a navigation within her connection).
  const title = `Demande de mesure numéro ${i} ${Date.now()}`;
  const details = 'Une demande pour mesurer le temps de diffusion en direct.';
  for (let attempt = 0; attempt < 5; attempt++) {
    await poster.fill('input[name=Title]', title);
    await poster.fill('textarea[name=Details]', details);
    await new Promise(r => setTimeout(r, 300));
    if (await poster.inputValue('input[name=Title]') === title && await poster.inputValue('textarea[name=Details]') === details) break;
  }
  // The theme: a plain select on older builds, MudBlazor's list from the MudBlazor build on.
  if (await poster.locator('select#ThemeId').count() > 0) await poster.selectOption('#ThemeId', { index: 9 });
  else {
    await poster.click('.theme-select .mud-input.mud-select-input');
    await poster.click('.mud-popover-open .mud-list-item >> nth=8');
    // The list closed and the field shows the theme: a click on « Publier » while the list is open only closes it.
    await poster.waitForFunction(() => document.querySelector('.theme-select input.mud-select-input')?.value && !document.querySelector('.mud-popover-open'));
  }
  const visibility = i % 2 ? 'Network' : 'Coordination';
  await poster.check(`input[name=Visibility][value=${visibility}], input[name=Visibility][data-visibility=${visibility}]`);
  try {
    const sentAt = await poster.evaluate(() => Date.now());
    await Promise.all([poster.waitForURL(/\/demandes\/\d+/, { waitUntil: 'commit' }), poster.click('form.form-card button[type=submit]')]);
    sent.set(poster.url().match(/\/demandes\/(\d+)/)[1], sentAt);
  } catch (e) {
    // What her screen said instead (a message of the form, the reconnection banner…).
    const said = await poster.locator('.form-alert, .validation-message, #components-reconnect-modal, .reconnect-banner, #blazor-error-ui').allInnerTexts().catch(() => []);
    await poster.screenshot({ path: join(tmpdir(), 'live-fanout-poster.png'), fullPage: true }).catch(() => { });
    console.error(readFileSync(join(data, 'server.log'), 'utf8').split('\n').filter(l => /fail|error|exception|warn/i.test(l) || l.startsWith('   ')).slice(0, 60).join('\n'));
    throw new Error(`Post ${i} did not go through (${poster.url()}; on screen: ${JSON.stringify(said)}; screenshot in ${join(tmpdir(), 'live-fanout-poster.png')})`, { cause: e });
  }
  await new Promise(r => setTimeout(r, pause));
}
for (let i = 0; i < warmup; i++) await post(-1 - i);
await new Promise(r => setTimeout(r, 3000));
for (const p of boards) await p.evaluate(() => { window.__arrivals = []; });
await live(false); // starts the server's delivery times afresh
const cpuBefore = { server: serverTicks(), machine: machineTicks(), browsers: browserTicks() };
for (let i = 0; i < posts; i++) await post(i);
await new Promise(r => setTimeout(r, 3000));
const diagnostics = await live(false);
const serverSide = diagnostics.deliveries.sort((a, b) => a - b);
const published = new Map((diagnostics.published ?? []).filter(c => c.kind === 'Posted').map(c => [String(c.requestId), c.atMs]));
const cpuAfter = { server: serverTicks(), machine: machineTicks(), browsers: browserTicks() };

// Per page and request, the first arrival; then its latency from the server timestamp and from her send.
const fromServer = [];
const fromSend = [];
let missing = 0;
const perRequest = new Map();
for (const p of boards) {
  const arrivals = await p.evaluate(() => window.__arrivals);
  const first = new Map();
  for (const a of arrivals) if (!first.has(a.id)) first.set(a.id, a);
  missing += posts - [...first.keys()].filter(id => sent.has(id)).length;
  for (const [id, a] of first) {
    if (!sent.has(id)) continue;
    const serverAt = a.createdAt ?? published.get(id);
    if (serverAt != null) fromServer.push(a.at - serverAt);
    fromSend.push(a.at - sent.get(id));
    if (!perRequest.has(id)) perRequest.set(id, []);
    perRequest.get(id).push(a.at - sent.get(id));
  }
}
fromServer.sort((a, b) => a - b);
fromSend.sort((a, b) => a - b);
const latencies = fromServer;
if (process.argv.includes('--details')) {
  // Per request, from her send: the first and the last page to show it (a slow first page means a slow commit or
  // publication, a wide spread means a slow fan-out).
  for (const [id, values] of perRequest) {
    values.sort((a, b) => a - b);
    console.log(`request ${id}: first ${values[0].toFixed(0)} ms, median ${values[values.length >> 1].toFixed(0)} ms, last ${values.at(-1).toFixed(0)} ms`);
  }
}
const percentile = (values, q) => values[Math.min(values.length - 1, Math.ceil(q / 100 * values.length) - 1)];

const mb = b => (b / 1024 / 1024).toFixed(1);
const kb = b => (b / 1024).toFixed(0);
const priority = process.argv.includes('--same-priority') ? 'browsers at the same priority' : 'browsers niced';
console.log(`Fan-out: ${pages} pages on the board, ${posts} requests posted, ${fromSend.length} deliveries (${missing} missing), ${isolate ? 'server and browsers on separate cores' : 'server and browsers sharing both cores'}, ${priority}`);
console.log('| fan-out latency (ms) | p50 | p95 | p99 | max |');
console.log('|---|---:|---:|---:|---:|');
const row = (label, values) => console.log(`| ${label} | ${percentile(values, 50).toFixed(0)} | ${percentile(values, 95).toFixed(0)} | ${percentile(values, 99).toFixed(0)} | ${values.at(-1).toFixed(0)} |`);
row("from her send to the page's DOM", fromSend);
if (latencies.length > 0) row("from server timestamp to the page's DOM", latencies);
const sp = q => percentile(serverSide, q).toFixed(0);
console.log(`| server's share: to the screen rendered and sent (${serverSide.length} deliveries) | ${sp(50)} | ${sp(95)} | ${sp(99)} | ${serverSide.at(-1).toFixed(0)} |`);
const ticksPerSecond = 100;
console.log(`Server CPU: ${((cpuAfter.server - cpuBefore.server) / ticksPerSecond * 1000 / posts).toFixed(0)} ms per post (posting page, request page and ${pages} screens updated); machine busy ${(100 * (cpuAfter.machine.busy - cpuBefore.machine.busy) / (cpuAfter.machine.all - cpuBefore.machine.all)).toFixed(0)} % of its ${(await import('node:os')).cpus().length} cores while posting (stolen by the host: ${(100 * (cpuAfter.machine.steal - cpuBefore.machine.steal) / (cpuAfter.machine.all - cpuBefore.machine.all)).toFixed(1)} %)`);
const browserMs = type => ((cpuAfter.browsers[type] ?? 0) - (cpuBefore.browsers[type] ?? 0)) / ticksPerSecond * 1000 / posts;
const browserTotal = Object.keys(cpuAfter.browsers).reduce((sum, type) => sum + browserMs(type), 0);
console.log(`Browsers' CPU: ${browserTotal.toFixed(0)} ms per post (${(browserTotal / pages).toFixed(1)} ms per board page, the poster's page included); by process: ${Object.keys(cpuAfter.browsers).sort().map(t => `${t} ${browserMs(t).toFixed(0)} ms`).join(', ')}`);
console.log('');
console.log('| managed memory after a full GC | subscribers | MB |');
console.log('|---|---:|---:|');
console.log(`| no page open | 0 | ${mb(idle)} |`);
console.log(`| ${pages} board pages | ${atN.subscribers} | ${mb(atN.managedBytes)} |`);
console.log(`| ${pages * 2} board pages | ${at2N.subscribers} | ${mb(at2N.managedBytes)} |`);
console.log(`| back to ${pages} pages (${pages} closed) | ${afterClosing.subscribers} | ${mb(afterClosing.managedBytes)} |`);
console.log(`Per idle circuit: ${kb((at2N.managedBytes - atN.managedBytes) / pages)} KB (from N to 2N), ${kb((atN.managedBytes - idle) / pages)} KB (from 0 to N)`);

await browser.close();
stop();
process.exit(0);
