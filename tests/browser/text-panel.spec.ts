import type { Page } from '@playwright/test';
import {
  clickEmptyCanvas,
  expect,
  node,
  nodeIds,
  nodes,
  openEditor,
  renameInput,
  setLanguage,
  setTheme,
  test,
  waitReady,
  waitSaved,
  waitLaidOut
} from './fixtures';

// The Text panel: the diagram as stack text, both ways, with undo and paste (issue 14 §3).

test.describe.configure({ timeout: 90_000 });
test.use({ viewport: { width: 1366, height: 768 } });

const code = (page: Page) => page.getByTestId('stack-text');
const original = ['host', 'hw', 'ubuntu', 'vbox', 'web'];

/** Put the cursor at the end of the text (on the empty line after the last newline). */
async function toEnd(page: Page) {
  await code(page).click();
  await page.keyboard.press('Control+End');
}

/** The editor with its example, laid out, and the Text panel open on it. */
async function openWithText(page: Page) {
  await openEditor(page);
  await waitLaidOut(page);
  await page.keyboard.press('Shift+T');
  await expect(code(page)).toContainText('#web');
}

/**
 * Paste text the way the browser does (a paste event with the text): onto the canvas, or
 * into the element `selector` names.
 */
async function pasteText(page: Page, text: string, selector?: string) {
  await page.evaluate(
    ([t, sel]) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      const target = sel ? document.querySelector(sel)! : document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    },
    [text, selector] as const
  );
}

test('typing in the Text panel draws; a bad line is marked and the canvas keeps the last good diagram', async ({
  page,
  consoleErrors
}, testInfo) => {
  await openEditor(page);
  await waitLaidOut(page);
  await page.getByTestId('text-toggle').click();
  await expect(code(page)).toContainText('svc "Web server (nginx)" #web');
  await expect(code(page)).toContainText('title: Type 2: VirtualBox on Windows 11');

  // A new line, typed: the node appears, the text keeps the focus.
  await toEnd(page);
  await page.keyboard.type('        svc Redis');
  await expect(node(page, 'ubuntu/redis')).toHaveAttribute('aria-label', /^Service: Redis/);
  await expect(code(page)).toBeFocused();
  await expect(page.getByTestId('text-state')).toHaveText('In step with the canvas');

  // A line that does not read: marked on its line, the diagram stays as it was.
  await page.keyboard.press('Enter');
  await page.keyboard.type('vm Oops');
  const errors = page.getByTestId('text-errors');
  await expect(errors).toContainText('Line 8');
  await expect(errors).toContainText('vm');
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await expect(page.locator('.cm-lintRange-error')).toHaveText('vm');
  await expect.poll(() => nodeIds(page)).toEqual([...original, 'ubuntu/redis'].sort());
  // Its words and hint show on hover, too.
  await page.locator('.cm-lintRange-error').hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('Hint');
  await page.screenshot({ path: testInfo.outputPath('text-error-light.png') });

  // The marker speaks the interface's language.
  await setLanguage(page, 'ko');
  await expect(errors).toContainText('8번째 줄');
  await page.screenshot({ path: testInfo.outputPath('text-error-ko.png') });
  await setLanguage(page, 'en');

  // A rename on the canvas does not overwrite the broken text …
  await node(page, 'vbox').dblclick();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('VirtualBox 7');
  await page.keyboard.press('Enter');
  await expect(code(page)).toContainText('vm Oops');
  // … and once the line is gone, the text is the diagram's again, the rename in it.
  await toEnd(page);
  for (let i = 0; i < 'vm Oops'.length + 1; i++) await page.keyboard.press('Backspace');
  await expect(errors).toHaveCount(0);
  await clickEmptyCanvas(page);
  await node(page, 'hw').dblclick();
  await page.keyboard.type('Big laptop');
  await page.keyboard.press('Enter');
  await expect(code(page)).toContainText('hw "Big laptop" #hw');
  await expect(code(page)).toContainText('hv "VirtualBox 7" #vbox');
  await expect(code(page)).toContainText('svc Redis');
  expect(consoleErrors).toEqual([]);
});

test('Ctrl+Z on the canvas undoes a text edit as one step, and the text follows', async ({
  page
}) => {
  await openWithText(page);
  // A node chosen on the canvas is highlighted in the text.
  await node(page, 'vbox').click();
  await expect(page.locator('.sd-selected')).toHaveText(/^\s*hv "Oracle VM VirtualBox" #vbox/);
  // And a click on a line selects its node on the canvas.
  await code(page).getByText('#host').click();
  await expect(node(page, 'host')).toHaveClass(/\bselected\b/);
  await expect(node(page, 'vbox')).not.toHaveClass(/\bselected\b/);
  await expect(code(page)).toBeFocused();
  await toEnd(page);
  // Enter keeps the indentation of the line above.
  await page.keyboard.type('        svc Redis');
  await page.keyboard.press('Enter');
  await page.keyboard.type('svc Cache');
  await expect(node(page, 'ubuntu/cache')).toBeVisible();
  await expect(node(page, 'ubuntu/redis')).toBeVisible();
  // Positions of the nodes already there are kept (they are laid out, not reset).
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await expect.poll(() => nodeIds(page)).toEqual(original);
  await expect(code(page)).not.toContainText('Redis');
  await expect(code(page)).not.toContainText('Cache');
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(() => nodeIds(page))
    .toEqual([...original, 'ubuntu/cache', 'ubuntu/redis'].sort());
  await expect(code(page)).toContainText('svc Cache');
});

test('a ```stackdraw block pasted onto the canvas is added; bad stack text is refused with its line', async ({
  page
}, testInfo) => {
  await openEditor(page);
  await waitLaidOut(page);
  await clickEmptyCanvas(page);
  await pasteText(page, 'Notes\n\n```stackdraw\nhw Rack\n  hv ESXi\n    vm Ubuntu\n```\n');
  await expect(page.getByRole('status')).toContainText('line 6');
  await expect(page.getByRole('status')).toContainText('vm');
  await expect.poll(() => nodeIds(page)).toEqual(original);

  await pasteText(page, 'Notes\n\n```stackdraw\nhw Rack\n  hv ESXi\n    os "Guest OS"\n```\n');
  await expect(page.locator('[aria-label^="OS: Guest OS"]')).toHaveCount(1);
  await expect(page.locator('[aria-label^="Hardware: Rack"]')).toHaveCount(1);
  await expect(nodes(page)).toHaveCount(original.length + 3);

  // The text panel shows what was pasted; in the dark theme too.
  await page.getByTestId('text-toggle').click();
  await expect(code(page)).toContainText('hw Rack');
  await setTheme(page, 'dark');
  await page.screenshot({ path: testInfo.outputPath('text-dark.png') });
});

/** The text in the code editor, line by line as CodeMirror shows it. */
async function textOf(page: Page): Promise<string> {
  const lines = await page.locator('.cm-content .cm-line').allInnerTexts();
  return lines.map((l) => l.replace(/\n$/, '')).join('\n');
}

test('a rename on the canvas keeps the comments typed in the text and the cursor; Undo brings the exact text back', async ({
  page,
  consoleErrors
}, testInfo) => {
  await openEditor(page);
  await waitLaidOut(page);
  await page.keyboard.press('Shift+T');
  await expect(code(page)).toContainText('#vbox');
  // A comment line at the top, a comment after a node, in the user's own words.
  await code(page).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('%% my notes');
  await page.keyboard.press('Enter');
  await code(page).getByText('#vbox').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' %% the hypervisor');
  await expect(page.getByTestId('text-state')).toHaveText('In step with the canvas');
  // The cursor on the web line, then a rename on the canvas.
  await code(page).getByText('#web').click();
  await page.keyboard.press('End');
  const before = await textOf(page);
  expect(before).toContain('%% my notes\ntitle:');
  await node(page, 'vbox').dblclick();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('VirtualBox 7');
  await page.keyboard.press('Enter');
  await expect(code(page)).toContainText(
    'hv "VirtualBox 7" #vbox [product="Oracle VM VirtualBox"] %% the hypervisor'
  );
  const after = await textOf(page);
  expect(after.split('\n').filter((l) => !l.includes('#vbox'))).toEqual(
    before.split('\n').filter((l) => !l.includes('#vbox'))
  );
  // The cursor stayed on its line (not sent to line 1).
  await expect(page.locator('.cm-activeLine')).toContainText('#web');
  await page.screenshot({ path: testInfo.outputPath('text-rename-kept.png') });

  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await expect(code(page)).toContainText(
    '"Oracle VM VirtualBox" #vbox [product="Oracle VM VirtualBox"] %% the hypervisor'
  );
  await expect(code(page)).not.toContainText('VirtualBox 7');
  expect(await textOf(page)).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(code(page)).toContainText(
    'hv "VirtualBox 7" #vbox [product="Oracle VM VirtualBox"] %% the hypervisor'
  );
  // The next visit shows the same text, comments and all (the panel stays open).
  await waitSaved(page);
  await page.reload();
  await waitReady(page);
  await expect(code(page)).toContainText('%% the hypervisor');
  expect(await textOf(page)).toBe(after);
  expect(consoleErrors).toEqual([]);
});

test('in the text: Enter keeps the indentation, Tab and Shift+Tab change it; a pasted ```stackdraw block loses its fences', async ({
  page
}) => {
  await openWithText(page);
  await toEnd(page);
  await page.keyboard.type('        svc Redis');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('svc Cache');
  // One level deeper than the line above: on Redis; Shift+Tab takes it back beside Redis.
  await expect(node(page, 'ubuntu/redis/cache')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(node(page, 'ubuntu/cache')).toBeVisible();
  expect(await textOf(page)).toContain('        svc Redis\n        svc Cache');

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await pasteText(page, '```stackdraw\nhw Rack\n  hv ESXi\n```\n', '.cm-content');
  await expect(code(page)).toContainText('hw Rack');
  await expect(code(page)).not.toContainText('```');
  await expect(page.locator('[aria-label^="Hardware: Rack"]')).toHaveCount(1);
});
