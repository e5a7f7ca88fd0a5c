import type { Page } from '@playwright/test';
import {
  expect,
  flowPosition,
  node,
  nodes,
  openEditor,
  openFile,
  test,
  waitSaved
} from './fixtures';

// Labels that try to escape: hostile strings used as labels, the title and products are only
// ever text. Nothing executes, no dialog opens, no console error, the text shown is the label.

/** Every string here sets `window.__pwned` (or opens a dialog) if it is ever run as code. */
const HOSTILE_LABELS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<svg onload="window.__pwned=1"><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
  'javascript:window.__pwned=1//',
  '"><iframe src="javascript:parent.__pwned=1"></iframe>',
  "'><a href=\"javascript:alert(1)\" onmouseover='window.__pwned=1'>hover</a>",
  ']]><script>window.__pwned=1</script><![CDATA[',
  '<!-- --><img src=x onerror=alert(1)> -->',
  '</title><script>window.__pwned=1</script>',
  '</metadata><script>window.__pwned=1</script><metadata>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  "{@html '<img src=x onerror=alert(1)>'} ${alert(1)} {#if 1}x{/if}",
  '<style>*{display:none!important}</style>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;script&#62;',
  // Bidi overrides and isolates.
  '\u202Eexe.txt\u202C \u2066isolated\u2069 \u200Frtl\u200E mark',
  // Zero-width characters, a BOM and separators.
  'zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFbom \u2028line\u2029para',
  // Null and other control characters.
  'nul\u0000char\u0001\u0007\u001Fctl',
  // Very long words, and a very long label of short words.
  'Supercalifragilisticexpialidocious'.repeat(12),
  'word '.repeat(80).trim(),
  '👩‍💻𝕏 '.repeat(30).trim()
];

const HOSTILE_PRODUCTS: readonly string[] = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  ']]><!-- {{7*7}} \u202Eexe.gnp\u202C',
  'nul\u0000\u200Bproduct'
];

const HOSTILE_TITLE =
  '</title><script>window.__pwned=1</script> ]]> <!-- {{7*7}} \u202Egnp.exe\u202C zero\u200Bwidth nul\u0000 <img src=x onerror=alert(1)>';

const KIND_NAMES = {
  hardware: 'Hardware',
  firmware: 'Firmware',
  hypervisor: 'Hypervisor',
  os: 'OS',
  service: 'Service'
} as const;
type Kind = keyof typeof KIND_NAMES;

interface TestNode {
  id: string;
  kind: Kind;
  label: string;
  product?: string;
  hypervisorType?: 1 | 2;
}

/**
 * One valid stack carrying the corpus: hardware, a Type 1 hypervisor, half the labels as its
 * guest OSes (each with a hostile product), the rest as services on those OSes.
 */
function hostileDocument() {
  const labels = HOSTILE_LABELS;
  const product = (i: number) => HOSTILE_PRODUCTS[i % HOSTILE_PRODUCTS.length];
  const list: TestNode[] = [
    { id: 'n0', kind: 'hardware', label: labels[0] },
    { id: 'n1', kind: 'hypervisor', label: labels[1], product: product(0), hypervisorType: 1 }
  ];
  const edges: { id: string; source: string; target: string }[] = [
    { id: 'e1', source: 'n0', target: 'n1' }
  ];
  const rest = labels.slice(2);
  const osCount = Math.ceil(rest.length / 2);
  rest.forEach((label, i) => {
    const id = `n${i + 2}`;
    if (i < osCount) {
      list.push({ id, kind: 'os', label, product: product(i + 1) });
      edges.push({ id: `e${i + 2}`, source: 'n1', target: id });
    } else {
      list.push({ id, kind: 'service', label });
      edges.push({ id: `e${i + 2}`, source: `n${2 + ((i - osCount) % osCount)}`, target: id });
    }
  });
  return { version: 1, title: HOSTILE_TITLE, nodes: list, edges };
}

/** What the core shows for a label: the trimmed label (an empty one shows the id). */
const nodeName = (n: TestNode) => (n.label.trim() === '' ? n.id : n.label.trim());

/** What the SVG renderer writes for a string: characters XML cannot carry become U+FFFD. */
const xmlSafe = (s: string) =>
  s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd'
  );

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** Record every dialog (dismissing it) and every CSP violation; a blocked script is one. */
async function watchForEscapes(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
    );
  });
  return dialogs;
}

/** Nothing ran: no flag, no CSP violation (an injected handler CSP blocked is still a bug). */
async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
    const onAttributes: string[] = [];
    const jsUrls: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) onAttributes.push(`${el.tagName} ${a.name}`);
        if (/^\s*javascript:/i.test(a.value) && /href|src|action/i.test(a.name))
          jsUrls.push(`${el.tagName} ${a.name}`);
      }
    }
    return {
      pwned: w.__pwned,
      violations: w.__violations ?? [],
      onAttributes,
      jsUrls,
      iframes: document.querySelectorAll('iframe, object, embed, foreignObject').length,
      strayImages: document.querySelectorAll('img[src="x"], image[href="x"]').length
    };
  });
  expect(state).toEqual({
    pwned: undefined,
    violations: [],
    onAttributes: [],
    jsUrls: [],
    iframes: 0,
    strayImages: 0
  });
  expect(dialogs).toEqual([]);
}

/** Counts of elements that should never be added by a document (only by the app itself). */
const countRisky = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ['script', 'style', 'link', 'iframe', 'img', 'a', 'animate', 'meta', 'base'].map((t) => [
        t,
        document.getElementsByTagName(t).length
      ])
    )
  );

/** Open a document through the hidden file input. */
test.use({ viewport: { width: 1600, height: 1000 } });

test('hostile labels, title and products are shown as text and never run', async ({
  page,
  consoleErrors
}) => {
  test.setTimeout(60_000);
  const dialogs = await watchForEscapes(page);
  await openEditor(page);
  const riskyBefore = await countRisky(page);

  const doc = hostileDocument();
  await openFile(page, 'hostile.json', 'application/json', JSON.stringify(doc, null, 2));
  await expect(nodes(page)).toHaveCount(doc.nodes.length);
  // Wait for the automatic layout (the hypervisor above the hardware) and its save.
  await expect
    .poll(async () => (await flowPosition(page, 'n0')).y - (await flowPosition(page, 'n1')).y, {
      timeout: 30_000
    })
    .toBeGreaterThan(0);
  await waitSaved(page);

  // The title, exactly.
  expect(await page.getByLabel('Diagram title').inputValue()).toBe(HOSTILE_TITLE);

  // Each node: its aria-label carries the whole label, its visible lines show it (wrapped,
  // and cut with an ellipsis after three lines when too long).
  const shown = await nodes(page).evaluateAll((all) =>
    all.map((el) => ({
      id: (el.getAttribute('data-testid') ?? '').replace(/^node-/, ''),
      aria: el.getAttribute('aria-label') ?? '',
      lines: Array.from(el.querySelectorAll('.node-label span')).map((s) => s.textContent ?? '')
    }))
  );
  const byId = new Map(shown.map((s) => [s.id, s]));
  const cut: string[] = [];
  for (const n of doc.nodes) {
    const s = byId.get(n.id);
    expect(s, n.id).toBeDefined();
    const prefix = `${KIND_NAMES[n.kind]}: ${nodeName(n)}`;
    // Problems, if any, follow in parentheses.
    expect(
      s!.aria === prefix || s!.aria.startsWith(`${prefix} (`),
      `${n.id} aria-label ${JSON.stringify(s!.aria)}`
    ).toBe(true);
    expect(s!.lines.length, n.id).toBeGreaterThanOrEqual(1);
    expect(s!.lines.length, n.id).toBeLessThanOrEqual(3);
    const last = s!.lines[s!.lines.length - 1];
    if (last.endsWith('…') && !nodeName(n).endsWith('…')) {
      cut.push(n.id);
      expect(s!.lines, n.id).toHaveLength(3);
      const visible = noSpace(s!.lines.join('').slice(0, -1));
      expect(noSpace(nodeName(n)).startsWith(visible), `${n.id}: ${visible}`).toBe(true);
      expect(visible.length, n.id).toBeGreaterThan(20);
    } else {
      expect(noSpace(s!.lines.join('')), n.id).toBe(noSpace(nodeName(n)));
    }
  }
  // The very long labels (the last three) were cut, not left to overflow.
  const longOnes = doc.nodes.slice(-3).map((n) => n.id);
  expect(cut).toEqual(expect.arrayContaining(longOnes));

  // The inspector shows labels and products exactly as written: every node with a product,
  // and every label with characters beyond printable ASCII (bidi, zero-width, controls).
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const inspected = doc.nodes.filter(
    (n) => n.product !== undefined || /[^\x20-\x7e]/.test(n.label)
  );
  expect(inspected.length).toBeGreaterThanOrEqual(12);
  for (const n of inspected) {
    await node(page, n.id).click();
    await expect(page.getByTestId('inspector-label'), n.id).toHaveValue(n.label);
    expect(await page.getByTestId('inspector-label').inputValue(), n.id).toBe(n.label);
    if (n.product !== undefined)
      expect(await inspector.getByLabel('Product').inputValue(), n.id).toBe(n.product);
  }
  await expect(
    page.locator('li.problem').first().or(page.getByTestId('no-problems')).first()
  ).toBeVisible();

  await expectNothingRan(page, dialogs);
  expect(await countRisky(page)).toEqual(riskyBefore);

  // The blocks view draws the same document with the export's renderer ({@html}).
  const view = page.getByRole('combobox', { name: 'View', exact: true });
  await view.selectOption({ label: 'Blocks' });
  const blocks = page.getByTestId('blocks-view');
  await expect(blocks.locator('svg')).toHaveCount(1);
  const drawn = await blocks.evaluate((el) => ({
    title: el.querySelector('svg > title')?.textContent ?? null,
    nodeTitles: Array.from(el.querySelectorAll('g[data-kind] > title')).map(
      (t) => t.textContent ?? ''
    ),
    // The renderer's own <style> (font and font-family) is the only one.
    risky: Array.from(
      el.querySelectorAll('script, style, iframe, img, foreignObject, animate, a, set')
    ).map((e) => `${e.parentElement?.tagName} > ${e.tagName}`),
    style: el.querySelector('style')?.textContent ?? '',
    elements: el.querySelectorAll('*').length
  }));
  expect(drawn.title).toBe(xmlSafe(HOSTILE_TITLE));
  expect([...drawn.nodeTitles].sort()).toEqual(doc.nodes.map((n) => xmlSafe(nodeName(n))).sort());
  expect(drawn.risky).toEqual(['svg > style']);
  expect(drawn.style).not.toContain('display:none');
  expect(drawn.elements).toBeGreaterThan(doc.nodes.length * 3);

  // Back to the graph, and a moment for anything deferred to fire.
  await view.selectOption({ label: 'Graph' });
  await expect(nodes(page)).toHaveCount(doc.nodes.length);
  await page.waitForTimeout(300);
  await expectNothingRan(page, dialogs);
  expect(consoleErrors).toEqual([]);
});

test('opening an SVG reads only its <metadata> document, as data', async ({
  page,
  consoleErrors
}) => {
  const dialogs = await watchForEscapes(page);
  await openEditor(page);
  const riskyBefore = await countRisky(page);

  const doc = {
    version: 1,
    title: 'From a booby-trapped SVG',
    nodes: [
      { id: 'hw', kind: 'hardware', label: 'Server' },
      { id: 'hv', kind: 'hypervisor', label: '<script>window.__pwned=1</script>', product: 'ESXi' },
      { id: 'vm', kind: 'os', label: '<img src=x onerror="window.__pwned=1">' }
    ],
    edges: [
      { id: 'e1', source: 'hw', target: 'hv' },
      { id: 'e2', source: 'hv', target: 'vm' }
    ]
  };
  // As the exporter writes it: JSON with <, > and & as JSON escapes.
  const json = JSON.stringify(doc)
    .replace(/&/g, '\\u0026')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="window.__pwned=1;alert(\'onload\')">',
    '<script>window.__pwned=1;alert("script")</script>',
    '<script href="data:text/javascript,window.__pwned=1"/>',
    '<image href="x" onerror="window.__pwned=1"/>',
    '<foreignObject width="10" height="10"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=1"/></foreignObject>',
    '<a xlink:href="javascript:window.__pwned=1"><text y="20">click</text></a>',
    '<animate onbegin="window.__pwned=1" attributeName="x" dur="1s"/>',
    '<metadata id="decoy"><![CDATA[{"version":1,"title":"decoy","nodes":[],"edges":[]}]]></metadata>',
    `<metadata id="stackdraw-document">${json}</metadata>`,
    '<script>window.__pwned=2</script>',
    '</svg>'
  ].join('\n');
  await openFile(page, 'trap.svg', 'image/svg+xml', svg);

  await expect(page.getByLabel('Diagram title')).toHaveValue('From a booby-trapped SVG');
  await expect(nodes(page)).toHaveCount(3);
  await expect(node(page, 'hv')).toHaveAttribute(
    'aria-label',
    /^Hypervisor: <script>window\.__pwned=1<\/script>/
  );
  await expect(node(page, 'vm')).toHaveAttribute(
    'aria-label',
    /^OS: <img src=x onerror="window\.__pwned=1">/
  );
  await expect(node(page, 'vm').locator('.node-label')).toContainText('<img');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await waitSaved(page);
  await page.waitForTimeout(300);

  await expectNothingRan(page, dialogs);
  expect(await countRisky(page)).toEqual(riskyBefore);
  expect(consoleErrors).toEqual([]);
});
