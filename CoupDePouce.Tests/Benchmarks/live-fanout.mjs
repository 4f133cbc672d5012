// Live board fan-out benchmark (issue 4). Starts the app's Release build on a free port with a temporary
// database (demo network), opens N headless Chromium pages on the board as one member, posts M requests from
// another member through the posting form, and reports the fan-out latency from each request's server timestamp
// (taken when it is posted, just before the commit) to the moment a MutationObserver sees it in each page's DOM:
// p50/p95/p99/max. Then the server's managed memory per connected circuit, after a full GC, with N and 2N pages.
//
//   dotnet build -c Release CoupDePouce.sln
//   cd CoupDePouce.Tests/Benchmarks && npm install && node live-fanout.mjs --pages 50 --posts 20
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const rid = process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64';
const executable = join(root, 'CoupDePouce.App', 'bin', 'Release', 'net9.0', rid, 'CoupDePouce.App');
if (!existsSync(executable)) throw new Error(`Build first: dotnet build -c Release CoupDePouce.sln (${executable} is missing)`);

const freePort = () => new Promise(ok => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const data = mkdtempSync(join(tmpdir(), 'coupdepouce-fanout-'));
const app = spawn(executable, ['--urls', base], {
  cwd: join(root, 'CoupDePouce.App'),
  env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', ConnectionStrings__Board: `Data Source=${join(data, 'board.db')}`, Logging__LogLevel__Default: 'Warning' },
  stdio: 'ignore',
});
const stop = () => { try { app.kill('SIGKILL'); } catch { } rmSync(data, { recursive: true, force: true }); };
process.on('exit', stop);

for (let i = 0; ; i++) {
  try { if ((await fetch(`${base}/health`)).ok) break; } catch { }
  if (i > 300) throw new Error('The app did not start');
  await new Promise(r => setTimeout(r, 200));
}

const live = async gc => (await (await fetch(`${base}/dev/live${gc ? '?gc=true' : ''}`)).json());
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
      if (n.nodeType === 1 && n.matches?.('.request-card[data-created-at]')) {
        window.__arrivals.push({ id: n.dataset.requestId, latency: now - Number(n.dataset.createdAt) });
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
const idle = (await live(true)).managedBytes;
const boards = await openBoards(pages);
await new Promise(r => setTimeout(r, 2000));
const atN = await live(true);
for (const p of boards) await p.evaluate(() => { window.__arrivals = []; });

// The poster: another member of the same coordination, through the real form.
const posterContext = await browser.newContext();
const poster = await signIn(posterContext, 'isabelle.thomas@coupdepouce.demo');
for (let i = 0; i < posts; i++) {
  await poster.goto(`${base}/demandes/nouvelle`);
  await poster.waitForSelector('form.form-card button[type=submit]:not([disabled])');
  await poster.fill('input[name=Title]', `Demande de mesure numéro ${i} ${Date.now()}`);
  await poster.fill('textarea[name=Details]', 'Une demande pour mesurer le temps de diffusion en direct.');
  await poster.selectOption('#ThemeId', { index: 9 });
  await poster.click(`input[name=Visibility][value=${i % 2 ? 'Network' : 'Coordination'}]`);
  await Promise.all([poster.waitForURL(/\/demandes\/\d+/, { waitUntil: 'commit' }), poster.click('form.form-card button[type=submit]')]);
  await new Promise(r => setTimeout(r, 300));
}
await new Promise(r => setTimeout(r, 3000));

const latencies = [];
let missing = 0;
for (const p of boards) {
  const arrivals = await p.evaluate(() => window.__arrivals);
  const unique = new Map(arrivals.map(a => [a.id, a.latency]));
  missing += posts - unique.size;
  latencies.push(...unique.values());
}
latencies.sort((a, b) => a - b);
const pct = q => latencies[Math.min(latencies.length - 1, Math.ceil(q / 100 * latencies.length) - 1)];

const more = await openBoards(pages);
await new Promise(r => setTimeout(r, 2000));
const at2N = await live(true);

const mb = b => (b / 1024 / 1024).toFixed(1);
const kb = b => (b / 1024).toFixed(0);
console.log(`Fan-out: ${pages} pages on the board, ${posts} requests posted, ${latencies.length} deliveries (${missing} missing)`);
console.log('| fan-out latency (ms) | p50 | p95 | p99 | max |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| from server timestamp to the page's DOM | ${pct(50).toFixed(0)} | ${pct(95).toFixed(0)} | ${pct(99).toFixed(0)} | ${latencies.at(-1).toFixed(0)} |`);
console.log('');
console.log('| managed memory after a full GC | subscribers | MB |');
console.log('|---|---:|---:|');
console.log(`| no page open | 0 | ${mb(idle)} |`);
console.log(`| ${pages} board pages | ${atN.subscribers} | ${mb(atN.managedBytes)} |`);
console.log(`| ${pages * 2} board pages | ${at2N.subscribers} | ${mb(at2N.managedBytes)} |`);
console.log(`Per idle circuit: ${kb((at2N.managedBytes - atN.managedBytes) / pages)} KB (from N to 2N), ${kb((atN.managedBytes - idle) / pages)} KB (from 0 to N)`);

await browser.close();
stop();
process.exit(0);
