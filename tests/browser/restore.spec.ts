import type { Page } from '@playwright/test';
import { expect, nodes, openEditor, test, waitLaidOut, waitReady } from './fixtures';

// A corrupted autosave never stops the editor from starting and never loses the record:
// each stored record is read like a file; one that fails is kept untouched, the user is
// told why and can download it, and the editor starts ready with a new diagram.

test.describe.configure({ timeout: 120_000 });

const SHAPES: [string, unknown][] = [
  [
    'a label that is a number',
    {
      id: 'x',
      savedAt: 1,
      doc: { version: 1, nodes: [{ id: 'a', kind: 'hardware', label: 5 }], edges: [] }
    }
  ],
  ['doc: null', { id: 'x', savedAt: 1, doc: null }],
  ['a string', 'just a string'],
  ['an empty object', {}],
  ['nodes: "x"', { id: 'x', savedAt: 1, doc: { version: 1, nodes: 'x', edges: [] } }],
  [
    'a node without kind',
    { id: 'x', savedAt: 1, doc: { version: 1, nodes: [{ id: 'a', label: 'A' }], edges: [] } }
  ],
  ['a record of the wrong type', [1, 2, 3]],
  [
    'kind toaster',
    {
      id: 'x',
      savedAt: 1,
      doc: { version: 1, nodes: [{ id: 'a', kind: 'toaster', label: 'A' }], edges: [] }
    }
  ],
  ['version 99', { id: 'x', savedAt: 1, doc: { version: 99, nodes: [], edges: [] } }],
  [
    'an edge to a missing node',
    {
      id: 'x',
      savedAt: 1,
      doc: {
        version: 1,
        nodes: [{ id: 'a', kind: 'hardware', label: 'A' }],
        edges: [{ id: 'e', source: 'a', target: 'ghost' }]
      }
    }
  ],
  [
    'an object title',
    { id: 'x', savedAt: 1, doc: { version: 1, title: { t: 1 }, nodes: [], edges: [] } }
  ]
];

/** Put `record` in place of the diagram's stored version (as a bug or an extension might). */
function corrupt(page: Page, id: string, record: unknown): Promise<void> {
  return page.evaluate(
    ([id, record]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stackdraw');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('slots', 'readwrite');
          const slots = tx.objectStore('slots');
          const get = slots.get(`${id}:pointer`);
          get.onsuccess = () => slots.put(record, `${id}:${get.result}`);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [id, record] as const
  );
}

/** The stored version of a diagram, as it is. */
function stored(page: Page, id: string): Promise<unknown> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stackdraw');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const slots = open.result.transaction('slots').objectStore('slots');
          const get = slots.get(`${id}:pointer`);
          get.onsuccess = () => {
            const rec = slots.get(`${id}:${get.result}`);
            rec.onsuccess = () => resolve(rec.result);
          };
        };
      }),
    id
  );
}

test('every corrupted shape of the saved diagram: the editor starts, says why, keeps the record', async ({
  page,
  consoleErrors
}, testInfo) => {
  await openEditor(page);
  await waitLaidOut(page);
  const id = (await page.evaluate(() => sessionStorage.getItem('stackdraw.diagram')))!;
  expect(id).toBeTruthy();
  for (const [name, record] of SHAPES) {
    await corrupt(page, id, record);
    // This tab's own diagram is the one restored on reload.
    await page.evaluate((id) => sessionStorage.setItem('stackdraw.diagram', id), id);
    await page.reload();
    await waitReady(page);
    const banner = page.getByTestId('restore-failed');
    await expect(banner, name).toContainText('The saved diagram could not be restored:');
    await expect(nodes(page), name).toHaveCount(0);
    expect(await stored(page, id), name).toEqual(record);
  }
  await page.screenshot({ path: testInfo.outputPath('restore-failed.png') });
  // The saved data can be downloaded as it was.
  const download = page.waitForEvent('download');
  await page
    .getByTestId('restore-failed')
    .getByRole('button', { name: 'Download the saved data' })
    .click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(SHAPES[SHAPES.length - 1][1]);
  // And the editor works: a new stack can be built and is saved under its own identity.
  await page.getByTestId('restore-failed').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('restore-failed')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
