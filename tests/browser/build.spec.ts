import type { Page } from '@playwright/test';
import {
  badge,
  edgeNamed,
  edges,
  expect,
  fileMenu,
  node,
  nodeIds,
  nodes,
  openEditor,
  paletteItem,
  renameInput,
  test
} from './fixtures';

// Building stacks from an empty canvas with the palette: by mouse, then by keyboard alone.

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test("builds the course notes' Type 2 stack from an empty canvas", async ({ page }) => {
  await fileMenu(page, 'New');
  await expect(nodes(page)).toHaveCount(0);
  await expect(page.getByTestId('status')).toContainText('No stacks yet');

  // Each item lands on the node added just before it (the selected one), ready to rename.
  const layers: [item: string, id: string, leave: 'Enter' | 'Escape'][] = [
    ['Hardware (Hardware)', 'hw-1', 'Escape'],
    ['Windows 11 (OS)', 'os-1', 'Enter'],
    ['VirtualBox (Hypervisor)', 'hv-1', 'Escape'],
    ['Ubuntu (OS)', 'os-2', 'Enter'],
    ['Web server (Service)', 'svc-1', 'Escape']
  ];
  for (const [item, id, leave] of layers) {
    await paletteItem(page, item).click();
    await expect(node(page, id)).toBeVisible();
    await expect(node(page, id)).toHaveClass(/\bselected\b/);
    await expect(renameInput(page)).toBeFocused();
    await page.keyboard.press(leave);
    await expect(renameInput(page)).toHaveCount(0);
  }

  await expect.poll(() => nodeIds(page)).toEqual(['hv-1', 'hw-1', 'os-1', 'os-2', 'svc-1']);
  await expect(edges(page)).toHaveCount(4);
  // The labels are the palette's (Enter on an unchanged label changes nothing).
  await expect(node(page, 'hw-1')).toHaveAttribute('aria-label', 'Hardware: Server');
  await expect(node(page, 'hv-1')).toHaveAttribute('aria-label', 'Hypervisor: VirtualBox');
  await expect(node(page, 'svc-1')).toHaveAttribute('aria-label', 'Service: Web server');
  // Each layer runs on the one before it.
  for (const [upper, lower] of [
    ['Windows 11', 'Server'],
    ['VirtualBox', 'Windows 11'],
    ['Ubuntu', 'VirtualBox'],
    ['Web server', 'Ubuntu']
  ]) {
    await expect(edgeNamed(page, `${upper} runs on ${lower}`)).toHaveCount(1);
  }

  await expect(page.getByTestId('status')).toContainText('1 stack');
  await expect(page.getByTestId('status')).toContainText('Type 2 ✓');
  await expect(badge(page, 'hw-1')).toHaveText(/^\s*Type 2\s*✓\s*$/);
  await expect(page.getByTestId('no-problems')).toBeVisible();
});

/** Press Tab (or Shift+Tab) until the element named `name` has the focus. */
async function tabTo(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
  for (let i = 0; i < 80; i++) {
    if ((await focused()) === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached "${name}" (focus is on "${await focused()}")`);
}

test('builds a three-layer stack with the keyboard alone', async ({ page }) => {
  // From the top of the page: Tab to the File menu, open it, and start an empty diagram.
  await tabTo(page, 'File');
  await page.keyboard.press('Enter');
  await tabTo(page, 'New');
  await page.keyboard.press('Enter');
  await expect(nodes(page)).toHaveCount(0);

  // Hardware: Enter adds it (nothing is selected), the rename input takes the focus.
  await tabTo(page, 'Hardware (Hardware)');
  await page.keyboard.press('Enter');
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('Lab server');
  await page.keyboard.press('Enter');
  await expect(node(page, 'hw-1')).toHaveAttribute('aria-label', /^Hardware: Lab server/);
  // Focus goes back to the palette item used, the new node stays selected.
  await expect(paletteItem(page, 'Hardware (Hardware)')).toBeFocused();
  await expect(node(page, 'hw-1')).toHaveClass(/\bselected\b/);

  // An OS on it: further down the palette.
  await tabTo(page, 'Ubuntu (OS)');
  await page.keyboard.press('Enter');
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('Ubuntu 24.04');
  await page.keyboard.press('Enter');
  await expect(node(page, 'os-1')).toHaveAttribute('aria-label', /^OS: Ubuntu 24\.04/);

  // A service on the OS: back up the palette to the generic layer.
  await tabTo(page, 'Service (Service)', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.type('nginx');
  await page.keyboard.press('Enter');
  await expect(node(page, 'svc-1')).toHaveAttribute('aria-label', /^Service: nginx/);

  await expect.poll(() => nodeIds(page)).toEqual(['hw-1', 'os-1', 'svc-1']);
  await expect(edgeNamed(page, 'Ubuntu 24.04 runs on Lab server')).toHaveCount(1);
  await expect(edgeNamed(page, 'nginx runs on Ubuntu 24.04')).toHaveCount(1);
  await expect(badge(page, 'hw-1')).toHaveText(/^\s*Dedicated \(no hypervisor\)\s*✓\s*$/);
  await expect(page.getByTestId('status')).toContainText('Dedicated (no hypervisor) ✓');
  await expect(page.getByTestId('no-problems')).toBeVisible();
});
