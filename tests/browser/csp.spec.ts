import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  expect,
  fileMenu,
  node,
  nodeIds,
  nodes,
  openEditor,
  paletteItem,
  renameInput,
  test,
  waitSaved
} from './fixtures';

// The strict Content Security Policy (svelte.config.js, kit.csp) is what the app runs under:
// the served page carries it, and building, laying out, exporting and the blocks view work
// without a single violation.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What a static host serves for every route (adapter-static's fallback). */
const INDEX_HTML = join(ROOT, 'build', 'index.html');

/** Parse a CSP into directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The policy's sources, without the hashes (they differ between two renderings). */
const withoutHashes = (policy: Map<string, string[]>) =>
  Object.fromEntries(
    [...policy].map(([name, sources]) => [name, sources.filter((s) => !s.startsWith("'sha"))])
  );

/** The policy checks shared by the shipped file and the served page. */
function expectStrict(policy: Map<string, string[]>): void {
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  expect(scripts, 'script-src').toBeDefined();
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'strict-dynamic'");
  expect(scripts).toContain("'self'");
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  // Every source is a keyword, a hash or a local scheme: no remote origin, no wildcard.
  const allowed =
    /^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha(256|384|512)-[A-Za-z0-9+/=]+'|data:|blob:)$/;
  for (const [name, sources] of policy) {
    for (const source of sources) expect(source, `${name} ${source}`).toMatch(allowed);
    // 'unsafe-inline' only for styles (Svelte Flow positions nodes with inline styles).
    if (sources.includes("'unsafe-inline'")) expect(name).toBe('style-src');
  }
}

/** The one CSP <meta> of an HTML page, parsed (undefined when there is none). */
function metaPolicy(html: string): Map<string, string[]> | undefined {
  const metas = [
    ...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)
  ];
  expect(metas.length, 'at most one CSP <meta>').toBeLessThanOrEqual(1);
  return metas.length ? parsePolicy(metas[0][1]) : undefined;
}

/** The inline scripts of an HTML page, as CSP hash sources. */
const inlineScriptHashes = (html: string) =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`
  );

test('build/index.html carries a strict policy in a <meta>, its bootstrap allowed by hash', () => {
  const html = readFileSync(INDEX_HTML, 'utf8');
  const policy = metaPolicy(html);
  expect(policy, `a CSP <meta> in ${INDEX_HTML}`).toBeDefined();
  expectStrict(policy!);
  // The meta comes before any script, so it applies to all of them.
  expect(html.search(/http-equiv="content-security-policy"/i)).toBeLessThan(
    html.search(/<script/i)
  );
  // SvelteKit's inline bootstrap runs because its hash is listed, and nothing else inline does.
  const inline = inlineScriptHashes(html);
  expect(inline.length).toBeGreaterThan(0);
  for (const hash of inline) expect(policy!.get('script-src')).toContain(hash);
});

test('the page the preview serves is under the same policy', async ({ request }) => {
  const res = await request.get('/');
  expect(res.ok()).toBe(true);
  const html = await res.text();
  // The preview renders the page itself and sends the policy as a header; a static host
  // sends build/index.html with the <meta>. Either way it is the configured policy.
  const header = res.headers()['content-security-policy'];
  const policy = metaPolicy(html) ?? (header ? parsePolicy(header) : undefined);
  expect(policy, 'a CSP header or <meta>').toBeDefined();
  expectStrict(policy!);
  const shipped = metaPolicy(readFileSync(INDEX_HTML, 'utf8'))!;
  expect(withoutHashes(policy!)).toEqual(withoutHashes(shipped));
  for (const hash of inlineScriptHashes(html)) expect(policy!.get('script-src')).toContain(hash);
});

/** Collect `securitypolicyviolation` events from the first script on. */
async function collectViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(
        `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`
      )
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

/**
 * How the page gets its policy: the preview renders it with a CSP header; a static host
 * serves build/index.html, whose <meta> is then the only policy (the test serves that file).
 */
const DELIVERIES: { name: string; meta: boolean; deliver: (page: Page) => Promise<void> }[] = [
  { name: 'a header (vite preview)', meta: false, deliver: async () => {} },
  {
    name: 'a <meta> (build/index.html, as a static host serves it)',
    meta: true,
    deliver: async (page) => {
      const html = readFileSync(INDEX_HTML, 'utf8');
      await page.route(
        (url) => url.pathname === '/',
        (route) =>
          route.request().resourceType() === 'document'
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : route.continue()
      );
    }
  }
];

for (const { name, meta, deliver } of DELIVERIES) {
  test.describe(`policy in ${name}`, () => {
    test('builds a stack, lays it out, exports and shows blocks with no violation', async ({
      page,
      consoleErrors
    }) => {
      test.setTimeout(60_000);
      await deliver(page);
      const violations = await collectViolations(page);
      const cspMessages: string[] = [];
      const watch = (text: string) => {
        if (/content[- ]security[- ]policy|refused to [a-z]+/i.test(text)) cspMessages.push(text);
      };
      page.on('console', (m) => watch(m.text()));
      page.on('worker', (w) => w.on('console', (m) => watch(`worker: ${m.text()}`)));

      await openEditor(page);
      // The policy arrived the way this test means (the served page has no <meta>).
      await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(
        meta ? 1 : 0
      );

      // New, then Hardware → ESXi → Ubuntu from the palette, each on the one before.
      await fileMenu(page, 'New');
      await expect(nodes(page)).toHaveCount(0);
      for (const [item, id] of [
        ['Hardware (Hardware)', 'hw-1'],
        ['ESXi (Hypervisor)', 'hv-1'],
        ['Ubuntu (OS)', 'os-1']
      ]) {
        await paletteItem(page, item).click();
        await expect(node(page, id)).toBeVisible();
        await expect(renameInput(page)).toBeFocused();
        await page.keyboard.press('Escape');
      }
      await expect.poll(() => nodeIds(page)).toEqual(['hv-1', 'hw-1', 'os-1']);
      await expect(page.getByTestId('status')).toContainText('Type 1 ✓');

      // Auto layout (the ELK worker), then the autosave (IndexedDB).
      await page.getByRole('button', { name: 'Auto layout', exact: true }).click();
      await waitSaved(page);

      // Export → Download SVG (WebAssembly font subsetting, a blob download).
      const downloading = page.waitForEvent('download', { timeout: 45_000 });
      await page.getByText('Export', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Download SVG' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.svg$/);
      expect(await download.failure()).toBeNull();

      // The blocks view: the renderer's SVG inline in the page.
      const view = page.getByRole('combobox', { name: 'View', exact: true });
      await view.selectOption({ label: 'Blocks' });
      await expect(page.getByTestId('blocks-view').locator('svg')).toHaveCount(1);
      await page.waitForLoadState('networkidle');

      expect(await violations()).toEqual([]);
      expect(cspMessages).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    test('control: an inline handler injected by the test is blocked and reported', async ({
      page
    }) => {
      // Without this, "no violation" above could mean no policy applied or no listener ran.
      await deliver(page);
      const violations = await collectViolations(page);
      await openEditor(page);
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__pwned = 1');
        img.src = 'data:,not-an-image';
        document.body.append(img);
      });
      await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src/));
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
        undefined
      );
    });
  });
}
