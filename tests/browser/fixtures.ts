import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * What every editor test shares: a `test` that records console errors and leaves a picture of
 * where it ended (testInfo.outputPath('final.png')), and small helpers that read the editor
 * the way a user does (roles, names, the test ids the components set).
 */

export interface Fixtures {
  /** Console errors and uncaught exceptions of the page, in order. */
  consoleErrors: string[];
  /** Takes the final screenshot after the test body (auto). */
  finalScreenshot: void;
}

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await use(errors);
  },
  finalScreenshot: [
    async ({ page }, use, testInfo) => {
      await use();
      if (page.isClosed()) return;
      await page
        .screenshot({ path: testInfo.outputPath('final.png'), timeout: 10_000 })
        .catch((e: unknown) =>
          testInfo.annotations.push({ type: 'screenshot', description: `${e}` })
        );
    },
    { auto: true }
  ]
});

export { expect };

/**
 * Starting up reads IndexedDB, then fetches the example, fonts and ELK's worker: on a busy
 * two-core machine that has taken more than expect's default 5 s.
 */
const STARTUP_TIMEOUT = 30_000;

/** Wait until the editor has loaded its first document (after a goto or a reload). */
export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-ready', 'true', {
    timeout: STARTUP_TIMEOUT
  });
}

/** Open the editor and wait until it has loaded its first document. */
export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await waitReady(page);
}

/** A canvas node by document id. */
export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);

/** The stack badge on a hardware node. */
export const badge = (page: Page, id: string): Locator => page.getByTestId(`badge-${id}`);

/** All canvas nodes (the StackNode elements, one per document node). */
export const nodes = (page: Page): Locator => page.locator('[data-testid^="node-"]');

/** All canvas edges. */
export const edges = (page: Page): Locator => page.locator('.svelte-flow__edge');

/** The edge whose aria-label is `name`, e.g. "Ubuntu runs on VirtualBox". */
export const edgeNamed = (page: Page, name: string): Locator =>
  page.locator(`.svelte-flow__edge[aria-label="${name}"]`);

/** A palette item by its accessible name, e.g. "VirtualBox (Hypervisor)". */
export const paletteItem = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: 'Palette' }).getByRole('button', { name, exact: true });

/** Problems of one rule in the problems list. */
export const problems = (page: Page, rule: string): Locator =>
  page.locator(`li.problem[data-rule="${rule}"]`);

/** The rename-in-place input of the node being renamed. */
export const renameInput = (page: Page): Locator => page.locator('input.rename');

/** The document ids of the nodes on the canvas, sorted. */
export async function nodeIds(page: Page): Promise<string[]> {
  const ids = await nodes(page).evaluateAll((all) =>
    all.map((el) => (el.getAttribute('data-testid') ?? '').replace(/^node-/, ''))
  );
  return ids.sort();
}

/** Click an empty spot of the canvas (its top-left corner), so no input keeps the focus. */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  await page.locator('.svelte-flow__pane').click({ position: { x: 8, y: 8 } });
}

/** Wait until the autosave has written the current document. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', {
    timeout: 15_000
  });
}

/** A node's position in flow coordinates, read from Svelte Flow's transform on its wrapper. */
export async function flowPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const transform = await page
    .locator(`.svelte-flow__node[data-id="${id}"]`)
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position in ${JSON.stringify(transform)}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/**
 * Wait until the automatic layout has placed a stack (`top` drawn above `bottom`; before it,
 * nodes without positions sit on a diagonal) and the autosave has written the result.
 */
export async function waitLaidOut(page: Page, bottom = 'hw', top = 'web'): Promise<void> {
  await expect
    .poll(async () => (await flowPosition(page, bottom)).y - (await flowPosition(page, top)).y, {
      timeout: STARTUP_TIMEOUT
    })
    .toBeGreaterThan(0);
  await waitSaved(page);
}

/** Open a file through the editor's Open button (its hidden file input). */
export async function openFile(
  page: Page,
  name: string,
  mimeType: string,
  text: string
): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({
    name,
    mimeType,
    buffer: Buffer.from(text, 'utf8')
  });
}

/** Wait until a node has stopped moving (nodes glide to new places after a change). */
export async function waitStill(locator: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await locator.boundingBox());
        const still = box === last;
        last = box;
        return still;
      },
      { intervals: [150], timeout: 10_000 }
    )
    .toBe(true);
}

/** Open one of the top bar's menus (File, Examples, Export, Settings) by its test id. */
export async function openMenu(
  page: Page,
  menu: 'file' | 'examples' | 'export' | 'settings'
): Promise<Locator> {
  const details = page.getByTestId(`${menu}-menu`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  return details;
}

/** Open a bundled example from the Examples menu. */
export async function chooseExample(page: Page, file: string): Promise<void> {
  const menu = await openMenu(page, 'examples');
  await menu.locator(`[data-example="${file}"]`).click();
}

/** A File menu item: New, Open…, Save (or 새로 만들기 …). */
export async function fileMenu(page: Page, item: string): Promise<void> {
  const menu = await openMenu(page, 'file');
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
}

/** Switch the interface language (Settings menu). */
export async function setLanguage(page: Page, lang: 'en' | 'ko'): Promise<void> {
  const menu = await openMenu(page, 'settings');
  await menu.locator('select').first().selectOption(lang);
  await page.keyboard.press('Escape');
}

/** Switch the theme (Settings menu). */
export async function setTheme(page: Page, theme: 'light' | 'dark' | 'system'): Promise<void> {
  const menu = await openMenu(page, 'settings');
  await menu.locator('select').nth(1).selectOption(theme);
  await page.keyboard.press('Escape');
}
