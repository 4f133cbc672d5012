// Cuts Radzen's material-base.css (763 KB, every component) down to the rules this app can render, so that every
// style recalculation of a live board costs the browser ~1 ms instead of ~11 ms (BENCHMARKS.md).
// Run after changing the Radzen version or starting to use another Radzen component:
//   cd CoupDePouce.App/Styles && npm install && npm run trim
// Kept: every selector naming a class or element found in the app's .razor files or in radzen-classes.txt (the
// classes Radzen's own components put in the pages, collected from the running app), the Radzen components this
// app uses (button, switch, link, dialog, text inputs) in all their states, CSS variables, fonts and keyframes.
import { PurgeCSS } from 'purgecss';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, '..');
const props = readFileSync(join(app, '..', 'Directory.Packages.props'), 'utf8');
const version = props.match(/Include="Radzen\.Blazor"\s+Version="([^"]+)"/)[1];
const source = join(process.env.NUGET_PACKAGES ?? join(homedir(), '.nuget', 'packages'), 'radzen.blazor', version, 'staticwebassets', 'css', 'material-base.css');
const razorFiles = dir => readdirSync(dir).flatMap(name => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? (['bin', 'obj', 'node_modules'].includes(name) ? [] : razorFiles(path)) : name.endsWith('.razor') ? [path] : [];
});

const [result] = await new PurgeCSS().purge({
  css: [source],
  content: [join(here, 'radzen-classes.txt'), ...razorFiles(app)],
  defaultExtractor: text => text.match(/[A-Za-z0-9_-]+/g) ?? [],
  safelist: {
    standard: [/^rz-(button|switch|dialog|link|textbox|textarea|input|variant|shade|state|ripple|busy|progressbar|hidden-accessible|open|disabled)/, /^rz-(primary|secondary|light|danger|success|base|info|warning|dark)$/, /^rzi/],
    greedy: [/rz-button/, /rz-switch/, /rz-dialog/],
  },
  variables: false,
  keyframes: false,
  fontFace: false,
});
// The trimmed file is served from /radzen/: its fonts stay where Radzen's package serves them.
const css = result.css.replaceAll('url("../fonts/', 'url("/_content/Radzen.Blazor/fonts/');
const output = join(app, 'wwwroot', 'radzen', 'material-base.trimmed.css');
writeFileSync(output, `/* Radzen.Blazor ${version} material-base.css, trimmed by Styles/trim-radzen.mjs: do not edit by hand. */\n${css}`);
console.log(`${source}: ${readFileSync(source).length} bytes -> ${output}: ${css.length} bytes`);
