import {
  edgeNamed,
  edges,
  expect,
  node,
  nodeIds,
  openEditor,
  problems,
  test,
  waitReady,
  waitSaved
} from './fixtures';

// Copy and paste a guest OS with its service, delete the originals, and find the result again
// after a reload (autosave to IndexedDB).

test('copies a guest OS with its service, pastes, deletes, and restores after reload', async ({
  page
}) => {
  await openEditor(page);
  const original = ['host', 'hw', 'ubuntu', 'vbox', 'web'];
  await expect.poll(() => nodeIds(page)).toEqual(original);

  // Select the guest OS and its service.
  await node(page, 'ubuntu').click();
  await node(page, 'web').click({ modifiers: ['Shift'] });
  await expect(node(page, 'ubuntu')).toHaveClass(/\bselected\b/);
  await expect(node(page, 'web')).toHaveClass(/\bselected\b/);
  await expect(page.getByText('2 nodes selected')).toBeVisible();

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');

  // New ids, the edge between them copied (the copy is not on any hardware).
  await expect(node(page, 'os-1')).toHaveAttribute('aria-label', /^OS: Ubuntu 24\.04/);
  await expect(node(page, 'svc-1')).toHaveAttribute('aria-label', /^Service: Web server \(nginx\)/);
  await expect.poll(() => nodeIds(page)).toEqual([...original, 'os-1', 'svc-1'].sort());
  await expect(edges(page)).toHaveCount(5);
  const copiedEdge = page.locator(
    '.svelte-flow__edge[aria-label="Web server (nginx) runs on Ubuntu 24.04"]'
  );
  await expect(copiedEdge).toHaveCount(2);
  const edgeIds = await copiedEdge.evaluateAll((all) => all.map((e) => e.getAttribute('data-id')));
  expect(edgeIds).toContain('e4');
  expect(new Set(edgeIds).size).toBe(2);
  // The pasted nodes are the selection.
  await expect(node(page, 'os-1')).toHaveClass(/\bselected\b/);
  await expect(node(page, 'svc-1')).toHaveClass(/\bselected\b/);
  await expect(node(page, 'ubuntu')).not.toHaveClass(/\bselected\b/);
  await expect(problems(page, 'unplaced')).not.toHaveCount(0);

  // Delete the originals with the Delete key.
  await node(page, 'ubuntu').click();
  await node(page, 'web').click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 nodes selected')).toBeVisible();
  await page.keyboard.press('Delete');
  const after = ['host', 'hw', 'os-1', 'svc-1', 'vbox'];
  await expect(node(page, 'ubuntu')).toHaveCount(0);
  await expect(node(page, 'web')).toHaveCount(0);
  await expect.poll(() => nodeIds(page)).toEqual(after);
  await expect(edges(page)).toHaveCount(3);
  await expect(edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(1);

  // Reload once the autosave has written it: the same diagram comes back.
  await waitSaved(page);
  const status = await page.getByTestId('status').textContent();
  await page.reload();
  await waitReady(page);
  await expect.poll(() => nodeIds(page)).toEqual(after);
  await expect(edges(page)).toHaveCount(3);
  await expect(edgeNamed(page, 'Web server (nginx) runs on Ubuntu 24.04')).toHaveCount(1);
  await expect(edgeNamed(page, 'Oracle VM VirtualBox runs on Windows 11')).toHaveCount(1);
  await expect(page.getByTestId('status')).toHaveText(status ?? '');
  await expect(page.getByLabel('Diagram title')).toHaveValue('Type 2: VirtualBox on Windows 11');
});
