// Screenshots of the pages a newcomer sees, at a phone's and a laptop's width, light and dark, for the README
// (docs/screenshots/). Against a running app on the demo network:
//   dotnet run --project CoupDePouce.App --urls http://127.0.0.1:5080 &
//   node screenshots.mjs --base http://127.0.0.1:5080 [--out ../../docs/screenshots] [--executable /usr/bin/chromium]
//     [--only dashboard-coordination] [--full yes]   (one shot; the whole page rather than the first screen)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const base = args.base ?? 'http://127.0.0.1:5080';
const out = resolve(args.out ?? new URL('../../docs/screenshots', import.meta.url).pathname);
mkdirSync(out, { recursive: true });

// Who looks at what: a member's pages as Sophie, the reports as Rennes' coordinatrice, the log as the admin (the
// demo's moderation history is in other coordinations).
const shots = [
  { name: 'board', as: 'sophie.bernard', path: '/' },
  { name: 'request', as: 'sophie.bernard', path: 'first-answered-request' },
  { name: 'posting-form', as: 'sophie.bernard', path: '/demandes/nouvelle' },
  { name: 'settings', as: 'sophie.bernard', path: '/parametres' },
  { name: 'delete-account', as: 'sophie.bernard', path: '/parametres/supprimer-mon-compte', serverRendered: true },
  { name: 'reports-queue', as: 'coord.rennes', path: '/moderation/signalements' },
  { name: 'moderation-log', as: 'admin', path: '/moderation/journal' },
  { name: 'dashboard', as: 'admin', path: '/tableau-de-bord?periode=90' },
  { name: 'dashboard-coordination', as: 'coord.rennes', path: '/tableau-de-bord' },
  { name: 'can-help', as: 'sophie.bernard', path: '/je-peux-aider' },
  { name: 'offers', as: 'sophie.bernard', path: '/propositions' },
  { name: 'offer-form', as: 'sophie.bernard', path: '/propositions/nouvelle' },
  { name: 'balances', as: 'coord.rennes', path: '/moderation/equilibre' },
  { name: 'own-request-offers', as: 'sophie.bernard', path: 'own-open-request' },
];

const browser = await chromium.launch({ executablePath: args.executable ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const theme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    const contexts = {};
    for (const shot of shots.filter(s => !args.only || s.name === args.only)) {
      if (!contexts[shot.as]) {
        const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: 'fr-FR', colorScheme: theme });
        await context.addCookies([{ name: 'cdp-theme', value: theme, url: base }]);
        const page = await context.newPage();
        await page.goto(`${base}/compte/connexion`);
        await page.fill('#Email', `${shot.as}@coupdepouce.demo`);
        await page.fill('#Password', 'coupdepouce-demo');
        await page.click('button[type=submit]');
        await page.waitForURL(u => !u.pathname.startsWith('/compte'));
        contexts[shot.as] = { context, page };
      }

      const { page } = contexts[shot.as];
      let path = shot.path;
      if (path === 'own-open-request') {
        // Her request still waiting for an answer, with the offers of its theme beside it.
        await page.goto(`${base}/mes-demandes`);
        path = await page.locator('.request-card .request-title a', { hasText: 'rendez-vous' }).first().getAttribute('href');
      }
      if (path === 'first-answered-request') {
        await page.goto(`${base}/?statut=repondues`);
        path = await page.locator('.request-card .request-title a').first().getAttribute('href');
      }

      await page.goto(base + path);
      // A server-rendered page (no circuit) never goes live.
      if (!shot.serverRendered) await page.waitForSelector(".app-shell[data-live='true']", { timeout: 15000 });
      await page.waitForTimeout(800);
      const file = `${out}/${shot.name}-${width}-${theme}.png`;
      await page.screenshot({ path: file, fullPage: args.full === 'yes' });
      console.log(file);
    }

    for (const { context } of Object.values(contexts)) {
      await context.close();
    }
  }
}

await browser.close();
