import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { chooseExample, expect, node, nodes, test, waitReady } from './fixtures';

// Served from a sub-path (GitHub Pages, a course site): a build with BASE_PATH=/stackdraw
// finds its scripts, examples, fonts, ELK worker and wasm under /stackdraw/, and nothing is
// asked of the server's root.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE = '/stackdraw';
let server: Server;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // A second build beside the one the other tests use (own output folders).
  execFileSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...process.env,
      BASE_PATH: BASE,
      BUILD_DIR: 'build-sub',
      SVELTEKIT_OUT: '.svelte-kit-sub'
    }
  });
  // A static host that serves the build under /stackdraw/ only, redirects /stackdraw to
  // /stackdraw/ as static hosts do for folders, and answers 404 everywhere else.
  const files = sirv(`${ROOT}/build-sub`, { single: true, dev: true });
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === BASE) {
      res.writeHead(301, { location: `${BASE}/` });
      res.end();
      return;
    }
    if (!url.startsWith(`${BASE}/`)) {
      res.statusCode = 404;
      res.end('not under the base path');
      return;
    }
    req.url = url.slice(BASE.length) || '/';
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

test('the app works from /stackdraw/: example, layout, Korean font, export and examples menu', async ({
  page,
  consoleErrors
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));

  await page.goto(`${origin}${BASE}/`);
  await waitReady(page);
  // The default example was fetched from /stackdraw/examples/ and laid out by the worker.
  await expect(nodes(page)).toHaveCount(5);
  await expect(node(page, 'web')).toBeVisible();

  // Another example, from the menu.
  await chooseExample(page, 'type1-esxi.json');
  await expect(node(page, 'esxi')).toBeVisible();

  // Export: the font files and HarfBuzz's wasm load from under the base path.
  await page.getByText('Export', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download SVG' }).click();
  const svg = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of svg) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toMatch(/@font-face\{font-family:Pretendard/);

  // The address without its final slash opens it too (the host redirects, as for folders).
  await page.goto(`${origin}${BASE}`);
  await waitReady(page);
  await expect(nodes(page)).not.toHaveCount(0);

  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
