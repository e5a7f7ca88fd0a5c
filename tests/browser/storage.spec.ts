import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  chooseExample,
  expect,
  fileMenu,
  node,
  nodeIds,
  nodes,
  openEditor,
  openMenu,
  paletteItem,
  renameInput,
  test,
  waitLaidOut,
  waitReady,
  waitSaved
} from './fixtures';

// Hard to break: a full disk, a failed write, a second tab or a New never lose the diagram.

// Each test starts the editor more than once (reloads, a second tab): on a busy two-core
// machine that is 10 s or more per start.
test.describe.configure({ timeout: 60_000 });

/** The Type 2 example's nodes, what a first visit shows. */
const EXAMPLE = ['host', 'hw', 'ubuntu', 'vbox', 'web'];

interface FailPut {
  /** The DOMException name thrown, e.g. QuotaExceededError. */
  name: string;
  /** Only keys ending with this fail (all keys when absent). */
  keySuffix?: string;
}

/**
 * From the first script on, IDBObjectStore.prototype.put throws while `window.__failPut` is
 * set (see failPuts): what a browser does when storage is full or a write fails.
 */
async function installFailingPut(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __failPut?: FailPut; __failedPuts: number };
    w.__failedPuts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey
    ) {
      const fail = w.__failPut;
      if (fail && (fail.keySuffix === undefined || String(key).endsWith(fail.keySuffix))) {
        w.__failedPuts++;
        throw new DOMException(`simulated ${fail.name}`, fail.name);
      }
      return put.call(this, value, key);
    };
  });
}

const failPuts = (page: Page, fail: FailPut | null) =>
  page.evaluate((f) => {
    (window as unknown as { __failPut?: FailPut }).__failPut = f ?? undefined;
  }, fail);

const failedPuts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __failedPuts: number }).__failedPuts);

/** Add a palette item (on the selected node, or on its own) and leave the rename box. */
async function addFromPalette(page: Page, item: string, id: string): Promise<void> {
  await paletteItem(page, item).click();
  await expect(node(page, id)).toBeVisible();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(renameInput(page)).toHaveCount(0);
}

const title = (page: Page) => page.getByLabel('Diagram title');

/** Keyboard shortcuts go to the editor: nothing focused (not the select or input just used). */
const blur = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('storage full: a clear message, the diagram stays in memory, and it can be saved to a file', async ({
  page,
  consoleErrors
}, testInfo) => {
  await installFailingPut(page);
  await openEditor(page);
  await waitLaidOut(page);

  // From now on the browser refuses every write: storage is full.
  await failPuts(page, { name: 'QuotaExceededError' });
  await title(page).fill('Edited while the disk is full');
  await addFromPalette(page, 'Hardware (Hardware)', 'hw-1');

  const banner = page.getByTestId('storage-full');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('storage is full');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  expect(await failedPuts(page)).toBeGreaterThan(0);

  // The diagram is still the edited one, in memory.
  await expect(title(page)).toHaveValue('Edited while the disk is full');
  await expect.poll(() => nodeIds(page)).toEqual([...EXAMPLE, 'hw-1'].sort());

  // "Save to a file" downloads the edited document.
  const downloading = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Save to a file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const path = testInfo.outputPath('saved.json');
  await download.saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved.title).toBe('Edited while the disk is full');
  expect(saved.nodes.map((n: { id: string }) => n.id).sort()).toEqual([...EXAMPLE, 'hw-1'].sort());

  // Once there is room again, the next change is saved and the message goes away.
  await failPuts(page, null);
  await title(page).fill('Saved again');
  await waitSaved(page);
  await expect(banner).toBeHidden();
  await page.reload();
  await waitReady(page);
  await expect(title(page)).toHaveValue('Saved again');
  await expect.poll(() => nodeIds(page)).toEqual([...EXAMPLE, 'hw-1'].sort());
  expect(consoleErrors).toEqual([]);
});

test.describe('two tabs on the same diagram', () => {
  /** Tab A saves the example (it becomes the current diagram), tab B opens the same one. */
  async function twoTabs(page: Page, consoleErrors: string[]): Promise<Page> {
    await openEditor(page);
    await waitLaidOut(page);
    const other = await page.context().newPage();
    other.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`tab B console.error: ${m.text()}`);
    });
    other.on('pageerror', (e) => consoleErrors.push(`tab B uncaught: ${e.message}`));
    await openEditor(other);
    await expect.poll(() => nodeIds(other)).toEqual(EXAMPLE);
    await waitSaved(other);
    // Opening it in B changed nothing A has to hear about.
    await expect(page.getByTestId('tab-conflict')).toHaveCount(0);
    return other;
  }

  test('the other tab is told, and "Load that version" shows the change', async ({
    page,
    consoleErrors
  }) => {
    const b = await twoTabs(page, consoleErrors);

    await addFromPalette(page, 'Web server (Service)', 'svc-1');
    await waitSaved(page);

    const banner = b.getByTestId('tab-conflict');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('changed in another tab');
    await expect(node(b, 'svc-1')).toHaveCount(0);

    await banner.getByRole('button', { name: 'Load that version' }).click();
    await expect(banner).toBeHidden();
    await expect(node(b, 'svc-1')).toBeVisible();
    await expect.poll(() => nodeIds(b)).toEqual([...EXAMPLE, 'svc-1'].sort());
    // The reload is not a change of B's: A is not told about it.
    await b.waitForTimeout(500);
    await expect(page.getByTestId('tab-conflict')).toHaveCount(0);
    await b.close();
    expect(consoleErrors).toEqual([]);
  });

  /**
   * A adds a service and saves; B, told about it, goes on editing its own copy meanwhile,
   * keeps it as a new diagram, and edits it again.
   */
  async function keepMine(page: Page, b: Page): Promise<void> {
    await addFromPalette(page, 'Web server (Service)', 'svc-1');
    await waitSaved(page);
    const banner = b.getByTestId('tab-conflict');
    await expect(banner).toBeVisible();
    await addFromPalette(b, 'Hardware (Hardware)', 'hw-1');

    await banner.getByRole('button', { name: 'Keep mine as a new diagram' }).click();
    await expect(banner).toBeHidden();
    await waitSaved(b);
    // B kept its own state: its node, not A's.
    await expect.poll(() => nodeIds(b)).toEqual([...EXAMPLE, 'hw-1'].sort());

    // B's next edit is B's alone: A is not told, A's diagram is unchanged.
    await title(b).fill('B on its own');
    await waitSaved(b);
    await b.waitForTimeout(500);
    await expect(page.getByTestId('tab-conflict')).toHaveCount(0);
    await expect.poll(() => nodeIds(page)).toEqual([...EXAMPLE, 'svc-1'].sort());
  }

  test('"Keep mine as a new diagram" keeps B\'s copy apart from A\'s', async ({
    page,
    consoleErrors
  }) => {
    const b = await twoTabs(page, consoleErrors);
    await keepMine(page, b);

    // Both are stored: reloading B shows B's copy, and A's diagram, as A saved it, is in
    // B's Recent list (B's edits never overwrote it).
    await b.reload();
    await waitReady(b);
    await expect.poll(() => nodeIds(b)).toEqual([...EXAMPLE, 'hw-1'].sort());
    await expect(title(b)).toHaveValue('B on its own');
    const recent = await openMenu(b, 'file');
    const theirs = recent.locator('[data-recent]', { hasText: 'Type 2: VirtualBox on Windows 11' });
    await expect(theirs).toHaveCount(1);
    await theirs.click();
    await expect.poll(() => nodeIds(b)).toEqual([...EXAMPLE, 'svc-1'].sort());
    await expect(title(b)).toHaveValue('Type 2: VirtualBox on Windows 11');
    await b.close();
    expect(consoleErrors).toEqual([]);
  });

  // Each tab remembers its own diagram (sessionStorage), so another tab's saves never
  // switch it to a different diagram on reload.
  test("after B keeps its copy and edits it, reloading A brings back A's diagram", async ({
    page,
    consoleErrors
  }) => {
    const b = await twoTabs(page, consoleErrors);
    await keepMine(page, b);

    // Reloading A brings back A's diagram: A's edit, none of B's.
    await page.reload();
    await waitReady(page);
    await expect.poll(() => nodeIds(page)).toEqual([...EXAMPLE, 'svc-1'].sort());
    await expect(title(page)).toHaveValue('Type 2: VirtualBox on Windows 11');
    // And B still gets B's.
    await b.reload();
    await waitReady(b);
    await expect.poll(() => nodeIds(b)).toEqual([...EXAMPLE, 'hw-1'].sort());
    await b.close();
    expect(consoleErrors).toEqual([]);
  });
});

/** Ways to put another document in place of the current one. */
const REPLACEMENTS: {
  name: string;
  replace: (page: Page) => Promise<void>;
  /** What the replacement shows. */
  ids: string[];
  title: string;
}[] = [
  {
    name: 'New',
    replace: (page) => fileMenu(page, 'New'),
    ids: [],
    title: ''
  },
  {
    name: 'loading an example',
    replace: (page) => chooseExample(page, 'dedicated-server.json'),
    ids: [],
    title: '전용 서버 (Dedicated Server)'
  },
  {
    name: 'opening a file',
    replace: (page) =>
      page.getByTestId('open-file').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            version: 1,
            title: 'Opened from a file',
            nodes: [{ id: 'box', kind: 'hardware', label: 'Another server' }],
            edges: []
          })
        )
      }),
    ids: ['box'],
    title: 'Opened from a file'
  }
];

for (const r of REPLACEMENTS) {
  test(`${r.name} keeps the previous diagram one undo away and in Recent`, async ({
    page,
    consoleErrors
  }) => {
    await openEditor(page);
    await waitLaidOut(page);
    await title(page).fill('My edited diagram');
    await addFromPalette(page, 'Hardware (Hardware)', 'hw-1');
    await waitSaved(page);
    const mine = [...EXAMPLE, 'hw-1'].sort();

    const replaced = async () => {
      await expect(title(page)).toHaveValue(r.title);
      await expect(node(page, 'hw-1')).toHaveCount(0);
      if (r.ids.length) await expect.poll(() => nodeIds(page)).toEqual(r.ids);
      else if (r.name === 'New') await expect(nodes(page)).toHaveCount(0);
    };
    const mineBack = async () => {
      await expect(title(page)).toHaveValue('My edited diagram');
      await expect.poll(() => nodeIds(page)).toEqual(mine);
    };

    await r.replace(page);
    await replaced();

    // One undo away (the focus on the page, not on the control just used).
    await blur(page);
    await page.keyboard.press('Control+z');
    await mineBack();
    await page.keyboard.press('Control+Shift+z');
    await replaced();
    await waitSaved(page);

    // And kept as a recent diagram.
    const recent = await openMenu(page, 'file');
    const option = recent.locator('[data-recent]', { hasText: 'My edited diagram' });
    await expect(option).toHaveCount(1);
    await option.click();
    await mineBack();
    await waitSaved(page);

    // It is the current diagram again: a reload shows it.
    await page.reload();
    await waitReady(page);
    await mineBack();
    expect(consoleErrors).toEqual([]);
  });
}

test('a save that fails half-way leaves the previously saved version to restore', async ({
  page,
  consoleErrors
}) => {
  await installFailingPut(page);
  await openEditor(page);
  await waitLaidOut(page);
  await title(page).fill('Saved version');
  await addFromPalette(page, 'Hardware (Hardware)', 'hw-1');
  await waitSaved(page);

  // The next save fails when it switches the diagram's pointer to the slot it just wrote.
  await failPuts(page, { name: 'UnknownError', keySuffix: ':pointer' });
  await title(page).fill('Half-saved version');
  await addFromPalette(page, 'Web server (Service)', 'svc-1');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'failed');
  expect(await failedPuts(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('storage-full')).toHaveCount(0);

  // A reload restores the last complete save: not the half-written one, not an empty one.
  await page.reload();
  await waitReady(page);
  await expect(title(page)).toHaveValue('Saved version');
  await expect.poll(() => nodeIds(page)).toEqual([...EXAMPLE, 'hw-1'].sort());
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('an edit followed at once by a reload is not lost (saved when the page is hidden)', async ({
  page
}) => {
  await openEditor(page);
  await waitLaidOut(page);
  // The title is typed and the page reloaded immediately: no time for the usual pause.
  await title(page).fill('Saved on the way out');
  await page.reload();
  await waitReady(page);
  await expect(title(page)).toHaveValue('Saved on the way out');
});

test('closing with a save still pending asks first; with nothing pending it does not', async ({
  page
}) => {
  const leaving = () =>
    page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
  await openEditor(page);
  await waitLaidOut(page);
  // Nothing pending: the page closes without a question.
  await expect.poll(leaving).toBe(false);
  // Make every write hang, edit, and try to leave while the save is pending.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => new Promise(() => {}) as never;
  });
  await title(page).fill('pending');
  expect(await leaving()).toBe(true);
});
