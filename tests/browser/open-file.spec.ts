import { badge, edges, expect, nodeIds, openEditor, test } from './fixtures';

// Opening a file that is not a valid document says what is wrong and where, and keeps the diagram.

test('a file with an unknown kind is refused with its JSON path; the diagram is unchanged', async ({
  page
}) => {
  await openEditor(page);
  const before = ['host', 'hw', 'ubuntu', 'vbox', 'web'];
  await expect.poll(() => nodeIds(page)).toEqual(before);

  const broken = {
    version: 1,
    title: 'Broken',
    nodes: [
      { id: 'vm', kind: 'virtual-machine', label: 'A VM' },
      { id: 'hw', kind: 'hardware', label: 'Server' }
    ],
    edges: [{ id: 'e1', source: 'hw', target: 'vm' }]
  };
  await page.getByTestId('open-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken, null, 2))
  });

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Could not open broken.json');
  await expect(alert.locator('code')).toHaveText(['$.nodes[0].kind']);
  await expect(alert).toContainText('unknown kind "virtual-machine"');
  await expect(alert).toContainText('Your diagram is unchanged.');

  // Nothing changed: same nodes and edges, same title, same verdict, nothing to undo.
  await expect.poll(() => nodeIds(page)).toEqual(before);
  await expect(edges(page)).toHaveCount(4);
  await expect(page.getByLabel('Diagram title')).toHaveValue('Type 2: VirtualBox on Windows 11');
  await expect(badge(page, 'hw')).toHaveText(/^\s*Type 2\s*✓\s*$/);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a UTF-16 file (Windows PowerShell >) opens; a Latin-1 file is refused with its byte offset', async ({
  page,
  consoleErrors
}) => {
  await openEditor(page);
  const doc = {
    version: 1,
    title: 'UTF-16 서버',
    nodes: [{ id: 'box', kind: 'hardware', label: 'Box' }],
    edges: []
  };
  await page.getByTestId('open-file').setInputFiles({
    name: 'u16.json',
    mimeType: 'application/json',
    buffer: Buffer.from('\ufeff' + JSON.stringify(doc), 'utf16le')
  });
  await expect.poll(() => nodeIds(page)).toEqual(['box']);
  await expect(page.getByLabel('Diagram title')).toHaveValue('UTF-16 서버');

  // "Café" saved by a Latin-1 editor: the 0xe9 byte is at offset 36 on line 1.
  const latin1 = Buffer.from('{"version":1,"nodes":[],"title":"Caf\u00e9"}', 'latin1');
  await page.getByTestId('open-file').setInputFiles({
    name: 'latin1.json',
    mimeType: 'application/json',
    buffer: latin1
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not open latin1.json');
  await expect(alert).toContainText('not valid UTF-8 at byte offset 36 (line 1)');
  await expect(page.getByLabel('Diagram title')).toHaveValue('UTF-16 서버');
  expect(consoleErrors).toEqual([]);
});
