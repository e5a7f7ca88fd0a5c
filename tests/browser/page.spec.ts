import { expect, test } from '@playwright/test';

// The start page: open an example, read its report, switch example and language.

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

// Every test leaves a picture of where it ended, in its own output folder.
test.afterEach(async ({ page }, testInfo) => {
  await page.screenshot({ path: testInfo.outputPath('final-state.png'), fullPage: true });
});

test('opens the Type 2 example and classifies it', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('stackdraw');
  await expect(page.getByLabel('Example')).toHaveValue('type2-virtualbox.json');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    'Type 2: VirtualBox on Windows 11'
  );
  await expect(page.getByRole('listitem').filter({ hasText: 'Laptop (Intel Core i7)' })).toHaveText(
    'Laptop (Intel Core i7): Type 2 stack, valid'
  );
  await expect(page.getByTestId('verdict')).toContainText('Valid');
  await expect(page.getByText('No problems found.')).toBeVisible();
});

test('lists all eight examples, and each opens with a report', async ({ page }) => {
  const picker = page.getByLabel('Example');
  const options = picker.locator('option');
  await expect(options).toHaveCount(8);
  for (const file of await options.evaluateAll((all) =>
    all.map((o) => (o as HTMLOptionElement).value)
  )) {
    await picker.selectOption(file);
    await expect(page.getByTestId('verdict'), file).toBeVisible();
    await expect(page.locator('.stacks li').first(), file).toBeVisible();
  }
});

test('shows the error of a mistake example', async ({ page }) => {
  await page.getByLabel('Example').selectOption('mistake-service-on-hypervisor.json');

  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    'Mistake: a service directly on a hypervisor'
  );
  await expect(page.getByText('Dell PowerEdge R740: Invalid stack')).toBeVisible();
  const error = page.locator('.diagnostic.error');
  await expect(error).toHaveCount(1);
  await expect(error.locator('.severity')).toHaveText('Error');
  await expect(error.locator('.rule')).toHaveText('invalid-host');
  await expect(error.locator('.message')).toContainText(
    'sits directly on the hypervisor "ESXi 8". A service needs an operating system under it.'
  );
  await expect(error.locator('.hint')).toContainText('Add a guest OS (a VM) between them');
  await expect(page.getByTestId('verdict')).toHaveText('Invalid (1 error, 1 warning)');
});

test('switches the report to Korean', async ({ page }) => {
  await expect(page.getByText('Laptop (Intel Core i7): Type 2 stack, valid')).toBeVisible();
  await page.getByLabel('Language').selectOption('ko');

  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByText('Laptop (Intel Core i7): Type 2 스택, 유효')).toBeVisible();
  await expect(page.getByText('문제가 없습니다.')).toBeVisible();

  // Messages are rendered again in the new language.
  await page.getByLabel('예제').selectOption('mistake-service-on-hypervisor.json');
  const error = page.locator('.diagnostic.error');
  await expect(error.locator('.severity')).toHaveText('오류');
  await expect(error.locator('.rule')).toHaveText('invalid-host');
  await expect(error.locator('.message')).toContainText(
    '서비스는 반드시 운영체제 위에서 실행됩니다.'
  );
  await expect(page.getByTestId('verdict')).toHaveText('오류 있음 (오류 1개, 경고 1개)');
});
