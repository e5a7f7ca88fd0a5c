import {
  chooseExample,
  expect,
  openEditor,
  openMenu,
  problems,
  setLanguage,
  test
} from './fixtures';

// The whole interface and the diagnostics switch to Korean.

const HANGUL = /[\uac00-\ud7a3]/;

test('switches the interface and the diagnostics to Korean', async ({ page }) => {
  await openEditor(page);
  await setLanguage(page, 'ko');

  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('file-menu').locator('summary')).toHaveText('파일');
  await expect(page.getByRole('heading', { name: '문제', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '팔레트', exact: true })).toBeVisible();
  await expect(page.getByTestId('no-problems')).toHaveText(
    '문제가 없습니다. 모든 스택이 규칙을 따릅니다.'
  );
  await expect(page.getByTestId('status')).toContainText('스택 1개');
  await expect(page.getByTestId('save-state')).toHaveText(/저장/);
  // The select is labelled in the new language too.
  await openMenu(page, 'settings');
  await expect(page.getByLabel('언어')).toHaveValue('ko');
  await page.keyboard.press('Escape');

  // A mistake example: its diagnostics are in Korean.
  await chooseExample(page, 'mistake-service-on-hypervisor.json');
  const error = problems(page, 'invalid-host');
  await expect(error).toHaveCount(1);
  await expect(error.locator('.sev')).toHaveText('오류');
  await expect(error.locator('.message')).toHaveText(HANGUL);
  await expect(error.locator('.message')).toContainText(
    '서비스 아래에는 운영체제가 있어야 합니다.'
  );
  await expect(error.locator('.hint')).toHaveText(HANGUL);
  await expect(error.locator('.hint')).toContainText('vCenter');
  await expect(error.getByRole('button', { name: '고치기' })).toBeVisible();
  for (const message of await page.locator('li.problem .message').allTextContents()) {
    expect(message).toMatch(HANGUL);
  }
  await expect(page.getByTestId('status')).toContainText('오류 1개');
  await expect(page.getByTestId('node-web')).toHaveAttribute(
    'aria-label',
    /^서비스: Web server \(오류 1개\)$/
  );
});
