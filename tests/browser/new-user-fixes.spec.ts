import {
  badge,
  clickEmptyCanvas,
  expect,
  fileMenu,
  node,
  nodes,
  openEditor,
  openFile,
  paletteItem,
  renameInput,
  setLanguage,
  test,
  waitLaidOut
} from './fixtures';

// Faults a new-user trial of the editor found, each as a test that failed before the fix.

test.describe.configure({ timeout: 60_000 });

test('Escape in the rename box cancels: the label stays, nothing to undo, focus on the node', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeDisabled();
  const before = await node(page, 'vbox').getAttribute('aria-label');
  await node(page, 'vbox').dblclick();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('Oops');
  await page.keyboard.press('Escape');
  await expect(renameInput(page)).toHaveCount(0);
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', before!);
  await expect(undo).toBeDisabled();
  await expect(page.locator('.svelte-flow__node[data-id="vbox"]')).toBeFocused();
});

test('in a rename box the user opened, Delete and Ctrl+Z belong to the text', async ({ page }) => {
  await openEditor(page);
  await waitLaidOut(page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  // Double-click: Delete clears the selected text, the node stays; Enter keeps the new name.
  await node(page, 'vbox').dblclick();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(node(page, 'vbox')).toHaveCount(1);
  await expect(renameInput(page)).toHaveValue('');
  await page.keyboard.type('VB');
  await page.keyboard.press('Enter');
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', /: VB$/);
  // F2 on the focused node: Ctrl+Z is the text box's undo, not the diagram's.
  await page.locator('.svelte-flow__node[data-id="vbox"]').focus();
  await page.keyboard.press('F2');
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', /: VB$/);
  await expect(undo).toBeEnabled();
  // A box opened by a drop still hands Delete to the diagram.
  await node(page, 'ubuntu').click();
  await paletteItem(page, 'Web server (Service)').click();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(node(page, 'svc-1')).toHaveCount(0);
});

test('a label with no visible character is empty: rename box and Inspector keep the old one', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  const before = await node(page, 'vbox').getAttribute('aria-label');
  for (const blank of ['\u200b', '   ', '\u200b \u2060']) {
    await node(page, 'vbox').dblclick();
    await renameInput(page).fill(blank);
    await page.keyboard.press('Enter');
    await expect(node(page, 'vbox')).toHaveAttribute('aria-label', before!);
  }
  await node(page, 'vbox').click();
  const field = page.getByTestId('inspector-label');
  const old = await field.inputValue();
  await field.fill('\u200b');
  await field.blur();
  await expect(field).toHaveValue(old);
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', before!);
});

test('pasting text that is not a diagram pastes nothing (not the old copy) and says why', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  // An in-app copy (the system clipboard is left alone: other tests run at the same time).
  await node(page, 'web').click();
  await page.keyboard.press('Control+c');
  const count = await nodes(page).count();
  // The browser's paste event, with other text on the clipboard.
  const pasteText = (text: string) =>
    page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
      );
    }, text);
  await clickEmptyCanvas(page);
  await pasteText('just some notes');
  await expect(page.locator('.notice')).toContainText(
    'The clipboard holds text that is not a stackdraw diagram'
  );
  await expect(nodes(page)).toHaveCount(count);

  await setLanguage(page, 'ko');
  await pasteText('{"hello": 1}');
  await expect(page.locator('.notice')).toContainText('stackdraw 다이어그램이 아니어서');
  await expect(nodes(page)).toHaveCount(count);
  // Nothing readable on the clipboard: the in-app copy is pasted.
  await pasteText('');
  await expect(nodes(page)).toHaveCount(count + 1);
});

test('narrow windows: the top bar is one row down to 640 px in both languages; the brand never wraps', async ({
  page
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page);
  await waitLaidOut(page);
  await fileMenu(page, 'New');
  for (const lang of ['en', 'ko'] as const) {
    await setLanguage(page, lang);
    for (const width of [1280, 1100, 960, 800, 700, 640]) {
      await page.setViewportSize({ width, height: 600 });
      const header = page.locator('header.topbar');
      await page.screenshot({
        path: testInfo.outputPath(`topbar-${lang}-${width}.png`),
        clip: { x: 0, y: 0, width, height: 90 }
      });
      const where = `${lang} at ${width} px`;
      expect((await header.boundingBox())!.height, `${where}: one row`).toBeLessThan(50);
      expect(
        await header.evaluate((el) => el.scrollWidth <= el.clientWidth),
        `${where}: nothing cut off`
      ).toBe(true);
      const brand = page.locator('header.topbar .brand');
      expect((await brand.boundingBox())!.height, `${where}: brand on one line`).toBeLessThan(24);
      // Every control of the bar (not the items of its closed menus) lies inside the window.
      const outside = await header.evaluate((el) =>
        [...el.querySelectorAll('button, summary, input:not([hidden]), select, label')]
          .filter((c) => (c as HTMLElement).offsetParent !== null && !c.closest('[role="menu"]'))
          .filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((c) => c.textContent?.trim() || c.getAttribute('aria-label'))
      );
      expect(outside, where).toEqual([]);
    }
    // At 640 px the layout and analysis controls are in the More menu, inside the window.
    const more = page.getByTestId('more-menu');
    await more.locator('summary').click();
    await expect(more.getByTestId('what-if')).toBeVisible();
    const items = (await more.locator('[role="menu"]').boundingBox())!;
    expect(items.x + items.width, lang).toBeLessThanOrEqual(640);
    await page.screenshot({
      path: testInfo.outputPath(`more-menu-${lang}-640.png`),
      clip: { x: 0, y: 0, width: 640, height: 300 }
    });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});

test('narrow windows: Escape closes an open drawer and gives the focus back to its button', async ({
  page
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await openEditor(page);
  const toggle = page.getByRole('button', { name: 'Palette' });
  await toggle.click();
  await expect(paletteItem(page, 'Hardware (Hardware)')).toBeVisible();
  await paletteItem(page, 'Hardware (Hardware)').focus();
  await page.keyboard.press('Escape');
  await expect(paletteItem(page, 'Hardware (Hardware)')).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const panels = page.getByRole('button', { name: 'Inspector · Problems' });
  await panels.click();
  await expect(page.getByRole('heading', { name: 'Inspector' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inspector' })).toBeHidden();
  await expect(panels).toBeFocused();
});

test('a stack that is only unfinished says what is missing, in Korean with Korean type words', async ({
  page
}) => {
  await openEditor(page);
  const doc = {
    version: 1,
    nodes: [
      { id: 'hw', kind: 'hardware', label: 'Box', expect: 'type1' },
      { id: 'hv', kind: 'hypervisor', label: 'ESXi', hypervisorType: 1 }
    ],
    edges: [{ id: 'e1', source: 'hw', target: 'hv' }]
  };
  await openFile(page, 'unfinished.json', 'application/json', JSON.stringify(doc));
  await expect(badge(page, 'hw')).toHaveText(
    /^\s*Type 1\s*·\s*expected Type 1: incomplete, no guest OS yet\s*$/
  );
  await setLanguage(page, 'ko');
  await expect(badge(page, 'hw')).toHaveText(
    /^\s*유형 1\s*·\s*기대 유형 1: 미완성, 아직 게스트 OS 없음\s*$/
  );
});

test('a file the reader refuses is explained in the interface language', async ({ page }) => {
  await openEditor(page);
  await setLanguage(page, 'ko');
  const doc = { version: 1, nodes: [{ id: 'a', kind: 'toaster', label: 'T' }], edges: [] };
  await openFile(page, 'toaster.json', 'application/json', JSON.stringify(doc));
  const box = page.getByTestId('open-errors');
  await expect(box).toContainText('알 수 없는 종류 "toaster" (노드 "a")');
  await expect(box).not.toContainText('unknown kind');
  // The place in words and as a JSON path; a broken file has no place to name.
  await expect(box.locator('code')).toHaveText(['$.nodes[0].kind']);
  await box.getByRole('button', { name: '닫기' }).click();
  await openFile(page, 'broken.json', 'application/json', '{"version": 1,');
  await expect(box).toContainText('올바른 JSON이 아닙니다');
  await expect(box.locator('li')).toHaveCount(1);
  await expect(box.locator('li')).not.toContainText('$');
  await expect(box.locator('.where')).toHaveCount(0);
});

test('keyboard: a skip link reaches the canvas; edges take the focus; focus stays on the canvas after Delete and Undo', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  // The first Tab shows "Skip to canvas"; Enter on it puts the focus in the canvas.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to canvas' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  const inCanvas = () => page.evaluate(() => !!document.activeElement?.closest('.canvas'));
  await expect.poll(inCanvas).toBe(true);
  // Edges can be reached with the keyboard (they come before the nodes: Shift+Tab).
  const edge = page.locator('.svelte-flow__edge[aria-label*=" runs on "]').first();
  await expect(edge).toHaveAttribute('tabindex', '0');
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Shift+Tab');
    reached = await page.evaluate(
      () => document.activeElement?.classList.contains('svelte-flow__edge') ?? false
    );
  }
  expect(reached).toBe(true);
  // Delete the selected, focused node: the focus stays in the canvas, not on <body>.
  await node(page, 'web').click();
  await page.locator('.svelte-flow__node[data-id="web"]').focus();
  await page.keyboard.press('Delete');
  await expect(node(page, 'web')).toHaveCount(0);
  await expect.poll(inCanvas).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'web')).toHaveCount(1);
  await expect.poll(inCanvas).toBe(true);
  // And the keys keep working from there.
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'web')).toHaveCount(0);
});

test('opening a big file says so before the work starts', async ({ page }) => {
  await openEditor(page);
  // Record every notice shown, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { notices: string[] }).notices = seen;
    new MutationObserver(() => {
      for (const n of document.querySelectorAll('.notice')) seen.push(n.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const doc = {
    version: 1,
    title: 'x'.repeat(2 * 1024 * 1024),
    nodes: [{ id: 'hw', kind: 'hardware', label: 'Box' }],
    edges: []
  };
  await openFile(page, 'big-file.json', 'application/json', JSON.stringify(doc));
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { notices: string[] }).notices))
    .toContain('Reading big-file.json (2 MB)…');
  await expect(node(page, 'hw')).toHaveCount(1);
  await expect(page.locator('.notice', { hasText: 'Reading' })).toHaveCount(0);
});

test('a label "0x22" is drawn as typed: no font ligature turns the x into ×', async ({ page }) => {
  await openEditor(page);
  await waitLaidOut(page);
  await node(page, 'vbox').dblclick();
  await renameInput(page).fill('0x22');
  const style = (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((el) => getComputedStyle(el).fontVariantLigatures);
  expect(await style('input.rename')).toBe('none');
  await page.keyboard.press('Enter');
  await expect(node(page, 'vbox')).toHaveAttribute('aria-label', /: 0x22$/);
  expect(await style('[data-testid="node-vbox"] .node-label span')).toBe('none');
  expect(await style('header.topbar input.title')).toBe('none');
  // Drawn, with the page's own styles: "0x22" does not look like "0×22".
  await page.evaluate(() => document.fonts.ready);
  const drawn = async (text: string) => {
    await page.evaluate((t) => {
      const s = document.createElement('div');
      s.id = 'probe';
      s.textContent = t;
      s.style.cssText =
        'position:fixed;left:0;top:0;z-index:9999;font-weight:600;font-size:40px;background:#fff;color:#000;padding:4px';
      document.body.append(s);
    }, text);
    const shot = await page.locator('#probe').screenshot();
    await page.evaluate(() => document.getElementById('probe')!.remove());
    return shot.toString('base64');
  };
  expect(await drawn('0x22')).not.toBe(await drawn('0\u00d722'));
});
