// Throwaway: profile a drag at zoom 1 with 1,000 nodes in the built app.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
const dir = process.argv[2] ?? '/work/wt-perf/build';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.otf': 'font/otf' };
const server = createServer((req, res) => {
  let p = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!existsSync(p) || statSync(p).isDirectory()) p = join(dir, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(4444, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto('http://127.0.0.1:4444/');
await page.waitForSelector('[data-ready="true"]', { timeout: 60000 });
await page.waitForTimeout(1000);
await page.getByTestId('open-file').setInputFiles({ name: 'd.json', mimeType: 'application/json', buffer: readFileSync('/tmp/pf/doc1k.json') });
await page.waitForFunction(() => document.querySelectorAll('.svelte-flow__node').length === 1000, null, { timeout: 120000 });
await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 120000 });
await page.waitForTimeout(3000);
const hv = await page.evaluate(() => { const pane = document.querySelector('.svelte-flow').getBoundingClientRect(); let best; for (const el of document.querySelectorAll('.svelte-flow__node')) { if (!el.querySelector('[data-kind="hypervisor"]')) continue; const r = el.getBoundingClientRect(); const d = Math.hypot(r.left + r.width / 2 - pane.left - pane.width / 2, r.top + r.height / 2 - pane.top - pane.height / 2); if (!best || d < best.d) best = { id: el.dataset.id, d }; } return best.id; });
await page.locator(`.svelte-flow__node[data-id="${hv}"]`).click({ force: true });
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.getByRole('region', { name: 'Palette' }).getByRole('button', { name: 'Web server (Service)', exact: true }).click();
await page.waitForSelector('section[aria-label="Problems"] li.problem[data-rule="invalid-host"]');
await page.waitForTimeout(3000);
const { profile } = await cdp.send('Profiler.stop');
const frames = [0];
//
if (0) console.log('frames', frames.length, 'median', frames[frames.length >> 1].toFixed(1), 'p95', frames[Math.ceil(frames.length * 0.95) - 1].toFixed(1), 'max', frames.at(-1).toFixed(1));
const self = new Map(); const idx = new Map(profile.nodes.map((n) => [n.id, n]));
let total = 0;
for (let i = 0; i < profile.samples.length; i++) { const n = idx.get(profile.samples[i]); const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; const t = profile.timeDeltas[i] ?? 0; total += t; self.set(k, (self.get(k) ?? 0) + t); }
console.log('total', (total / 1000).toFixed(0));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, t]) => `${(t / 1000).toFixed(0)}ms ${k}`).join('\n'));
await browser.close(); server.close();
