// Throwaway: open the 200-node all-pairs document in the built app and profile it.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
const dir = process.argv[2] ?? '/work/wt-perf/build';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.otf': 'font/otf' };
const server = createServer((req, res) => {
  let p = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!existsSync(p) || statSync(p).isDirectory()) p = join(dir, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' });
  res.end(readFileSync(p));
}).listen(4443, '127.0.0.1');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto('http://127.0.0.1:4443/');
await page.waitForSelector('[data-ready="true"]', { timeout: 60000 });
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.getByTestId('open-file').setInputFiles({ name: 'dense.json', mimeType: 'application/json', buffer: readFileSync('/tmp/pf/dense200.json') });
await page.waitForFunction(() => document.querySelectorAll('.svelte-flow__node').length === 200, null, { timeout: 180000 });
const t1 = Date.now();
await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 180000 });
const t2 = Date.now();
const { profile } = await cdp.send('Profiler.stop');
console.log('nodes drawn after', t1 - t0, 'ms; saved after', t2 - t0, 'ms');
const self = new Map(); const idx = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) { const n = idx.get(profile.samples[i]); const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0)); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, t]) => `${(t / 1000).toFixed(0)}ms ${k}`).join('\n'));
writeFileSync('/tmp/pf/dense.cpuprofile', JSON.stringify(profile));
await browser.close(); server.close();
