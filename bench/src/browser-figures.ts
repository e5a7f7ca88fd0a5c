import { chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import type { DiagramDocument } from '../../src/lib/core/index';
import { chromiumLaunchOptions } from '../../tests/browser/browser';
import { formatNumber, formatValue, type Figure } from './figures';
import { standardDocument } from './generate';
import { laidOutDocument, type ExportResult, type Log } from './node-figures';
import { root } from './paths';
import { serve } from './serve';
import { quantile, repeat, summarize, type Stat } from './stats';

/**
 * Section 5 (and the browser peer of section 3): the built app and a bare Svelte Flow page,
 * each served from this process on 127.0.0.1, driven by Playwright in Chromium. Everything
 * timed is timed inside the page (performance.now, requestAnimationFrame, PerformanceObserver),
 * so Playwright's own round trips are not counted.
 */

const VIEWPORT = { width: 1280, height: 800 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes: number) => formatNumber(bytes, 'KB');
const ms = (v: number) => formatNumber(v, 'ms');

/** The page-side state the bench reads back (set by init scripts and evaluate calls). */
interface BenchWindow {
  __bench: {
    readyAt?: number;
    frames?: number[];
    framesStop?: boolean;
    longTasks: { start: number; duration: number }[];
    clickAt?: number;
    movedAt?: number;
    dropAt?: number;
    shownAt?: number;
  };
  htmlToImage: {
    toSvg(node: HTMLElement, options: Record<string, unknown>): Promise<string>;
  };
}
declare const window: Window & BenchWindow;

function vite(args: string[]): void {
  const run = spawnSync(process.execPath, [root('node_modules/vite/bin/vite.js'), ...args], {
    cwd: root(''),
    encoding: 'utf8'
  });
  if (run.status !== 0)
    throw new Error(`vite ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
}

/** Before any script of a page: when the editor is usable, and long tasks. */
function installProbes() {
  window.__bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Editable: the app says it has loaded its document and a node is drawn (visible).
  const check = () => {
    const ready = document.querySelector('[data-ready="true"]');
    const node = document.querySelector('.svelte-flow__node');
    if (ready && node && getComputedStyle(node).visibility !== 'hidden') {
      window.__bench.readyAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function newPage(browser: Browser, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', ...options });
  const page = await context.newPage();
  await page.addInitScript(installProbes);
  return { context, page };
}

async function waitReady(page: Page) {
  await page.waitForFunction(() => window.__bench?.readyAt !== undefined, null, {
    timeout: 60_000
  });
}

/** Wait until the autosave has written the document (the editor has settled), then a bit. */
async function settle(page: Page, extra = 800) {
  await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 60_000 });
  await sleep(extra);
}

/** Open a document through the editor's file input; wait until all its nodes are drawn. */
async function openDocument(page: Page, doc: DiagramDocument, arrange: boolean) {
  if (!arrange) await page.getByLabel('Arrange automatically').uncheck();
  await page.getByTestId('open-file').setInputFiles({
    name: 'bench.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc))
  });
  await page.waitForFunction(
    (n) => document.querySelectorAll('.svelte-flow__node').length === n,
    doc.nodes.length,
    { timeout: 120_000 }
  );
  await settle(page, 1500);
}

// ── 5a. JavaScript before the editor is usable, and time to an editable canvas ─────────

async function loadFigures(browser: Browser, url: string, log: Log): Promise<Figure[]> {
  const gz: number[] = [];
  /** Per run: the scripts counted (fetched before the canvas was editable), by file name. */
  const counted: Set<string>[] = [];
  /** Every script any run fetched, by file name, with its gzip size. */
  const sizes = new Map<string, number>();
  const time = await repeat({ warmup: 1, runs: 7, budget: 25_000 }, async (run) => {
    const { context, page } = await newPage(browser);
    // Bodies of every script response, page and workers, by URL.
    const bodies = new Map<string, Promise<Buffer>>();
    context.on('response', (r) => {
      if (/\.m?js(\?|$)/.test(r.url())) bodies.set(r.url(), r.body());
    });
    await page.goto(url);
    await waitReady(page);
    await sleep(1500); // what loads after (ELK, fonts) has had time to.
    const { readyAt, scripts } = await page.evaluate(() => ({
      readyAt: window.__bench.readyAt!,
      scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.m?js(\?|$)/.test(e.name))
        .map((e) => ({ name: e.name, end: e.responseEnd }))
    }));
    await context.close();
    for (const [name, body] of bodies)
      sizes.set(fileName(name), gzipSync(await body, { level: 9 }).length);
    // Scripts a worker fetched are not in the page's timeline: they count as later.
    const before = scripts.filter((s) => s.end <= readyAt).map((s) => fileName(s.name));
    for (const name of before)
      if (!sizes.has(name)) throw new Error(`no body recorded for ${name}`);
    if (run >= 0) {
      counted.push(new Set(before));
      gz.push(before.reduce((sum, name) => sum + sizes.get(name)!, 0));
    }
    return readyAt;
  });
  const bytes = summarize(gz);
  const always = [...sizes.keys()].filter((n) => counted.every((c) => c.has(n)));
  const sometimes = [...sizes.keys()].filter(
    (n) => !always.includes(n) && counted.some((c) => c.has(n))
  );
  const never = [...sizes.keys()].filter((n) => counted.every((c) => !c.has(n)));
  const sum = (names: string[]) => names.reduce((t, n) => t + sizes.get(n)!, 0);
  const list = (names: string[]) =>
    names.map((n) => `${n} (${kb(sizes.get(n)!)})`).join(', ') || 'none';
  log(`  load: ${kb(bytes.median)} gzip JS before usable; editable after ${ms(time.median)}`);
  return [
    {
      key: 'browser.load.jsGzip',
      section: 5,
      name: 'JavaScript before the editor is usable (gzip)',
      unit: 'KB',
      value: bytes,
      target: '≤ 150 KB',
      met: bytes.median <= 150 * 1024,
      note:
        `script responses that ended before the canvas was editable, each gzipped (level 9): ` +
        `always ${kb(sum(always))} in ${always.length} files` +
        (sometimes.length
          ? `; in ${counted.filter((c) => sometimes.some((n) => c.has(n))).length} of ${counted.length} runs also ${list(sometimes)}, started early (a race with the document's load)`
          : '') +
        `; only afterwards: ${list(never)}`
    },
    {
      key: 'browser.load.editable',
      section: 5,
      name: 'Navigation to an editable canvas (first visit, default example)',
      unit: 'ms',
      value: time,
      target: '≤ 1 s',
      met: time.median <= 1000
    }
  ];
}

const fileName = (url: string) => url.replace(/^.*\//, '');

// ── 5b. Frame times while dragging a node ─────────────────────────────────────────────

/** The id of the node (matching `selector`) whose centre is nearest the flow's centre. */
async function centralNode(page: Page, selector = '.svelte-flow__node'): Promise<string> {
  return page.evaluate((selector) => {
    const pane = document.querySelector('.svelte-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { id: string; d: number } | undefined;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const flowNode = el.closest<HTMLElement>('.svelte-flow__node')!;
      const r = flowNode.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || d < best.d) best = { id: flowNode.dataset.id!, d };
    }
    return best!.id;
  }, selector);
}

/**
 * A point of a node that grabs the node itself: at a small zoom its centre may be one of
 * its handles (which starts a connection, not a drag or a selection).
 */
async function gripPoint(page: Page, id: string) {
  const box = await page.locator(`.svelte-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  const grip = await page.evaluate(
    ({ id, box }) => {
      for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7])
        for (const fx of [0.5, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
          const x = box.x + box.width * fx;
          const y = box.y + box.height * fy;
          const hit = document.elementFromPoint(x, y);
          const node = hit?.closest<HTMLElement>('.svelte-flow__node');
          if (node?.dataset.id === id && !hit!.closest('.nodrag')) return { x, y };
        }
      return null;
    },
    { id, box }
  );
  if (!grip) throw new Error(`no point of node ${id} grabs it (zoom too small?)`);
  return { ...grip, box };
}

/**
 * Drag a node `dx`, `dy` screen pixels in 60 steps, one about every 16 ms (a mouse's pace),
 * and return the requestAnimationFrame intervals seen meanwhile.
 */
async function dragFrames(page: Page, id: string, dx: number, dy: number): Promise<number[]> {
  const grip = await gripPoint(page, id);
  const box = grip.box;
  const x0 = grip.x;
  const y0 = grip.y;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 2, y0 + 2);
  await page.evaluate(() => {
    const b = window.__bench;
    b.frames = [];
    b.framesStop = false;
    let last: number | undefined;
    const tick = (t: number) => {
      if (last !== undefined) b.frames!.push(t - last);
      last = t;
      if (!b.framesStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const STEPS = 60;
  for (let i = 1; i <= STEPS; i++) {
    await page.mouse.move(x0 + 2 + (dx * i) / STEPS, y0 + 2 + (dy * i) / STEPS);
    await sleep(16);
  }
  const frames = await page.evaluate(() => {
    window.__bench.framesStop = true;
    return window.__bench.frames!;
  });
  // The node must have followed the mouse, or nothing was measured.
  const moved = await page.locator(`.svelte-flow__node[data-id="${id}"]`).boundingBox();
  await page.mouse.up();
  if (!moved || Math.abs(moved.x - box.x) < Math.abs(dx) / 2)
    throw new Error(`node ${id} did not follow the drag`);
  return frames;
}

/** The flow's current zoom, from its viewport transform. */
function currentZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t = (document.querySelector('.svelte-flow__viewport') as HTMLElement).style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 1);
  });
}

interface DragResult {
  /** Medians of the runs' median frame times. */
  median: Stat;
  p95: number;
  zoom: number;
}

/** Several drags of the central node, back and forth; a warm-up drag first. */
async function dragRuns(page: Page, id: string): Promise<DragResult> {
  const all: number[] = [];
  const median = await repeat({ warmup: 1, runs: 5, budget: 15_000 }, async (run) => {
    // Back and forth, so the node ends where it started.
    const dir = run % 2 === 0 ? -1 : 1;
    const frames = await dragFrames(page, id, 240 * dir, 60 * dir);
    if (run >= 0) all.push(...frames);
    await sleep(600);
    return summarize(frames).median;
  });
  return { median, p95: quantile(all, 0.95), zoom: await currentZoom(page) };
}

/**
 * Zoom the app's canvas to `target` around the screen point `at` with Ctrl + wheel (a pinch:
 * Svelte Flow zooms at the pointer), correcting until within 2 %.
 */
async function zoomTo(page: Page, target: number, at: { x: number; y: number }): Promise<number> {
  await page.mouse.move(at.x, at.y);
  let zoom = await currentZoom(page);
  let perUnit = 0.01; // log2 of the zoom per wheel unit, learnt from the first step
  for (let i = 0; i < 12 && Math.abs(Math.log2(zoom / target)) > 0.03; i++) {
    const delta = Math.max(-400, Math.min(400, -Math.log2(target / zoom) / perUnit));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, delta);
    await page.keyboard.up('Control');
    await sleep(300);
    const next = await currentZoom(page);
    if (next !== zoom && delta !== 0) perUnit = Math.abs(Math.log2(next / zoom) / delta);
    zoom = next;
  }
  return zoom;
}

interface DragCase {
  n: number;
  /** 'fit': the zoom the editor fits on open; 1: how people edit, centred on a stack. */
  zoom: 'fit' | 1;
}

async function dragCase(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  c: DragCase,
  log: Log
): Promise<Figure[]> {
  const { n } = c;
  const app = await newPage(browser);
  await app.page.goto(appUrl);
  await waitReady(app.page);
  await settle(app.page, 300);
  // A laid-out document: opening it lays it out again (to the same places) and fits the view.
  await openDocument(app.page, await laidOutDocument(n), true);
  const canvas = (await app.page.locator('.svelte-flow').boundingBox())!;
  if (c.zoom === 1) {
    const grip = await gripPoint(app.page, await centralNode(app.page, '[data-kind="os"]'));
    await zoomTo(app.page, 1, grip);
    await sleep(800);
  }
  const zoom = await currentZoom(app.page);
  const ours = await dragRuns(app.page, await centralNode(app.page, '[data-kind="os"]'));
  await app.context.close();

  const bare = await newPage(browser);
  await bare.page.goto(
    `${bareUrl}/?n=${n}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}&z=${zoom}`
  );
  await bare.page.waitForFunction(
    (n) => document.querySelectorAll('.svelte-flow__node').length === n,
    n
  );
  await sleep(1000);
  const peer = await dragRuns(bare.page, await centralNode(bare.page));
  await bare.context.close();

  const p95Ratio = ours.p95 / peer.p95;
  const where = c.zoom === 1 ? 'zoom 1' : `fitted zoom ${ours.zoom.toFixed(2)}`;
  const key = `browser.drag.${n}.${c.zoom === 1 ? 'zoom1' : 'fit'}`;
  log(
    `  drag ${n} (${where}): ${ms(ours.median.median)} (p95 ${ms(ours.p95)}); bare ${ms(peer.median.median)} (p95 ${ms(peer.p95)}, zoom ${peer.zoom.toFixed(2)})`
  );
  const medianGoal = c.zoom === 1 && n === 300;
  return [
    {
      key: `${key}.frame`,
      section: 5,
      name: `Median frame while dragging a node, ${n} nodes, ${where}`,
      unit: 'ms',
      value: ours.median,
      peer: `bare Svelte Flow ${formatValue({ value: peer.median, unit: 'ms' })}`,
      ratio: ours.median.median / peer.median.median,
      // 60 Hz: a frame every 16.67 ms is the floor of a requestAnimationFrame interval.
      ...(medianGoal ? { target: '≤ 16.7 ms', met: ours.median.median <= 16.75 } : {}),
      note: `95th percentile ${ms(ours.p95)} (bare page ${ms(peer.p95)}); the bare page at the same zoom and canvas size; a frame is a requestAnimationFrame interval`
    },
    {
      key: `${key}.p95ratio`,
      section: 5,
      name: `95th-percentile drag frame vs bare Svelte Flow, ${n} nodes, ${where}`,
      unit: 'ms',
      value: ours.p95,
      peer: `bare Svelte Flow ${ms(peer.p95)}`,
      ratio: p95Ratio,
      target: '≤ 1.3× bare',
      met: p95Ratio <= 1.3
    }
  ];
}

async function dragFigures(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  log: Log
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of [300, 1_000])
    for (const zoom of ['fit', 1] as const)
      figures.push(...(await dragCase(browser, appUrl, bareUrl, { n, zoom }, log)));
  return figures;
}

// ── 5c. Long tasks while auto layout runs on 1,000 nodes ───────────────────────────────

/** The 1k document with every node on one grid, in document order: not a layout. */
function gridDocument(n: number): DiagramDocument {
  const doc = standardDocument(n);
  return {
    ...doc,
    nodes: doc.nodes.map((node, i) => ({
      ...node,
      position: { x: (i % 40) * 190, y: Math.floor(i / 40) * 90 }
    }))
  };
}

async function longTaskFigures(browser: Browser, url: string, log: Log): Promise<Figure[]> {
  const counts: number[] = [];
  const longest: number[] = [];
  const applied: number[] = [];
  let timedOut = 0;
  let measured = 0;
  const doc = gridDocument(1_000);
  // No warm-up run of its own: every run is a fresh page, and the browser has already
  // loaded the app in the parts before.
  await repeat({ warmup: 0, runs: 3, budget: 60_000 }, async (run) => {
    const { context, page } = await newPage(browser);
    await page.goto(url);
    await waitReady(page);
    await settle(page, 300);
    await openDocument(page, doc, false);
    const probe = await centralNode(page, '[data-kind="service"]');
    const button = page.getByRole('button', { name: 'Auto layout', exact: true });
    await button.evaluate((b) =>
      b.addEventListener('click', (e) => (window.__bench.clickAt ??= e.timeStamp), {
        capture: true
      })
    );
    await page.locator(`.svelte-flow__node[data-id="${probe}"]`).evaluate((el) => {
      const initial = (el as HTMLElement).style.transform;
      new MutationObserver(() => {
        if ((el as HTMLElement).style.transform !== initial)
          window.__bench.movedAt ??= performance.now();
      }).observe(el, { attributes: true, attributeFilter: ['style'] });
    });
    await button.click();
    // The nodes move, or the editor gives up (its layout timeout) and says so.
    await page.waitForFunction(
      () => window.__bench.movedAt !== undefined || !!document.querySelector('.notice.error'),
      null,
      { timeout: 60_000 }
    );
    const failed = await page.evaluate(() => window.__bench.movedAt === undefined);
    if (!failed) await settle(page, 1500);
    const r = await page.evaluate(() => {
      const b = window.__bench;
      const tasks = b.longTasks.filter((t) => t.start + t.duration >= b.clickAt!);
      return {
        count: tasks.length,
        longest: Math.max(0, ...tasks.map((t) => t.duration)),
        applied: (b.movedAt ?? performance.now()) - b.clickAt!
      };
    });
    await context.close();
    if (run >= 0) {
      measured++;
      if (failed) timedOut++;
      counts.push(r.count);
      longest.push(r.longest);
      applied.push(r.applied);
    }
    return r.count;
  });
  const count = summarize(counts);
  const longestStat = summarize(longest);
  const appliedStat = summarize(applied);
  log(
    `  auto layout 1k: ${count.median} long tasks, longest ${ms(longestStat.median)}, positions after ${ms(appliedStat.median)}${timedOut ? `, timed out ${timedOut}×` : ''}`
  );
  return [
    {
      key: 'browser.autoLayout.1k.longTasks',
      section: 5,
      name: 'Long tasks (> 50 ms) during auto layout, 1k nodes',
      unit: 'count',
      value: count,
      target: 'none',
      met: count.median === 0,
      note:
        `from the click until the laid-out positions are drawn and saved; longest ` +
        `${formatValue({ value: longestStat, unit: 'ms' })}; nodes moved ` +
        `${formatValue({ value: appliedStat, unit: 'ms' })} after the click (ELK in a worker)` +
        (timedOut ? `; the editor's layout timed out in ${timedOut} of ${measured} runs` : '')
    }
  ];
}

// ── 5d. From a change (add a node) to the problems list updated, at 1,000 nodes ────────

/**
 * Arm the page's clock for one user action: `window.__bench.dropAt` takes the timestamp of the
 * next `on` event, and `shownAt` the end of the first frame after it in which the `problem`
 * selector is present (`present`) or gone, in the Problems list (rAF, then a task after
 * paint).
 */
async function timeUntilShown(
  page: Page,
  on: 'click' | 'keydown',
  problem: string,
  present: boolean
): Promise<void> {
  await page.evaluate(
    ([on, problem, present]) => {
      const b = window.__bench;
      b.dropAt = undefined;
      b.shownAt = undefined;
      addEventListener(on, (e) => (b.dropAt = e.timeStamp), { capture: true, once: true });
      const section = document.querySelector('section[aria-label="Problems"]')!;
      const observer = new MutationObserver(() => {
        if (b.dropAt === undefined || !!document.querySelector(problem) !== present) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (b.shownAt = performance.now());
          channel.port2.postMessage(0);
        });
      });
      observer.observe(section, { childList: true, subtree: true });
    },
    [on, problem, present] as const
  );
}

async function dropFigures(browser: Browser, url: string, log: Log): Promise<Figure[]> {
  const { context, page } = await newPage(browser);
  await page.goto(url);
  await waitReady(page);
  await settle(page, 300);
  await openDocument(page, await laidOutDocument(1_000), true);
  const hv = await centralNode(page, '[data-kind="hypervisor"]');
  const grip = await gripPoint(page, hv);
  await page.mouse.click(grip.x, grip.y);
  await page.waitForSelector(`.svelte-flow__node[data-id="${hv}"].selected`);
  await settle(page, 500);
  const item = page
    .getByRole('region', { name: 'Palette' })
    .getByRole('button', { name: 'Web server (Service)', exact: true });
  const problem = 'section[aria-label="Problems"] li.problem[data-rule="invalid-host"]';
  const undo: number[] = [];
  const stat = await repeat({ warmup: 1, runs: 7, budget: 25_000 }, async (run) => {
    await timeUntilShown(page, 'click', problem, true);
    await item.click();
    await page.waitForFunction(() => window.__bench.shownAt !== undefined, null, {
      timeout: 30_000
    });
    const t = await page.evaluate(() => window.__bench.shownAt! - window.__bench.dropAt!);
    // Back to the valid document: close the rename input, undo the addition (timed: from
    // the key to the frame that shows the problem gone).
    await page.keyboard.press('Escape');
    await settle(page, 300);
    await timeUntilShown(page, 'keydown', problem, false);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((problem) => !document.querySelector(problem), problem);
    await page.waitForFunction(() => window.__bench.shownAt !== undefined, null, {
      timeout: 30_000
    });
    if (run >= 0)
      undo.push(await page.evaluate(() => window.__bench.shownAt! - window.__bench.dropAt!));
    await settle(page, 800);
    return t;
  });
  const undoStat = summarize(undo);
  const rename = await renameScript(page);
  await context.close();
  log(
    `  add → problems 1k: ${ms(stat.median)}; undo ${ms(undoStat.median)}; rename → canvas ${ms(rename.median)}`
  );
  return [
    {
      key: 'browser.undo.1k',
      section: 5,
      name: 'Undo of a structural change (the added node), 1k nodes',
      unit: 'ms',
      value: undoStat,
      target: '≤ 50 ms',
      met: undoStat.median <= 50,
      note: 'from the Ctrl+Z key to the frame that shows the problem gone'
    },
    {
      key: 'browser.rename.1k',
      section: 5,
      name: 'Rename one node → canvas updated (script), 1k nodes',
      unit: 'ms',
      value: rename,
      target: '≤ 16.7 ms',
      met: rename.median <= 16.7,
      note: 'from the Enter key that commits a one-character change to the node showing its new label (the synchronous work of the change: commands, validation, measuring, canvas model, DOM update)'
    },
    {
      key: 'browser.problems.1k',
      section: 5,
      name: 'Add a Web server onto a hypervisor → problem listed, 1k nodes',
      unit: 'ms',
      value: stat,
      target: '≤ 50 ms',
      met: stat.median <= 50,
      note: 'from the click on the palette item to the frame that shows the invalid-host problem (arrange automatically on, as by default)'
    }
  ];
}

/**
 * Rename a service near the centre, one character at a time: from the Enter key that commits
 * it to the node showing the new label (a MutationObserver sees the DOM change at the end of
 * the synchronous work), repeated.
 */
async function renameScript(page: Page): Promise<Stat> {
  const id = await centralNode(page, '[data-kind="service"]');
  const node = page.locator(`.svelte-flow__node[data-id="${id}"]`);
  return repeat({ warmup: 1, runs: 7, budget: 20_000 }, async (run) => {
    const grip = await gripPoint(page, id);
    await page.mouse.dblclick(grip.x, grip.y);
    const input = node.getByRole('textbox');
    await input.waitFor();
    const label = `${await input.inputValue()}${run < 0 ? 'w' : String.fromCharCode(97 + (run % 26))}`;
    await input.fill(label);
    await page.evaluate(
      ({ id, label }) => {
        const b = window.__bench;
        b.dropAt = undefined;
        b.shownAt = undefined;
        addEventListener('keydown', (e) => (b.dropAt = e.timeStamp), { capture: true, once: true });
        const el = document.querySelector(`.svelte-flow__node[data-id="${id}"]`)!;
        const observer = new MutationObserver(() => {
          if (el.querySelector('.node-label')?.textContent?.includes(label)) {
            observer.disconnect();
            b.shownAt = performance.now();
          }
        });
        observer.observe(el, { childList: true, subtree: true, characterData: true });
      },
      { id, label }
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__bench.shownAt !== undefined, null, {
      timeout: 30_000
    });
    const t = await page.evaluate(() => window.__bench.shownAt! - window.__bench.dropAt!);
    await settle(page, 800);
    return t;
  });
}

// ── 3 (peer). html-to-image's toSvg of the same diagram drawn by Svelte Flow ──────────

async function peerExportFigures(
  browser: Browser,
  url: string,
  doc: DiagramDocument,
  ours: ExportResult | undefined,
  log: Log
): Promise<Figure[]> {
  // The app's CSP forbids injected scripts: this one page runs without it.
  const { context, page } = await newPage(browser, { bypassCSP: true });
  await page.goto(url);
  await waitReady(page);
  await settle(page, 300);
  await openDocument(page, doc, false);
  await page.addScriptTag({ path: root('node_modules/html-to-image/dist/html-to-image.js') });
  // Warm-up: one node, so the library's code and font lookups are warm, without paying
  // for a whole second picture.
  await page.evaluate(async () => {
    await window.htmlToImage.toSvg(document.querySelector<HTMLElement>('.svelte-flow__node')!, {});
  });
  let bytes = 0;
  let pure = false;
  const time = await repeat({ warmup: 0, runs: 3, minRuns: 2, budget: 30_000 }, async () => {
    const r = await page.evaluate(async () => {
      // As Svelte Flow's "download image" example: the viewport element, transformed so
      // the nodes' bounds fill the picture (here at zoom 1, like our export, plus padding).
      const viewport = document.querySelector<HTMLElement>('.svelte-flow__viewport')!;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const el of document.querySelectorAll<HTMLElement>('.svelte-flow__node')) {
        const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
        if (!m) continue;
        const x = Number(m[1]);
        const y = Number(m[2]);
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x + el.offsetWidth);
        maxY = Math.max(maxY, y + el.offsetHeight);
      }
      const pad = 24;
      const width = Math.ceil(maxX - minX + 2 * pad);
      const height = Math.ceil(maxY - minY + 2 * pad);
      const t0 = performance.now();
      const url = await window.htmlToImage.toSvg(viewport, {
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${pad - minX}px, ${pad - minY}px) scale(1)`
        }
      });
      const ms = performance.now() - t0;
      const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
      return {
        ms,
        bytes: new TextEncoder().encode(svg).length,
        pure: !/<foreignObject|<(html:)?div\b/i.test(svg)
      };
    });
    bytes = r.bytes;
    pure = r.pure;
    return r.ms;
  });
  await context.close();
  const n = doc.nodes.length;
  log(`  html-to-image toSvg 1k: ${ms(time.median)}, ${bytes} B, pure SVG: ${pure}`);
  const figures: Figure[] = [
    {
      key: 'export.peer.htmlToImage.1k',
      section: 3,
      name: `Peer: html-to-image toSvg of Svelte Flow, ${n / 1000}k nodes (Chromium)`,
      unit: 'ms',
      value: time,
      note: `${bytes.toLocaleString('en-US')} B (${Math.round(bytes / n)} B/node); pure SVG: ${pure ? 'yes' : 'no (HTML inside <foreignObject>)'}`
    }
  ];
  if (ours) {
    const sizeRatio = ours.embedded.bytes / bytes;
    const timeRatio = ours.embedded.ms / time.median;
    figures.push({
      key: 'export.vsPeer',
      section: 3,
      name: 'Our SVG (font subset embedded) vs the peer',
      unit: '',
      value: `${sizeRatio.toFixed(2)}× the size, ${timeRatio.toFixed(3)}× the time`,
      peer: `${bytes.toLocaleString('en-US')} B, ${ms(time.median)}, pure SVG: ${pure ? 'yes' : 'no'}`,
      target: 'smaller and faster',
      met: sizeRatio < 1 && timeRatio < 1,
      note: 'ours in Node (the CLI and the editor run the same core function), the peer in Chromium on the Svelte Flow canvas'
    });
  }
  return figures;
}

// ── All of it ──────────────────────────────────────────────────────────────────────────

export async function browserFigures(
  log: Log,
  opts: {
    sections: Set<number>;
    /** Parts of section 5 to run (a–d); all when undefined. */
    parts?: Set<string>;
    exportDoc?: DiagramDocument;
    ours?: ExportResult;
  }
): Promise<{ chromium: string; figures: Figure[] }> {
  log('  building the app (vite build) and the bare Svelte Flow page');
  vite(['build', '--logLevel', 'warn']);
  vite(['build', '--config', root('bench/bare/vite.config.ts')]);
  const app = await serve(root('build'));
  const bare = await serve(root('bench/tmp/bare'));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
    const b = browser;
    const figures: Figure[] = [];
    /** One part; one that throws becomes a failed row, and the other parts still run. */
    const timed = async (run: () => Promise<Figure[]>, what: string, section = 5) => {
      const t0 = performance.now();
      try {
        figures.push(...(await run()));
      } catch (e) {
        log(`  failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
        figures.push({
          key: `failed.browser.${what}`,
          section,
          name: `${what}: could not be measured`,
          unit: '',
          value: `failed: ${message.slice(0, 120)}`,
          met: false
        });
      }
      log(`    (${Math.round((performance.now() - t0) / 1000)} s)`);
    };
    const doc = opts.exportDoc;
    if (opts.sections.has(3) && doc)
      await timed(() => peerExportFigures(b, app.url, doc, opts.ours, log), 'Export peer', 3);
    const part = (p: string) => opts.sections.has(5) && (!opts.parts || opts.parts.has(p));
    if (part('a')) await timed(() => loadFigures(b, app.url, log), 'Load');
    if (part('b')) await timed(() => dragFigures(b, app.url, bare.url, log), 'Drag');
    if (part('c')) await timed(() => longTaskFigures(b, app.url, log), 'Auto layout');
    if (part('d')) await timed(() => dropFigures(b, app.url, log), 'Problems update');
    return { chromium: browser.version(), figures };
  } finally {
    await browser?.close();
    await app.close();
    await bare.close();
  }
}
