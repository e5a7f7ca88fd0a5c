import type { Page } from '@playwright/test';
import {
  badge,
  chooseExample,
  clickEmptyCanvas,
  edgeNamed,
  expect,
  fileMenu,
  node,
  nodeIds,
  openEditor,
  openMenu,
  paletteItem,
  problems,
  renameInput,
  setLanguage,
  setTheme,
  test,
  waitLaidOut,
  waitSaved
} from './fixtures';

// The editor, second pass: what a new user tripped over, each as a test that failed before.

test.describe.configure({ timeout: 60_000 });

/** The canvas viewport's transform (pan and zoom). */
const viewport = (page: Page) =>
  page.locator('.svelte-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

test('right after a drop, Ctrl+Z undoes it and Delete deletes the node, unless the user typed', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'ubuntu').click();
  await paletteItem(page, 'Web server (Service)').click();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(node(page, 'svc-1')).toHaveCount(0);
  await expect(renameInput(page)).toHaveCount(0);

  await node(page, 'ubuntu').click();
  await paletteItem(page, 'Web server (Service)').click();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(node(page, 'svc-1')).toHaveCount(0);

  // After typing, the keys are the text's: Ctrl+Z undoes typing, the node stays.
  await node(page, 'ubuntu').click();
  await paletteItem(page, 'Web server (Service)').click();
  await page.keyboard.type('nginx');
  await page.keyboard.press('Control+z');
  await expect(node(page, 'svc-1')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(node(page, 'svc-1')).toHaveCount(1);
});

test('right after a Fix, Ctrl+Z undoes the fix', async ({ page }) => {
  await openEditor(page);
  await chooseExample(page, 'mistake-service-on-hypervisor.json');
  const error = problems(page, 'invalid-host');
  await error.getByRole('button', { name: /Fix/ }).click();
  await expect(error).toHaveCount(0);
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(error).toHaveCount(1);
});

test('copy in one tab, paste in another (and after a reload): the system clipboard', async ({
  page,
  context
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'ubuntu').click();
  await node(page, 'web').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/"stackdraw":"clip"/);

  const other = await context.newPage();
  await openEditor(other);
  await fileMenu(other, 'New');
  await clickEmptyCanvas(other);
  await other.keyboard.press('Control+v');
  await expect.poll(() => nodeIds(other)).toEqual(['os-1', 'svc-1']);
  await expect(edgeNamed(other, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(1);

  // After a reload the in-app copy is gone; the system clipboard still has the nodes.
  await other.reload();
  await other.locator('.app[data-ready="true"]').waitFor();
  await clickEmptyCanvas(other);
  await other.keyboard.press('Control+v');
  await expect.poll(async () => (await nodeIds(other)).length).toBe(4);
});

test('duplicate keeps the copy on the same host; paste goes onto the selected node', async ({
  page
}) => {
  await openEditor(page);
  await chooseExample(page, 'type1-esxi.json');
  await waitLaidOut(page, 'hw', 'esxi');
  const before = (await nodeIds(page)).length;
  // A guest OS and its service, duplicated: still on ESXi, no new problem.
  const guest = page.locator('[data-testid^="node-"][data-kind="os"]').first();
  await guest.click();
  const guestId = (await guest.getAttribute('data-testid'))!.replace('node-', '');
  await page.keyboard.press('Control+d');
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before + 1);
  await expect(page.getByTestId('no-problems')).toBeVisible();
  // Copy the guest, select the hypervisor, paste: the copy runs on it.
  await node(page, guestId).click();
  await page.keyboard.press('Control+c');
  await node(page, 'esxi').click();
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await nodeIds(page)).length).toBe(before + 2);
  await expect(page.getByTestId('no-problems')).toBeVisible();
});

test('keyboard focus on a node shows; Enter renames the focused node; Escape returns to it', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'hw').click();
  // Tab to another node (Svelte Flow makes nodes focusable): its focus ring shows.
  const web = page.locator('.svelte-flow__node[data-id="web"]');
  for (let i = 0; i < 10 && !(await web.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(web).toBeFocused();
  const outline = await web.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(node(page, 'web').locator('input.rename')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(web).toBeFocused();
});

test('double-clicking a node renames it', async ({ page }) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'vbox').dblclick();
  const input = node(page, 'vbox').locator('input.rename');
  await expect(input).toBeFocused();
  await page.keyboard.type('VirtualBox 7');
  await page.keyboard.press('Enter');
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', /VirtualBox 7/);
});

test('an incomplete stack gets no tick, and says what is missing', async ({ page }) => {
  await openEditor(page);
  await fileMenu(page, 'New');
  await paletteItem(page, 'Hardware (Hardware)').click();
  await page.keyboard.press('Escape');
  await expect(badge(page, 'hw-1')).toHaveText(/^\s*Incomplete · nothing installed\s*$/);
  await expect(page.getByTestId('status')).toContainText('Incomplete · nothing installed');
  await expect(page.getByTestId('status')).not.toContainText('✓');
});

test('an unanswered "changed in another tab" keeps this tab\'s edits as a copy, and says so', async ({
  page,
  context
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  const b = await context.newPage();
  await openEditor(b);
  await waitSaved(b);
  // A changes the diagram; B is told.
  await page.getByLabel('Diagram title').fill('A changed it');
  await expect(b.getByTestId('tab-conflict')).toBeVisible();
  // B edits anyway: saved, as a copy, and the status says so (never "Saving…" for ever).
  await b.getByLabel('Diagram title').fill('B edits on');
  await expect(b.getByTestId('save-state')).toHaveText('Saved as a copy', { timeout: 15_000 });
  await expect(b.getByTestId('tab-conflict')).toContainText('kept as a separate copy');
  await b.close();
  // B's edits are there to reopen.
  const recent = await openMenu(page, 'file');
  await expect(recent.locator('[data-recent]', { hasText: 'B edits on' })).toHaveCount(1);
});

test('narrow windows: one header row at 1280, panels as drawers at 1024, minimap off at 800', async ({
  page
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openEditor(page);
  await waitLaidOut(page);
  // With Recent present (a New leaves the example in it), in both languages.
  await fileMenu(page, 'New');
  for (const lang of ['en', 'ko'] as const) {
    await setLanguage(page, lang);
    const header = page.locator('header.topbar');
    // One row, and nothing cut off at its end.
    expect((await header.boundingBox())!.height, lang).toBeLessThan(50);
    expect(
      await header.evaluate((el) => el.scrollWidth <= el.clientWidth),
      `${lang}: everything fits`
    ).toBe(true);
  }
  await setLanguage(page, 'en');

  await page.setViewportSize({ width: 1024, height: 700 });
  const canvas = page.locator('.canvas');
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(900);
  await expect(page.getByRole('button', { name: 'Palette' })).toBeVisible();
  await page.getByRole('button', { name: 'Palette' }).click();
  await expect(paletteItem(page, 'Hardware (Hardware)')).toBeVisible();

  // At 800 px the minimap stays clear of the zoom buttons; on a small canvas it is gone.
  await page.setViewportSize({ width: 800, height: 560 });
  const controls = page.locator('.svelte-flow__controls');
  await expect(controls).toBeVisible();
  const minimap = page.locator('.svelte-flow__minimap');
  if (await minimap.count()) {
    const a = (await minimap.boundingBox())!;
    const b = (await controls.boundingBox())!;
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
  }
  await page.setViewportSize({ width: 600, height: 480 });
  await expect(minimap).toHaveCount(0);
  await expect(controls).toBeVisible();
});

test('with automatic arrangement off, adding a node does not move the view', async ({ page }) => {
  await openEditor(page);
  await waitLaidOut(page);
  await page.getByLabel('Arrange automatically').uncheck();
  const before = await viewport(page);
  await node(page, 'ubuntu').click();
  await paletteItem(page, 'Web server (Service)').click();
  await page.keyboard.press('Escape');
  await expect(node(page, 'svc-1')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await viewport(page)).toBe(before);
});

test('Korean: words never break inside, and the invalid badge says one thing', async ({ page }) => {
  await openEditor(page);
  await setLanguage(page, 'ko');
  await chooseExample(page, 'mistake-two-oses.json');
  const list = page.locator('li.problem').first();
  // Polled: the list may be drawn again while the example settles (a detached item has no style).
  await expect.poll(() => list.evaluate((el) => getComputedStyle(el).wordBreak)).toBe('keep-all');
  await expect(badge(page, 'hw')).toContainText('잘못됨');
  await page.getByLabel('보기').selectOption('blocks');
  await expect(page.getByTestId('blocks-view')).toContainText('잘못됨');
});

test('the Inspector keeps a label from going empty, and edits a selected edge', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'web').click();
  const label = page.getByTestId('inspector-label');
  await label.fill('');
  await label.blur();
  await expect(label).toHaveValue('Web server (nginx)');
  await expect(node(page, 'web')).toHaveAttribute('aria-label', /Web server \(nginx\)/);

  const edge = edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04');
  await edge.click({ force: true });
  const stroke = await edge
    .locator('path.svelte-flow__edge-path')
    .evaluate((el) => getComputedStyle(el).strokeWidth);
  expect(parseFloat(stroke)).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('inspector-edge')).toHaveText(
    'Web server (nginx) runs on Ubuntu 24.04'
  );
  await page.getByRole('button', { name: 'Swap direction' }).click();
  // Now a service under an OS: a marked (wrong) edge, the other way round.
  await expect(
    page.locator('.svelte-flow__edge[aria-label^="Ubuntu 24.04 runs on Web server (nginx)"]')
  ).toHaveCount(1);
});

test("changing a node's kind shows each problem once; the minimap is readable in dark mode", async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'ubuntu').click();
  await page.getByLabel('Kind').selectOption('hypervisor');
  await page.getByLabel('Kind').selectOption('service');
  const texts = await page.locator('li.problem .message').allTextContents();
  expect(new Set(texts).size).toBe(texts.length);

  await setTheme(page, 'dark');
  const fills = await page
    .locator('.svelte-flow__minimap-node')
    .evaluateAll((els) => els.map((el) => el.getAttribute('fill') ?? getComputedStyle(el).fill));
  // Dark kind colours (core/model/kinds.ts), e.g. hardware #1e293b.
  expect(fills).toContain('rgb(30, 41, 59)');
});

test('Enter while an IME is composing commits the composition, not the name', async ({ page }) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'web').dblclick();
  const input = node(page, 'web').locator('input.rename');
  await expect(input).toBeFocused();
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['웹', '東京']) {
    // The label is selected: the composition replaces it.
    await input.press('Control+a');
    await cdp.send('Input.imeSetComposition', { text, selectionStart: 1, selectionEnd: 1 });
    // Enter while composing: the box stays open.
    await page.keyboard.press('Enter');
    await expect(input).toBeVisible();
    await cdp.send('Input.insertText', { text });
    await expect(input).toHaveValue(text);
  }
  await page.keyboard.press('Enter');
  await expect(input).toHaveCount(0);
  await expect(node(page, 'web')).toHaveAttribute('aria-label', /東京/);
});
