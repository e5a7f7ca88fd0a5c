import {
  badge,
  expect,
  node,
  openEditor,
  paletteItem,
  problems,
  renameInput,
  setLanguage,
  setTheme,
  test
} from './fixtures';

// Rules v2 in the editor: containers in the palette and on the canvas, colours from the kind
// spec, and captions, default labels and fixes in the interface language.

test('a container from the palette runs on the selected OS, coloured as the spec says', async ({
  page
}) => {
  await openEditor(page);
  await node(page, 'ubuntu').click();
  await paletteItem(page, 'nginx (Container)').click();
  await expect(renameInput(page)).toBeFocused();
  await page.keyboard.press('Escape');

  const container = node(page, 'ct-1');
  await expect(container).toHaveAttribute('aria-label', 'Container: nginx');
  await expect(container.locator('.node-caption')).toHaveText('CONTAINER');
  // Light theme: the container fill of core/model/kinds.ts (#ccfbf1).
  await setTheme(page, 'light');
  await expect(container).toHaveCSS('background-color', 'rgb(204, 251, 241)');
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await expect(badge(page, 'hw')).toHaveText(/Type 2/);

  // A container straight on the hypervisor is refused, with a fix that adds a guest OS.
  await node(page, 'vbox').click();
  await paletteItem(page, 'PostgreSQL (Container)').click();
  await page.keyboard.press('Escape');
  const refused = problems(page, 'invalid-host');
  await expect(refused).toHaveCount(1);
  await expect(refused.locator('.hint')).toContainText("for instance a VM's guest OS");
  await refused.getByRole('button', { name: 'Fix' }).click();
  await expect(refused).toHaveCount(0);
});

test('in Korean, captions, new nodes, palette services and fixes speak Korean', async ({
  page
}) => {
  await openEditor(page);
  await setLanguage(page, 'ko');
  await expect(node(page, 'ubuntu').locator('.node-caption')).toHaveText('게스트 OS');
  await expect(node(page, 'host').locator('.node-caption')).toHaveText('호스트 OS');
  await expect(node(page, 'vbox').locator('.node-caption')).toHaveText('하이퍼바이저 · 유형 2');
  await expect(node(page, 'hw').locator('.node-caption')).toHaveText('하드웨어');

  // A palette service gets its Korean label.
  await node(page, 'ubuntu').click();
  await page
    .getByRole('region', { name: '팔레트' })
    .getByRole('button', { name: '웹 서버 (서비스)', exact: true })
    .click();
  await expect(renameInput(page)).toHaveValue('웹 서버');
  await page.keyboard.press('Escape');

  // A plain hypervisor gets the Korean default label; on VirtualBox it is nested (a note).
  await node(page, 'hw').click();
  await page
    .getByRole('region', { name: '팔레트' })
    .getByRole('button', { name: '하이퍼바이저 (하이퍼바이저)', exact: true })
    .click();
  await expect(renameInput(page)).toHaveValue('하이퍼바이저');
  await page.keyboard.press('Escape');
  // Two systems on the laptop now: the error is in Korean, and so is its fix's new node.
  const error = problems(page, 'one-bare-metal-system');
  await expect(error).toHaveCount(1);
  await expect(error.locator('.message')).toContainText('한 대의 기계는');

  // The idle hypervisor's fix adds a guest OS named in Korean.
  const idle = problems(page, 'idle-hypervisor');
  await idle.getByRole('button', { name: '고치기' }).click();
  await expect(renameInput(page)).toHaveValue('게스트 OS');
});
