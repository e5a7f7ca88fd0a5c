import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openEditor, test, waitLaidOut } from './fixtures';

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

test('the downloaded SVG equals the CLI export of the saved document, byte for byte', async ({
  page
}, testInfo) => {
  test.setTimeout(90_000);
  await openEditor(page);
  await page.getByRole('combobox', { name: 'Theme', exact: true }).selectOption({ label: 'Light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const view = page.getByRole('combobox', { name: 'View', exact: true });
  await view.selectOption({ label: 'Graph' });
  await expect(view).toHaveValue('graph');
  // Positions from the first layout are part of the document: wait until they are in.
  await waitLaidOut(page);

  // Save: the document as JSON.
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = await saving;
  expect(saved.suggestedFilename()).toBe('Type 2- VirtualBox on Windows 11.json');
  const jsonPath = testInfo.outputPath('saved.json');
  await saved.saveAs(jsonPath);
  const doc = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(doc.nodes).toHaveLength(5);
  for (const n of doc.nodes)
    expect(n.position, n.id).toEqual({ x: expect.any(Number), y: expect.any(Number) });

  // Export → Download SVG.
  const exporting = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Download SVG' }).click();
  const svgDownload = await exporting;
  expect(svgDownload.suggestedFilename()).toBe('Type 2- VirtualBox on Windows 11.svg');
  const editorSvgPath = testInfo.outputPath('editor.svg');
  await svgDownload.saveAs(editorSvgPath);

  // The CLI on the saved document (light theme and graph view are its defaults).
  const cliSvgPath = testInfo.outputPath('cli.svg');
  let status = 0;
  try {
    execFileSync(process.execPath, ['bin/stackdraw.js', 'export', jsonPath, '-o', cliSvgPath], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 60_000
    });
  } catch (e) {
    status = (e as { status?: number }).status ?? -1;
    if (status !== 1) throw e; // 1: written, but the document is invalid
  }
  expect(status).toBe(0);

  const editorSvg = readFileSync(editorSvgPath);
  const cliSvg = readFileSync(cliSvgPath);
  expect(editorSvg.subarray(0, 40).toString()).toContain('<svg');
  expect(editorSvg.length).toBeGreaterThan(1000);
  // Compare as text first (a readable diff on failure), then as bytes.
  expect(editorSvg.toString('utf8')).toBe(cliSvg.toString('utf8'));
  expect(editorSvg.equals(cliSvg)).toBe(true);
});
