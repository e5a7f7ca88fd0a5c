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
  waitLaidOut,
  waitStill
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

test('a node dragged onto another node now runs there; on empty canvas it just moves', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  // Switch automatic arrangement off, so the move stays where the mouse left it.
  await page.getByLabel('Arrange automatically').uncheck();

  // The web server moves from Ubuntu onto the host OS, Windows 11 (dragged as a person
  // would: press, move in steps, release; the target lights up on the way).
  const web = node(page, 'web');
  const from = (await web.boundingBox())!;
  const to = (await node(page, 'host').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await expect(node(page, 'host')).toHaveClass(/drop-target/);
  await page.mouse.up();
  await expect(edgeNamed(page, 'Web server (nginx) runs on Windows 11')).toHaveCount(1);
  await expect(edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(0);
  await expect(edges(page)).toHaveCount(4);
  // A service on the host OS is still a valid Type 2 stack.
  await expect(badge(page, 'hw')).toHaveText(/Type 2/);

  // Undo puts it back on Ubuntu.
  await page.locator('body').press('Control+z');
  await expect(edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(1);

  // Dragged to empty canvas: same host, new place (once the undone move has glided back).
  await waitStill(web);
  const before = await web.boundingBox();
  await web.hover();
  await page.mouse.down();
  await page.mouse.move(before!.x + 420, before!.y + 40, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await web.boundingBox())!.x).toBeGreaterThan(before!.x + 150);
  await expect(edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(1);
});
