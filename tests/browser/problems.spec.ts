import {
  badge,
  chooseExample,
  clickEmptyCanvas,
  expect,
  node,
  openEditor,
  paletteItem,
  problems,
  renameInput,
  test
} from './fixtures';

// Mistakes show on the node and in the problems list, with a quick fix that undo/redo respect;
// an expectation on a hardware node is checked too.

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test('a service dropped on the hypervisor is an error with a quick fix; undo and redo', async ({
  page
}) => {
  // The Type 2 example: put a web server straight onto VirtualBox.
  await node(page, 'vbox').click();
  await expect(node(page, 'vbox')).toHaveClass(/\bselected\b/);
  await paletteItem(page, 'Web server (Service)').click();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Escape');

  const service = node(page, 'svc-1');
  const invalidHost = problems(page, 'invalid-host');
  await expect(service).toHaveAttribute('aria-label', 'Service: Web server (1 error)');
  await expect(service.locator('.problem.error')).toHaveText('1');
  await expect(service).toHaveClass(/\bhas-error\b/);
  await expect(invalidHost).toHaveCount(1);
  await expect(invalidHost.locator('.message')).toContainText(
    'sits directly on the hypervisor "Oracle VM VirtualBox"'
  );
  await expect(page.getByTestId('status')).toContainText('1 error');
  await expect(page.getByTestId('no-problems')).toHaveCount(0);

  // The fix puts a guest OS between them (and opens its rename input).
  await invalidHost.getByRole('button', { name: 'Fix' }).click();
  await expect(invalidHost).toHaveCount(0);
  await expect(node(page, 'os-1')).toHaveAttribute('aria-label', 'OS: Guest OS');
  await expect(service).toHaveAttribute('aria-label', 'Service: Web server');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(badge(page, 'hw')).toHaveText(/^\s*Type 2\s*✓\s*$/);

  // Undo and redo from the canvas, not from an input.
  await clickEmptyCanvas(page);
  await expect(renameInput(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(invalidHost).toHaveCount(1);
  await expect(node(page, 'os-1')).toHaveCount(0);
  await expect(service).toHaveAttribute('aria-label', 'Service: Web server (1 error)');

  await page.keyboard.press('Control+Shift+Z');
  await expect(invalidHost).toHaveCount(0);
  await expect(node(page, 'os-1')).toBeVisible();
  await expect(service).toHaveAttribute('aria-label', 'Service: Web server');
  await expect(page.getByTestId('no-problems')).toBeVisible();
});

test('an unmet expectation is shown on the badge and explained in the problems list', async ({
  page
}) => {
  await chooseExample(page, 'type1-esxi.json');
  await expect(page.getByLabel('Diagram title')).toHaveValue(
    'Type 1: ESXi with Windows Server guests'
  );
  await expect(badge(page, 'hw')).toHaveText(/^\s*Type 1\s*✓\s*$/);

  await node(page, 'hw').click();
  await page.getByTestId('inspector-expect').selectOption('type2');

  // The mark stands by the stack's verdict, the expectation after it.
  await expect(badge(page, 'hw')).toHaveText(/✗\s*·\s*expected Type 2: not met\s*$/);
  await expect(badge(page, 'hw')).toHaveClass(/\bbad\b/);
  await expect(page.getByTestId('status')).toContainText('Type 1 ✗');

  const unmet = problems(page, 'expectation-unmet');
  await expect(unmet).toHaveCount(1);
  await expect(unmet.locator('.message')).toHaveText(
    'You asked for a Type 2 stack on "Dell PowerEdge R740", but "ESXi 8" sits directly on the ' +
      'hardware. A Type 2 hypervisor needs a host OS underneath.'
  );
});
