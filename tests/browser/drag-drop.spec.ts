import {
  badge,
  edgeNamed,
  edges,
  expect,
  node,
  nodeIds,
  openEditor,
  paletteItem,
  test,
  waitLaidOut
} from './fixtures';

// Palette items dragged with the mouse (HTML5 drag and drop) onto an existing node run on it.

test('a palette item dropped onto a node runs on that node', async ({ page }) => {
  await openEditor(page);
  await expect(edges(page)).toHaveCount(4);
  // Wait for the first layout to land, so the node does not move under the mouse.
  await waitLaidOut(page);

  await paletteItem(page, 'Debian (OS)').dragTo(node(page, 'vbox'));

  await expect(node(page, 'os-1')).toHaveAttribute('aria-label', 'OS: Debian');
  await expect.poll(() => nodeIds(page)).toEqual(['host', 'hw', 'os-1', 'ubuntu', 'vbox', 'web']);
  await expect(edges(page)).toHaveCount(5);
  await expect(edgeNamed(page, 'Debian runs on Oracle VM VirtualBox')).toHaveCount(1);
  // A second guest on VirtualBox: still a valid Type 2 stack.
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(badge(page, 'hw')).toHaveText(/^\s*Type 2\s*✓\s*$/);
  // Dropped, not clicked: no drop highlight is left behind.
  await expect(page.locator('.stack-node.drop-target')).toHaveCount(0);
});
