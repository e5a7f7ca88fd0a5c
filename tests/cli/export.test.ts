/**
 * End-to-end tests of `stackdraw export` and `stackdraw layout`: every test runs the real
 * command, `node bin/stackdraw.js ...`, as a child process (the bundle in dist/cli is
 * rebuilt once by tests/setup/build-cli.ts before the tests start).
 *
 * An export process costs over a second (it loads ELK, the font and HarfBuzz), so each
 * command line runs once, on first use, and the tests that look at it share its result.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, test, type ExpectStatic } from 'vitest';
import {
  activeContent,
  byTag,
  childElements,
  labelPath,
  nodeGroups,
  nodeRect,
  nodeTitle,
  parseSvg
} from '../../src/lib/core/export/svg.fixture';
import { BIN, EX, ROOT, type Run } from './cli.fixture';

/** Several exports at once on two cores take a while; a loaded machine, longer. */
const SLOW = { timeout: 120_000 };

function stackdraw(args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 100_000
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr })
    );
    child.stdin.on('error', () => {}); // the CLI may exit without reading stdin
    child.stdin.end(input);
  });
}

/** Run a command line once, however many tests ask for it. */
const runs = new Map<string, Promise<Run>>();
const once = (...args: string[]) => {
  const key = JSON.stringify(args);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = stackdraw(args)));
  return r;
};

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false
  );

const tmp = mkdtempSync(join(tmpdir(), 'stackdraw-export-'));
const out = (name: string) => join(tmp, name);
afterAll(async () => {
  await Promise.allSettled(runs.values());
  await rm(tmp, { recursive: true, force: true });
});

/** The expected exit status, nothing on stderr, no signal. */
function ok(expect: ExpectStatic, r: Run, code = 0): void {
  expect(r.stderr).toBe('');
  expect(r.signal).toBeNull();
  expect(r.code).toBe(code);
}

/** A well-formed, inert stackdraw SVG: its root element. */
function checkSvg(expect: ExpectStatic, svg: string) {
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const doc = parseSvg(svg);
  expect(activeContent(doc)).toEqual([]);
  return doc.documentElement!;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// The command lines the tests share.
const TYPE2 = `${EX}/type2-virtualbox.json`;
const TWO_OSES = `${EX}/mistake-two-oses.json`;
const type2File = () => once('export', TYPE2, '-o', out('type2.svg'));
const type2Stdout = () => once('export', TYPE2, '-o', '-');
const type2Png = () => once('export', TYPE2, '-o', out('type2.PNG'));
const twoOses = () => once('export', TWO_OSES, '-o', out('two-oses.svg'));
const twoOsesBlocksDark = () => once('export', TWO_OSES, '--view', 'blocks', '--theme', 'dark');
const twoOsesBare = () =>
  once('export', TWO_OSES, '--no-markers', '--text', 'outline', '--padding', '0');

describe.concurrent('stackdraw export: where the picture goes', SLOW, () => {
  test('-o /dev/stdout when standard output is a pipe: SVG, or PNG with --to png; layout and convert too', async ({
    expect
  }) => {
    const input = `${EX}/type2-virtualbox.json`;
    const [svg, png, layout, stack, unknown] = await Promise.all([
      stackdraw(['export', input, '-o', '/dev/stdout']),
      stackdraw(['export', input, '-o', '/dev/stdout', '--to', 'png']),
      stackdraw(['layout', input, '-o', '/dev/stdout']),
      stackdraw(['convert', input, '-o', '/dev/stdout', '--to', 'stack']),
      stackdraw(['export', input, '-o', out('picture.txt')])
    ]);
    for (const r of [svg, png, layout, stack]) expect(r.stderr).toBe('');
    expect(svg.code).toBe(0);
    expect(svg.stdout.startsWith('<svg ')).toBe(true);
    expect(png.stdout.slice(1, 4)).toBe('PNG');
    expect(JSON.parse(layout.stdout).nodes[0].position).toBeDefined();
    expect(stack.stdout.split('\n')[0]).toMatch(/^title: /);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown output format: use a .svg or .png file name, --to svg|png'
    );
  });

  test('to an .svg file (exit 0, stdout empty) and with -o - to standard output, the same bytes', async ({
    expect
  }) => {
    const [toFile, dash] = await Promise.all([type2File(), type2Stdout()]);
    ok(expect, toFile);
    expect(toFile.stdout).toBe('');
    ok(expect, dash);
    const svg = await readFile(out('type2.svg'), 'utf8');
    const root = checkSvg(expect, svg);
    expect(childElements(root, 'title')[0].textContent).toBe('Type 2: VirtualBox on Windows 11');
    expect(nodeGroups(root.ownerDocument!).map(nodeTitle)).toEqual([
      'Laptop (Intel Core i7)',
      'Windows 11',
      'Oracle VM VirtualBox',
      'Ubuntu 24.04',
      'Web server (nginx)'
    ]);
    expect(dash.stdout).toBe(svg);
  });

  test('to a .png file: PNG bytes, two pixels per unit by default', async ({ expect }) => {
    const [png, svg] = await Promise.all([type2Png(), type2Stdout()]);
    ok(expect, png);
    expect(png.stdout).toBe('');
    const root = checkSvg(expect, svg.stdout);
    const bytes = await readFile(out('type2.PNG'));
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([
      2 * Number(root.getAttribute('width')),
      2 * Number(root.getAttribute('height'))
    ]);
    expect(bytes.length).toBeGreaterThan(5000);
  });

  test('an unknown extension: exit 2, nothing written', async ({ expect }) => {
    const r = await stackdraw(['export', TYPE2, '-o', out('picture.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`stackdraw: ${out('picture.txt')}: unknown output format`);
    expect(await exists(out('picture.txt'))).toBe(false);
  });

  test('an invalid document: the picture is still written, exit 1', async ({ expect }) => {
    ok(expect, await twoOses(), 1);
    const root = checkSvg(expect, await readFile(out('two-oses.svg'), 'utf8'));
    const groups = nodeGroups(root.ownerDocument!);
    expect(groups.map(nodeTitle)).toEqual(['서버 (Server)', 'Windows Server', 'Ubuntu Server']);
    // The error is marked: an error badge on each node it names, a red pill under the hardware.
    expect(groups.map((g) => byTag(g, 'circle').length)).toEqual([1, 1, 1]);
    const pill = byTag(groups[0], 'rect').find((r) => r.getAttribute('rx') === '10')!;
    expect(pill.getAttribute('stroke')).toBe('#dc2626');
  });

  test('unreadable input: exit 2, the file named on stderr, nothing written', async ({
    expect
  }) => {
    const notJson = out('not-json.json');
    await writeFile(notJson, '{"version": 1, "nodes": [', 'utf8');
    const missing = out('missing.json');
    const [a, b] = await Promise.all([
      stackdraw(['export', missing, '-o', out('missing.svg')]),
      stackdraw(['export', notJson, '-o', out('not-json.svg')])
    ]);
    expect(a.stderr).toBe(`stackdraw: ${missing}: no such file\n`);
    expect(b.stderr.startsWith(`stackdraw: ${notJson}: $: not valid JSON`), b.stderr).toBe(true);
    for (const r of [a, b]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    for (const f of ['missing.svg', 'not-json.svg']) expect(await exists(out(f))).toBe(false);
  });
});

describe.concurrent('stackdraw export: Unicode labels in a PNG', SLOW, () => {
  test('a PNG is the outlined SVG rasterised: every script drawn, no font needed', async ({
    expect
  }) => {
    const doc = {
      version: 1,
      title: 'Lab: 서버 🐧',
      nodes: [
        { id: 'hw', kind: 'hardware', label: 'Linux 🐧 서버 虚拟机 שרת' },
        { id: 'os', kind: 'os', label: '🐧'.repeat(14) }
      ],
      edges: [{ id: 'e1', source: 'hw', target: 'os' }]
    };
    const file = out('unicode.json');
    await writeFile(file, JSON.stringify(doc), 'utf8');
    const [png, outlined] = await Promise.all([
      stackdraw(['export', file, '-o', out('unicode.png')]),
      stackdraw(['export', file, '--text', 'outline', '-o', '-'])
    ]);
    ok(expect, png);
    ok(expect, outlined);
    const svg = outlined.stdout;
    expect(byTag(checkSvg(expect, svg), 'text')).toHaveLength(0);
    // The same pixels as resvg gives the outlined SVG at 2× with no font loaded at all.
    const { Resvg } = await import('@resvg/resvg-js');
    const expected = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: false }
    })
      .render()
      .asPng();
    const bytes = await readFile(out('unicode.png'));
    expect(Buffer.from(expected).equals(bytes)).toBe(true);
  });
});

describe.concurrent('stackdraw export: options change the picture', SLOW, () => {
  test('--view blocks: no edges, the hardware block spans the stack', async ({ expect }) => {
    const [plain, blocks] = await Promise.all([twoOses(), twoOsesBlocksDark()]);
    ok(expect, blocks, 1);
    const base = await readFile(out('two-oses.svg'), 'utf8');
    const edgeGroups = (svg: string) =>
      byTag(checkSvg(expect, svg), 'g').filter((g) => g.getAttribute('fill') === 'none');
    expect(plain.code).toBe(1);
    expect(edgeGroups(base)).toHaveLength(1);
    expect(byTag(edgeGroups(base)[0], 'path')).toHaveLength(2);
    expect(edgeGroups(blocks.stdout)).toHaveLength(0);
    const [hw, win, linux] = nodeGroups(parseSvg(blocks.stdout)).map(nodeRect);
    for (const os of [win, linux]) {
      expect(os.x).toBeGreaterThanOrEqual(hw.x);
      expect(os.x + os.width).toBeLessThanOrEqual(hw.x + hw.width);
      expect(os.y + os.height).toBeLessThanOrEqual(hw.y);
    }
    // The two OSes side by side fill the hardware's width.
    expect(linux.x + linux.width - win.x).toBe(hw.width);
  });

  test('--theme dark: a dark background and dark boxes', async ({ expect }) => {
    const [, dark] = await Promise.all([twoOses(), twoOsesBlocksDark()]);
    const base = await readFile(out('two-oses.svg'), 'utf8');
    const background = (svg: string) =>
      childElements(checkSvg(expect, svg), 'rect')[0].getAttribute('fill');
    expect(background(base)).toBe('#ffffff');
    expect(background(dark.stdout)).toBe('#0f172a');
    const hw = (svg: string) => childElements(nodeGroups(parseSvg(svg))[0], 'rect')[0];
    expect(hw(base).getAttribute('fill')).toBe('#e2e8f0');
    expect(hw(dark.stdout).getAttribute('fill')).toBe('#1e293b');
  });

  test('--no-markers: no badges and no stack pill; --padding 0: no margin', async ({ expect }) => {
    const [, bare] = await Promise.all([twoOses(), twoOsesBare()]);
    ok(expect, bare, 1);
    const base = await readFile(out('two-oses.svg'), 'utf8');
    const markers = (svg: string) => {
      const root = checkSvg(expect, svg);
      return {
        badges: byTag(root, 'circle').length,
        pills: byTag(root, 'rect').filter((r) => r.getAttribute('rx') === '10').length
      };
    };
    expect(markers(base)).toEqual({ badges: 3, pills: 1 });
    expect(markers(bare.stdout)).toEqual({ badges: 0, pills: 0 });
    const root = parseSvg(bare.stdout).documentElement!;
    const rects = nodeGroups(root.ownerDocument!).map(nodeRect);
    expect(Math.min(...rects.map((r) => r.x))).toBe(0);
    expect(Math.min(...rects.map((r) => r.y))).toBe(0);
    expect(Math.max(...rects.map((r) => r.x + r.width))).toBe(Number(root.getAttribute('width')));
    expect(Math.max(...rects.map((r) => r.y + r.height))).toBe(Number(root.getAttribute('height')));
  });

  test('--text outline: paths titled with the labels, no <text>, no embedded font', async ({
    expect
  }) => {
    const [, outlined] = await Promise.all([twoOses(), twoOsesBare()]);
    const base = await readFile(out('two-oses.svg'), 'utf8');
    const b = checkSvg(expect, base);
    expect(byTag(b, 'text').length).toBeGreaterThan(0);
    expect(base).toContain('@font-face');
    const o = checkSvg(expect, outlined.stdout);
    expect(byTag(o, 'text')).toHaveLength(0);
    expect(outlined.stdout).not.toContain('@font-face');
    const titles = nodeGroups(o.ownerDocument!).map(
      (g) => childElements(labelPath(g)!.parentNode as never, 'title')[0].textContent
    );
    expect(titles).toEqual(['서버 (Server)', 'Windows Server', 'Ubuntu Server']);
  });
});

describe.concurrent('stackdraw: an exported SVG is a document too', SLOW, () => {
  test('exporting an exported SVG again gives the same bytes', async ({ expect }) => {
    ok(expect, await type2File());
    const first = out('type2.svg');
    const again = await once('export', first);
    ok(expect, again);
    expect(again.stdout).toBe(await readFile(first, 'utf8'));
  });

  test('validate accepts an exported SVG, and finds what the document has', async ({ expect }) => {
    ok(expect, await type2File());
    ok(expect, await twoOses(), 1);
    const [valid, invalid] = await Promise.all([
      stackdraw(['validate', '--format', 'json', out('type2.svg')]),
      stackdraw(['validate', out('two-oses.svg')])
    ]);
    ok(expect, valid);
    const report = JSON.parse(valid.stdout) as {
      valid: boolean;
      stacks: { classification: string }[];
    };
    expect(report.valid).toBe(true);
    expect(report.stacks.map((s) => s.classification)).toEqual(['type2']);
    ok(expect, invalid, 1);
    expect(invalid.stdout).toContain(`${out('two-oses.svg')}: error one-bare-metal-system [`);
  });
});

describe.concurrent('stackdraw layout', SLOW, () => {
  const src = TYPE2;
  const toStdout = () => once('layout', src);
  const toFile = () => once('layout', src, '-o', out('type2-laid-out.json'));

  test('what layout writes reads back within the same --max-size: one line when indented would not fit', async ({
    expect
  }) => {
    const limit = ['--max-size', '0.001']; // 1,048 bytes: the 909-byte input fits, indented output would not
    const file = out('type2-tight.json');
    const laid = await stackdraw(['layout', src, ...limit, '-o', file]);
    ok(expect, laid);
    const text = await readFile(file, 'utf8');
    expect(text.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(text).nodes.every((n: { position?: unknown }) => n.position)).toBe(true);
    ok(expect, await stackdraw(['validate', ...limit, file]));
    // Positions for 16 nodes take a 696-byte document past the limit, even on one line.
    const nodes = Array.from({ length: 16 }, (_, i) => ({
      id: `h${i}`,
      kind: 'hardware',
      label: ''
    }));
    const over = await stackdraw(
      ['layout', '-', ...limit, '-o', out('over.json')],
      JSON.stringify({ version: 1, nodes, edges: [] })
    );
    expect(over.code).toBe(0);
    expect(over.stderr).toMatch(
      /^stackdraw: note: .*over\.json is 1\.1 KB, over the 1 KB a document may have: read it back with --max-size 0\.002\n$/
    );
    ok(expect, await stackdraw(['validate', '--max-size', '0.002', out('over.json')]));
  });

  test('writes the document with a position on every node, to stdout or to -o', async ({
    expect
  }) => {
    const [a, b] = await Promise.all([toStdout(), toFile()]);
    ok(expect, a);
    ok(expect, b);
    expect(b.stdout).toBe('');
    const written = await readFile(out('type2-laid-out.json'), 'utf8');
    expect(written).toBe(a.stdout);
    type Doc = { nodes: { id: string; position?: { x: number; y: number } }[] };
    const laid = JSON.parse(written) as Doc;
    const original = JSON.parse(await readFile(join(ROOT, src), 'utf8')) as Doc;
    for (const n of laid.nodes) {
      expect(n.position, n.id).toEqual({ x: expect.any(Number), y: expect.any(Number) });
      expect(Number.isFinite(n.position!.x) && Number.isFinite(n.position!.y), n.id).toBe(true);
    }
    // Only positions were added.
    const stripped = {
      ...laid,
      nodes: laid.nodes.map((n) => {
        const copy = { ...n };
        delete copy.position;
        return copy;
      })
    };
    expect(stripped).toEqual(original);
    // Hosts below their guests (y grows downward).
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.position!.y;
    const ids = ['hw', 'host', 'vbox', 'ubuntu', 'web'];
    for (let i = 1; i < ids.length; i++) expect(y(ids[i - 1])).toBeGreaterThan(y(ids[i]));
  });

  test('a laid-out document exports with the boxes where layout put them', async ({ expect }) => {
    ok(expect, await toFile());
    const [fromLaid, fromPlain] = await Promise.all([
      once('export', out('type2-laid-out.json')),
      type2Stdout()
    ]);
    ok(expect, fromLaid);
    ok(expect, fromPlain);
    const boxes = (svg: string) => nodeGroups(parseSvg(svg)).map(nodeRect);
    expect(boxes(fromLaid.stdout)).toEqual(boxes(fromPlain.stdout));
  });

  test('unreadable input: exit 2 naming the file', async ({ expect }) => {
    const missing = out('nope.json');
    const r = await stackdraw(['layout', missing]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`stackdraw: ${missing}: no such file\n`);
  });
});

describe.concurrent('stackdraw export: pictures with a size limit', SLOW, () => {
  /** `n` hardware nodes side by side (the 89 KB input is 2,000 of them). */
  const machines = async (n: number, name: string) => {
    const path = out(name);
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `hw${i}`,
      kind: 'hardware',
      label: `Server ${i}`
    }));
    await writeFile(path, JSON.stringify({ version: 1, nodes, edges: [] }));
    return path;
  };
  /** Width and height of a PNG, from its IHDR chunk. */
  const pngSize = (bytes: Buffer) => ({
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20)
  });

  test('2,000 machines: the PNG is scaled down to fit 16,384 px and 100 megapixels, and says so', async ({
    expect
  }) => {
    const input = await machines(2000, 'wide.json');
    const r = await stackdraw(['export', input, '-o', out('wide.png')]);
    expect(r.code).toBe(0);
    const said = /note: the PNG is drawn at scale [\d.]+ \((\d+) × (\d+) px\)/.exec(r.stderr);
    expect(said, r.stderr).not.toBeNull();
    const size = pngSize(await readFile(out('wide.png')));
    // The note gives the size of the file written, to the pixel.
    expect([size.width, size.height]).toEqual([Number(said![1]), Number(said![2])]);
    expect(size.width).toBeLessThanOrEqual(16_384);
    expect(size.height).toBeLessThanOrEqual(16_384);
    expect(size.width * size.height).toBeLessThanOrEqual(100_000_000);
    expect(size.width).toBeGreaterThan(1000);
  });

  test('an explicit --scale over the limit is refused with the numbers (exit 2, nothing written)', async ({
    expect
  }) => {
    const input = await machines(400, 'four-hundred.json');
    const r = await stackdraw(['export', input, '--scale', '16', '-o', out('big.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a PNG at scale 16 would be \d+ × \d+ px, over the limit of 16384 px/);
    expect(await exists(out('big.png'))).toBe(false);
    // The SVG stays vector.
    const svg = await stackdraw(['export', input, '-o', out('four-hundred.svg')]);
    expect(svg.code).toBe(0);
  });
});
