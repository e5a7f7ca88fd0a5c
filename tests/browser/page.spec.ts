import { badge, expect, node, nodes, openEditor, test, waitLaidOut } from './fixtures';

// First visit: nothing in IndexedDB, so the editor opens the Type 2 example and checks it.

test('opens the Type 2 example on first visit and shows its classification', async ({
  page,
  consoleErrors
}) => {
  await openEditor(page);

  await expect(page.getByLabel('Diagram title')).toHaveValue('Type 2: VirtualBox on Windows 11');
  await expect(nodes(page)).toHaveCount(5);
  await expect(node(page, 'vbox')).toHaveAttribute(
    'aria-label',
    'Hypervisor: Oracle VM VirtualBox'
  );

  await expect(page.getByTestId('status')).toContainText('1 stack');
  await expect(page.getByTestId('status')).toContainText('Type 2 ✓');
  await expect(badge(page, 'hw')).toHaveText(/^\s*Type 2\s*✓\s*$/);
  await expect(page.getByTestId('no-problems')).toBeVisible();

  // Let the deferred work (fonts, the ELK worker's warm-up and first layout) finish too.
  await waitLaidOut(page);
  await page.waitForLoadState('networkidle');
  expect(consoleErrors).toEqual([]);
});
