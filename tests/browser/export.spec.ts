import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  expect,
  fileMenu,
  nodes,
  openEditor,
  openFile,
  setTheme,
  test,
  waitLaidOut
} from './fixtures';

// The editor's SVG is the CLI's SVG: same core, font and HarfBuzz, byte for byte.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'stackdraw.js');

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

test.beforeAll(() => {
  // Build the CLI when it is missing, or older than the code it bundles (the app is always
  // built fresh by the web server, so a stale CLI would compare old code with new).
  const stale =
    !existsSync(CLI_BUNDLE) ||
    statSync(CLI_BUNDLE).mtimeMs <
      Math.max(newest(join(ROOT, 'src', 'cli')), newest(join(ROOT, 'src', 'lib')));
  if (stale) {
    execFileSync(process.execPath, ['scripts/build-cli.js'], { cwd: ROOT, stdio: 'pipe' });
  }
});

/** Run `stackdraw export JSON -o SVG`; an invalid document still writes its picture (exit 1). */
function cliExport(jsonPath: string, svgPath: string): number {
  try {
    execFileSync(process.execPath, ['bin/stackdraw.js', 'export', jsonPath, '-o', svgPath], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 60_000
    });
    return 0;
  } catch (e) {
    const status = (e as { status?: number }).status ?? -1;
    if (status !== 1) throw e;
    return status;
  }
}

/** Export → Download SVG: the suggested file name and where it was saved. */
async function downloadSvg(page: Page, path: string): Promise<string> {
  const exporting = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Download SVG' }).click();
  const download = await exporting;
  await download.saveAs(path);
  return download.suggestedFilename();
}

/** Open the editor in the CLI's defaults: light theme, graph view. */
async function openLightGraph(page: Page): Promise<void> {
  await openEditor(page);
  await setTheme(page, 'light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const view = page.getByRole('combobox', { name: 'View', exact: true });
  await view.selectOption({ label: 'Graph' });
  await expect(view).toHaveValue('graph');
}

/** The same bytes, compared as text first (a readable diff on failure). */
function expectSameFile(a: string, b: string): void {
  const x = readFileSync(a);
  const y = readFileSync(b);
  expect(x.length).toBeGreaterThan(1000);
  expect(x.toString('utf8')).toBe(y.toString('utf8'));
  expect(x.equals(y)).toBe(true);
}

test('the downloaded SVG equals the CLI export of the saved document, byte for byte', async ({
  page
}, testInfo) => {
  test.setTimeout(90_000);
  await openLightGraph(page);
  // Positions from the first layout are part of the document: wait until they are in.
  await waitLaidOut(page);

  // Save: the document as JSON.
  const saving = page.waitForEvent('download');
  await fileMenu(page, 'Save');
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('Type 2 - VirtualBox on Windows 11.json');
  const jsonPath = testInfo.outputPath('saved.json');
  await saved.saveAs(jsonPath);
  const doc = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(doc.nodes).toHaveLength(5);
  for (const n of doc.nodes)
    expect(n.position, n.id).toEqual({ x: expect.any(Number), y: expect.any(Number) });

  // Export → Download SVG, and the CLI on the saved document (light theme and graph view are
  // its defaults).
  const editorSvgPath = testInfo.outputPath('editor.svg');
  expect(await downloadSvg(page, editorSvgPath)).toBe('Type 2 - VirtualBox on Windows 11.svg');
  const cliSvgPath = testInfo.outputPath('cli.svg');
  expect(cliExport(jsonPath, cliSvgPath)).toBe(0);
  expect(readFileSync(editorSvgPath).subarray(0, 40).toString()).toContain('<svg');
  expectSameFile(editorSvgPath, cliSvgPath);
});

test('Unicode labels: the editor measures, wraps and draws them as the CLI does', async ({
  page
}, testInfo) => {
  test.setTimeout(90_000);
  await openLightGraph(page);
  // Decomposed Hangul (as macOS file names give it), emoji sequences, CJK, Hebrew, Arabic:
  // Chromium's grapheme segmentation and emoji matching must give the CLI's lines and boxes.
  const doc = {
    version: 1,
    title: 'Lab: 서버 #2',
    nodes: [
      { id: 'hw', kind: 'hardware', label: 'Linux 🐧 서버 虚拟机 שרת' },
      { id: 'hv', kind: 'hypervisor', label: 'خادم الويب ESXi 8 👨‍👩‍👧‍👦 🇰🇷' },
      {
        id: 'vm',
        kind: 'os',
        label:
          '\u1100\u1161\u1109\u1161\u11bc\u1106\u1165\u1109\u1175\u11ab 虚拟机管理平台和服务器集群的监控系统'
      },
      { id: 'web', kind: 'service', label: '🐧'.repeat(14) }
    ],
    edges: [
      { id: 'e1', source: 'hw', target: 'hv' },
      { id: 'e2', source: 'hv', target: 'vm' },
      { id: 'e3', source: 'vm', target: 'web' }
    ]
  };
  await openFile(page, 'unicode.json', 'application/json', JSON.stringify(doc));
  await expect(nodes(page)).toHaveCount(4);
  await waitLaidOut(page);
  // The NFD label is shown composed, on one line.
  await expect(page.getByTestId('node-vm').locator('.node-label span').first()).toHaveText(
    /^가상머신 /
  );

  const saving = page.waitForEvent('download');
  await fileMenu(page, 'Save');
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('Lab - 서버 #2.json');
  const jsonPath = testInfo.outputPath('unicode.json');
  await saved.saveAs(jsonPath);
  expect(JSON.parse(readFileSync(jsonPath, 'utf8')).nodes[2].label).toBe(doc.nodes[2].label);

  const editorSvgPath = testInfo.outputPath('editor-unicode.svg');
  expect(await downloadSvg(page, editorSvgPath)).toBe('Lab - 서버 #2.svg');
  const cliSvgPath = testInfo.outputPath('cli-unicode.svg');
  cliExport(jsonPath, cliSvgPath);
  expectSameFile(editorSvgPath, cliSvgPath);
});
