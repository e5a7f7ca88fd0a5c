import type { Page } from '@playwright/test';
import { CANVAS_1366X768, fitZoom, nodeBounds } from '../../src/lib/core/layout/viewport.fixture';
import {
  edgeNamed,
  expect,
  node,
  openFile,
  openEditor,
  paletteItem,
  test,
  waitSaved,
  waitStill
} from './fixtures';

// Cluster frames on the canvas, and big diagrams placed in rows so that fitting them on a
// laptop's window still shows something readable.

test.describe.configure({ timeout: 90_000 });

/**
 * Three machines, each a Type 1 stack (hardware, ESXi, one guest), no positions: the first
 * and the third in one cluster with HA and a Korean name, the second in none.
 */
function clusteredDocument() {
  const nodes: { id: string; kind: string; label: string }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  for (const m of [1, 2, 3]) {
    nodes.push(
      { id: `hw${m}`, kind: 'hardware', label: `Server ${m}` },
      { id: `esxi${m}`, kind: 'hypervisor', label: `ESXi 8 (${m})` },
      { id: `vm${m}`, kind: 'os', label: `Ubuntu ${m}` }
    );
    edges.push(
      { id: `e-esxi${m}`, source: `hw${m}`, target: `esxi${m}` },
      { id: `e-vm${m}`, source: `esxi${m}`, target: `vm${m}` }
    );
  }
  return {
    version: 1,
    title: 'Cluster',
    nodes,
    edges,
    clusters: [{ id: 'c1', label: '운영 클러스터', members: ['hw1', 'hw3'], ha: true }]
  };
}

/** Open the clustered document in a 1366×768 window; its frame once laid out and saved. */
async function openClustered(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openEditor(page);
  await openFile(page, 'cluster.json', 'application/json', JSON.stringify(clusteredDocument()));
  const frame = page.locator('[data-cluster-id="c1"]');
  await expect(frame).toBeVisible({ timeout: 30_000 });
  await waitSaved(page);
  return frame;
}

/** The page box (px) of an element. */
async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
}

const contains = (
  outer: { x: number; y: number; width: number; height: number },
  inner: { x: number; y: number; width: number; height: number }
) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number }
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a cluster is drawn as a titled frame around its member stacks, behind them', async ({
  page
}, testInfo) => {
  const frame = await openClustered(page);
  // The frame's title says the name and that HA is on.
  await expect(frame.getByRole('button', { name: '운영 클러스터 · HA' })).toHaveText(
    '운영 클러스터 · HA'
  );
  // Nodes glide into place: wait until the frame holds both member stacks.
  const members = ['hw1', 'esxi1', 'vm1', 'hw3', 'esxi3', 'vm3'];
  await expect
    .poll(async () => {
      const f = await box(page, '[data-cluster-id="c1"]');
      for (const id of members) if (!contains(f, await box(page, `[data-id="${id}"]`))) return id;
      return 'all inside';
    })
    .toBe('all inside');
  // The machine in no cluster stands outside the frame: the members stand next to each other.
  // (Polled: its nodes may still be gliding to their places when the members have arrived.)
  await expect
    .poll(async () => {
      const f = await box(page, '[data-cluster-id="c1"]');
      for (const id of ['hw2', 'esxi2', 'vm2'])
        if (overlaps(f, await box(page, `[data-id="${id}"]`))) return id;
      return 'all outside';
    })
    .toBe('all outside');
  const f = await box(page, '[data-cluster-id="c1"]');
  // Behind the nodes: the topmost element at a node's centre is the node, not the frame.
  const hw1 = await box(page, '[data-id="hw1"]');
  expect(
    await page.evaluate(
      ([x, y]) => !!document.elementFromPoint(x, y)?.closest('.svelte-flow__node'),
      [hw1.x + hw1.width / 2, hw1.y + hw1.height / 2]
    )
  ).toBe(true);
  // An empty spot inside the frame is the pane's (box selection, clicks), not the frame's.
  const empty = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.className ?? '',
    [f.x + f.width - 6, f.y + f.height - 6]
  );
  expect(String(empty)).toContain('svelte-flow__pane');
  await page.screenshot({ path: testInfo.outputPath('cluster-frame.png') });

  // A palette item dropped onto a member inside the frame lands on that node.
  await paletteItem(page, 'Web server (Service)').dragTo(node(page, 'vm3'));
  await expect(edgeNamed(page, 'Web server runs on Ubuntu 3')).toHaveCount(1);

  // Placed by hand, a member's node takes the frame with it, during the drag and after.
  await page.getByLabel('Arrange automatically').uncheck();
  const vm1 = page.locator('[data-id="vm1"]');
  await waitStill(vm1);
  const from = await box(page, '[data-id="vm1"]');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 60, from.y - 90, { steps: 8 });
  expect(
    contains(await box(page, '[data-cluster-id="c1"]'), await box(page, '[data-id="vm1"]'))
  ).toBe(true);
  await page.mouse.up();
  await waitSaved(page);
  const moved = await box(page, '[data-id="vm1"]');
  expect(moved.y).toBeLessThan(from.y - 60);
  expect(contains(await box(page, '[data-cluster-id="c1"]'), moved)).toBe(true);
});

test('dark theme: the frame in its dark colours', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const frame = await openClustered(page);
  // The dark frame fill (FRAME_COLOURS.dark.fill), not the light one.
  await expect(frame).toHaveCSS('background-color', 'rgb(23, 32, 51)');
  await page.waitForTimeout(400);
  await page.screenshot({ path: testInfo.outputPath('cluster-frame-dark.png') });
});

/** 100 machines, each with a Type 1 hypervisor (ESXi): 200 nodes, no positions. */
function hundredStacks() {
  const nodes: { id: string; kind: string; label: string }[] = [];
  const edges: { id: string; source: string; target: string }[] = [];
  for (let m = 0; m < 100; m++) {
    nodes.push(
      { id: `hw-${m}`, kind: 'hardware', label: `Server ${m}` },
      { id: `hv-${m}`, kind: 'hypervisor', label: `ESXi ${m}` }
    );
    edges.push({ id: `e-${m}`, source: `hw-${m}`, target: `hv-${m}` });
  }
  return { version: 1, title: 'A hundred machines', nodes, edges };
}

test('100 stacks in a 1366×768 window: placed in rows, fitted at a zoom of 0.25 or more', async ({
  page
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openEditor(page);
  // The canvas the unit tests compute the fit for is this window's.
  const canvas = await box(page, '.canvas');
  expect({ width: Math.round(canvas.width), height: Math.round(canvas.height) }).toEqual(
    CANVAS_1366X768
  );
  await openFile(page, 'hundred.json', 'application/json', JSON.stringify(hundredStacks()));
  await expect(page.locator('.svelte-flow__node')).toHaveCount(200, { timeout: 30_000 });
  await waitSaved(page);
  const zoom = async () => {
    const t = await page
      .locator('.svelte-flow__viewport')
      .evaluate((el) => (el as HTMLElement).style.transform);
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? NaN);
  };
  const boundsNow = async () =>
    nodeBounds(
      await page.locator('.svelte-flow__node').evaluateAll((all) =>
        Object.fromEntries(
          all.map((el) => {
            const e = el as HTMLElement;
            const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(e.style.transform)!;
            return [
              e.dataset.id!,
              { x: Number(m[1]), y: Number(m[2]), width: e.offsetWidth, height: e.offsetHeight }
            ];
          })
        )
      )
    );
  // Laid out and fitted: once the layout has landed, the zoom is the one fitZoom predicts
  // from the positions on the page.
  await expect
    .poll(async () => Math.abs((await zoom()) - fitZoom(await boundsNow())), { timeout: 15_000 })
    .toBeLessThan(0.005);
  const bounds = await boundsNow();
  // Rows: much taller than one 146 px stack, not 100 stacks wide.
  expect(bounds.height).toBeGreaterThan(1000);
  expect(await zoom()).toBeGreaterThanOrEqual(0.25);
  await page.screenshot({ path: testInfo.outputPath('hundred-stacks.png') });
});
