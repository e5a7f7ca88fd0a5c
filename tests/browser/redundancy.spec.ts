import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  chooseExample,
  clickEmptyCanvas,
  expect,
  node,
  nodes,
  openEditor,
  openFile,
  openMenu,
  problems,
  setLanguage,
  test,
  waitStill
} from './fixtures';

/**
 * The redundancy issue in the browser: clusters, HA and FT, "What if … fails?", the
 * consolidation of the notes' 8 dedicated servers, and the failure view's export.
 */

/** Two ESXi hosts, each with a VM and its service; nothing protected, no cluster. */
const TWO_HOSTS = {
  version: 1,
  title: 'Two hosts',
  nodes: [
    { id: 's1', kind: 'hardware', label: 'Server 1', memoryGiB: 64 },
    { id: 's2', kind: 'hardware', label: 'Server 2', memoryGiB: 64 },
    { id: 'h1', kind: 'hypervisor', label: 'VMware ESXi' },
    { id: 'h2', kind: 'hypervisor', label: 'VMware ESXi' },
    { id: 'vm1', kind: 'os', label: 'Web VM', memoryGiB: 8 },
    { id: 'web', kind: 'service', label: 'Web shop' },
    { id: 'vm2', kind: 'os', label: 'DB VM', memoryGiB: 16 },
    { id: 'db', kind: 'service', label: 'Database' }
  ],
  edges: [
    { id: 'e1', source: 's1', target: 'h1' },
    { id: 'e2', source: 's2', target: 'h2' },
    { id: 'e3', source: 'h1', target: 'vm1' },
    { id: 'e4', source: 'vm1', target: 'web' },
    { id: 'e5', source: 'h2', target: 'vm2' },
    { id: 'e6', source: 'vm2', target: 'db' }
  ]
};

async function openTwoHosts(page: Page) {
  await openEditor(page);
  await openFile(page, 'two-hosts.json', 'application/json', JSON.stringify(TWO_HOSTS));
  await expect(nodes(page)).toHaveCount(8);
  await waitStill(node(page, 'web'));
}

/** The fate of a service in the What-if panel: its data-state and its words. */
const service = (page: Page, id: string) =>
  page.getByTestId('what-if-services').locator(`li[data-service="${id}"]`);

test('build a cluster, mark a VM HA, fail its host: it restarts on the other', async ({
  page,
  consoleErrors
}) => {
  await openTwoHosts(page);
  // Select both machines; the Inspector offers a cluster of them.
  await node(page, 's1').click();
  await node(page, 's2').click({ modifiers: ['Shift'] });
  await page.getByTestId('make-cluster').click();
  const fields = page.getByTestId('cluster-fields');
  await expect(fields.getByTestId('cluster-ha')).toBeChecked();
  await fields.getByTestId('cluster-name').fill('Production');

  // Protect the web VM with HA; no warning about it remains.
  await node(page, 'vm1').click();
  await page.getByTestId('inspector-protection').selectOption('ha');
  await expect(problems(page, 'ha-no-cluster')).toHaveCount(0);

  // What if Server 1 fails? (Shift+F starts with the selection failed.)
  await node(page, 's1').click();
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('what-if-panel')).toBeVisible();
  await expect(service(page, 'web')).toHaveAttribute('data-state', 'restarted');
  await expect(service(page, 'web')).toContainText('restarted (HA) · on Server 2');
  await expect(service(page, 'db')).toHaveAttribute('data-state', 'running');
  await expect(node(page, 's1')).toHaveAttribute('data-failure', 'failed');
  await expect(node(page, 'web')).toHaveAttribute('data-failure', 'stopped');
  // The ghost of the web VM (and its service) stands on Server 2's hypervisor.
  await expect(page.getByTestId('ghost:vm1:vm1')).toBeVisible();
  await expect(page.getByTestId('ghost:vm1:web')).toContainText('Web shop');
  const ghost = (await page.getByTestId('ghost:vm1:vm1').boundingBox())!;
  const hv2 = (await node(page, 'h2').boundingBox())!;
  expect(ghost.y + ghost.height).toBeLessThan(hv2.y);
  // The cluster's frame holds the ghost too, as the export draws it.
  const frame = (await page.locator('.cluster-frame').first().boundingBox())!;
  expect(ghost.x).toBeGreaterThanOrEqual(frame.x);
  expect(ghost.x + ghost.width).toBeLessThanOrEqual(frame.x + frame.width);
  expect(ghost.y).toBeGreaterThanOrEqual(frame.y);
  await page.screenshot({ path: test.info().outputPath('what-if-ha.png') });

  // Clicking the failed host again repairs it; Escape leaves the mode with nothing changed.
  await node(page, 's1').click();
  await expect(service(page, 'web')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('what-if-panel')).toHaveCount(0);
  await expect(node(page, 's1')).not.toHaveAttribute('data-failure');
  await expect(page.getByTestId('ghost:vm1:vm1')).toHaveCount(0);
  // Undo steps back over the protection, then the cluster name: the mode added none.
  await page.keyboard.press('Control+z');
  await node(page, 'vm1').click();
  await expect(page.getByTestId('inspector-protection')).toHaveValue('');
  expect(consoleErrors).toEqual([]);
});

test('an FT copy added from the Inspector continues when the primary’s host fails', async ({
  page,
  consoleErrors
}) => {
  await openTwoHosts(page);
  await node(page, 'vm1').click();
  await page.getByTestId('inspector-add-replica').selectOption({ label: 'VMware ESXi · Server 2' });
  await expect(nodes(page)).toHaveCount(10);
  await expect(page.getByTestId('inspector-replica')).toContainText('FT copy of Web VM');
  await expect(problems(page, 'ft-same-host')).toHaveCount(0);
  await expect(problems(page, 'ft-no-replica')).toHaveCount(0);
  // Fail Server 1 from the mode, by clicking it (nothing selected: nothing fails at first).
  await clickEmptyCanvas(page);
  await page.getByTestId('what-if').click();
  await expect(page.getByTestId('what-if-panel')).toContainText('Nothing has failed yet');
  await node(page, 's1').click();
  await expect(service(page, 'web')).toHaveAttribute('data-state', 'continues');
  await expect(service(page, 'web')).toContainText('continues (FT) · on Server 2');
  await expect(page.locator('[data-failure="continues"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('what-if-ft.png') });
  // The copy's host failing instead: the primary just goes on; the service is listed once.
  await node(page, 's1').click();
  await node(page, 's2').click();
  await expect(service(page, 'web')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('what-if-services').locator('li')).toHaveCount(2);
  await expect(page.locator('[data-failure="continues"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // The primary offers no second copy: it names its copy instead.
  await node(page, 'vm1').click();
  await expect(page.getByTestId('inspector-has-replica')).toContainText(
    'FT copy: Web VM (FT copy) on Server 2'
  );
  await expect(page.getByTestId('inspector-add-replica')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('What if by keyboard: Enter fails and repairs the focused node; the diagram cannot change', async ({
  page
}) => {
  await openTwoHosts(page);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Shift+F');
  await expect(page.getByTestId('what-if-panel')).toContainText('Nothing has failed yet');
  // Nodes stay focusable in the mode (Tab reaches them); Enter acts on the focused one.
  const s1 = page.locator('.svelte-flow__node[data-id="s1"]');
  await s1.focus();
  await expect(s1).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, 's1')).toHaveAttribute('data-failure', 'failed');
  await expect(service(page, 'web')).toHaveAttribute('data-state', 'down');
  // No rename box opened, and Undo (the last change was opening the file) waits.
  await expect(page.locator('input.rename')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(8);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(node(page, 's1')).not.toHaveAttribute('data-failure', 'failed');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('what-if-panel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
});

test('the FT pair example, in Korean: either host fails, the service goes on', async ({ page }) => {
  await openEditor(page);
  await setLanguage(page, 'ko');
  await chooseExample(page, 'redundancy-ft-pair.ko.json');
  await expect(node(page, 'pay')).toContainText('결제 서비스');
  await page.getByTestId('what-if').click();
  await node(page, 'esx1').click();
  await expect(service(page, 'pay')).toHaveAttribute('data-state', 'continues');
  await expect(service(page, 'pay')).toContainText('계속 실행(FT)');
  // The secondary's service is the same service: listed once.
  await expect(service(page, 'pay-2')).toHaveCount(0);
  await node(page, 'esx1').click();
  await node(page, 'esx2').click();
  await expect(service(page, 'pay')).toHaveAttribute('data-state', 'running');
});

test('consolidate the notes’ 8 dedicated servers onto 2 hosts, then undo', async ({
  page,
  consoleErrors
}) => {
  await openEditor(page);
  await chooseExample(page, 'redundancy-dedicated-8.en.json');
  await expect(nodes(page)).toHaveCount(24);
  await expect(page.getByTestId('summary')).toContainText(
    '8 machines · 0 VMs · 8 services · 1 service per machine · 8 single points of failure'
  );
  await page.getByTestId('consolidate').click();
  const dialog = page.getByTestId('consolidate-dialog');
  // Nothing selected: all of the diagram's dedicated servers, and it says so.
  await expect(dialog).toContainText(
    'All 8 dedicated servers of the diagram; their OSes take 76 GiB.'
  );
  await dialog.getByTestId('consolidate-product').selectOption('VMware ESXi');
  await dialog.getByTestId('consolidate-fixed').check();
  await dialog.getByTestId('consolidate-hosts').fill('2');
  await dialog.getByTestId('consolidate-go').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.notice')).toContainText('8 physical servers → 2 (4:1)');
  await expect(nodes(page)).toHaveCount(8 * 2 + 2 * 2);
  await expect(page.getByTestId('summary')).toContainText(
    '2 machines · 8 VMs · 8 services · 4 services per machine'
  );
  // Both hosts are valid Type 1 stacks.
  await expect(page.locator('[data-testid^="badge-"]')).toHaveCount(2);
  for (const b of await page.locator('[data-testid^="badge-"]').all())
    await expect(b).toContainText('Type 1');
  await page.screenshot({ path: test.info().outputPath('consolidated.png') });
  // One undo brings the eight servers back.
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(24);
  await expect(page.locator('[data-testid^="badge-"]')).toHaveCount(8);
  expect(consoleErrors).toEqual([]);
});

test('the failure view exports as SVG: heading, failed host, ghosts', async ({ page }) => {
  await openEditor(page);
  await chooseExample(page, 'redundancy-ha-restart.en.json');
  await waitStill(node(page, 'web'));
  await node(page, 'host1').click();
  await page.keyboard.press('Shift+F');
  await expect(service(page, 'web')).toHaveAttribute('data-state', 'restarted');
  const exporting = page.waitForEvent('download', { timeout: 60_000 });
  const menu = await openMenu(page, 'export');
  await menu.getByRole('menuitem', { name: 'Download SVG' }).click();
  const download = await exporting;
  const path = test.info().outputPath('failure-view.svg');
  await download.saveAs(path);
  const svg = await readFile(path, 'utf8');
  expect(svg).toContain('When "Hyper-V Server 1" fails');
  expect(svg).toContain('<g data-ghost="vm-web">');
  expect(svg).not.toMatch(/foreignObject|<script|xlink:href="http/);
  // Leaving the mode: the export is the plain diagram again.
  await page.keyboard.press('Escape');
  const again = page.waitForEvent('download', { timeout: 60_000 });
  await (await openMenu(page, 'export')).getByRole('menuitem', { name: 'Download SVG' }).click();
  const plainPath = test.info().outputPath('plain.svg');
  await (await again).saveAs(plainPath);
  expect(await readFile(plainPath, 'utf8')).not.toContain('data-ghost');
});
