/**
 * Stack text on the command line: `.stack` files (and `-` with `--input-format stack`) for
 * validate, export and layout; `convert`; `md`. Every test runs `node bin/stackdraw.js`.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EX, ROOT, runStackdraw as stackdraw } from './cli.fixture';

const SLOW = { timeout: 120_000 };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stackdraw-stack-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validate, export and layout read .stack files', () => {
  test('validate: the report names the line of each node it concerns', SLOW, async () => {
    const r = await stackdraw(['validate', `${EX}/mistake-type2-on-bare-metal.stack`]);
    expect(r.code).toBe(1);
    const f = `${EX}/mistake-type2-on-bare-metal.stack`;
    // Line 1 is a comment, 2 the title: the hypervisor is on line 4.
    expect(r.stdout).toContain(`${f}:4: error type-mismatch [VirtualBox]:`);
    expect(r.stdout).toContain(`${f}:3: Desktop PC: Invalid stack`);
    expect(r.stdout).toContain(`${f}: invalid (1 error)`);
    const ok = await stackdraw(['validate', `${EX}/type1-esxi.stack`, `${EX}/consolidation.stack`]);
    expect(ok.code).toBe(0);
  });

  test('standard input with --input-format stack; without it, - is JSON', SLOW, async () => {
    const input = 'hw PC\n  os "Windows 11"\n    hv VirtualBox\n      os Ubuntu\n';
    const r = await stackdraw(['validate', '--input-format', 'stack', '-'], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<stdin>:1: PC: Type 2 stack, valid');
    const json = await stackdraw(['validate', '-'], { input });
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('not valid JSON');
  });

  test(
    'bad stack text: exit 2, FILE:LINE:COLUMN, the message and its hint, in English or Korean',
    SLOW,
    async () => {
      const input = 'title: Lab\nhw PC\n  vm Ubuntu\n  os "Windows\n';
      const r = await stackdraw(['validate', '--input-format', 'stack', '-'], { input });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toEqual([
        'stackdraw: <stdin>:3:3: unknown kind "vm" (did you mean os?)',
        expect.stringMatching(/^ {4}hint: A line starts with its kind/),
        'stackdraw: <stdin>:4:6: a quote is not closed',
        expect.stringMatching(/^ {4}hint: End the quoted text with "/),
        ''
      ]);
      const file = join(dir, 'bad.stack');
      await writeFile(file, input);
      const ko = await stackdraw(['export', '--lang', 'ko', file, '-o', join(dir, 'bad.svg')]);
      expect(ko.code).toBe(2);
      expect(ko.stderr).toContain(`${file}:3:3: 알 수 없는 종류 "vm" (os를 쓰려고 했나요?)`);
      expect(ko.stderr).toContain('    힌트: ');
      await expect(stat(join(dir, 'bad.svg'))).rejects.toThrow();
    }
  );

  test('export of a .stack file is the SVG of its JSON twin, byte for byte', SLOW, async () => {
    const [a, b] = await Promise.all([
      stackdraw(['export', `${EX}/consolidation.stack`]),
      stackdraw(['export', `${EX}/consolidation.json`])
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^<svg /);
    expect(a.stdout).toBe(b.stdout);
  });

  test(
    'layout: JSON with positions, or stack text with [x=… y=…] for a .stack OUT',
    SLOW,
    async () => {
      const r = await stackdraw(['layout', `${EX}/type2-virtualbox.stack`]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual([
        'hw',
        'host',
        'vbox',
        'ubuntu',
        'web'
      ]);
      for (const n of doc.nodes)
        expect(n.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });
      const out = join(dir, 'laid-out.stack');
      expect((await stackdraw(['layout', `${EX}/type2-virtualbox.stack`, '-o', out])).code).toBe(0);
      const text = await readFile(out, 'utf8');
      expect(text).toMatch(
        /^hw "Laptop \(Intel Core i7\)" #hw \[x=-?\d+(\.\d+)? y=-?\d+(\.\d+)?\]$/m
      );
      // Read back, the positions are the laid-out document's.
      const again = await stackdraw(['convert', out, '--to', 'json', '-o', '-']);
      expect(JSON.parse(again.stdout)).toEqual(doc);
    }
  );
});

describe('convert', () => {
  test('json → stack → json gives the same file back', SLOW, async () => {
    for (const name of ['consolidation', 'type1-esxi', 'dedicated-server']) {
      const stack = join(dir, `${name}.stack`);
      const json = join(dir, `${name}.json`);
      expect((await stackdraw(['convert', `${EX}/${name}.json`, '-o', stack])).code).toBe(0);
      expect(await readFile(stack, 'utf8')).toBe(
        (await readFile(join(ROOT, EX, `${name}.stack`), 'utf8')).replace(/^%%.*\n/, '')
      );
      expect((await stackdraw(['convert', stack, '-o', json])).code).toBe(0);
      expect(await readFile(json, 'utf8')).toBe(
        await readFile(join(ROOT, EX, `${name}.json`), 'utf8')
      );
    }
  });

  test('→ svg carries the document: svg → stack gives the text back', SLOW, async () => {
    const svg = join(dir, 'type1.svg');
    expect((await stackdraw(['convert', `${EX}/type1-esxi.stack`, '-o', svg])).code).toBe(0);
    expect(await readFile(svg, 'utf8')).toMatch(/<metadata id="stackdraw-document">/);
    const back = await stackdraw(['convert', svg, '--to', 'stack']);
    expect(back.code).toBe(0);
    expect(back.stdout).toBe(
      (await readFile(join(ROOT, EX, 'type1-esxi.stack'), 'utf8')).replace(/^%%.*\n/, '')
    );
  });

  test(
    'an output without a known extension is refused (exit 2), nothing is written',
    SLOW,
    async () => {
      const r = await stackdraw(['convert', `${EX}/type1-esxi.json`, '-o', join(dir, 'x.txt')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown output format: use a .json, .stack or .svg file name');
      await expect(stat(join(dir, 'x.txt'))).rejects.toThrow();
    }
  );
});

const NOTES = [
  '# Virtualization notes', // 1
  '',
  'Type 1 first.',
  '',
  '```stackdraw', // 5
  'title: Type 1 [ESXi] *bare metal*',
  'hw "Server 1" [expect=type1]',
  '  hv ESXi',
  '    os "Windows Server"',
  '      svc Web', // 10
  '```',
  '',
  '- Then Type 2:',
  '',
  '  ```stackdraw', // 15
  '  title: Type 2',
  '  hw Laptop',
  '    os "Windows 11"',
  '      hv VirtualBox',
  '        os Ubuntu', // 20
  '  ```',
  '',
  '> ```stackdraw',
  '> title: Mistake',
  '> hw PC', // 25
  '>   hv VirtualBox',
  '>     os Ubuntu',
  '> ```',
  '',
  'Unchanged  text, `code` and ```other``` fences stay.  ', // 30
  '',
  '```js',
  'const x = 1;',
  '```',
  ''
].join('\n');

/** The block of NOTES that starts on `line` (1-based), through its closing fence. */
function blockOf(text: string, fenceLine: number, lastLine: number): string {
  const lines = text.split('\n');
  return lines.slice(fenceLine - 1, lastLine).join('\n');
}

describe('md', () => {
  test(
    'three blocks: three images, links in place, the rest byte for byte; a mistake with its line',
    SLOW,
    async () => {
      const work = join(dir, 'md1');
      const notes = join(work, 'notes.md');
      await mkdir(work);
      await writeFile(notes, NOTES);
      const r = await stackdraw(['md', notes, '-o', join(work, 'out', 'notes.md')]);
      expect(r.code).toBe(1);
      // The hypervisor of the third block is on line 26 of the Markdown file.
      expect(r.stdout).toContain(`${notes}:26: error type-mismatch [VirtualBox]:`);
      expect(r.stdout).toContain(`${notes}:25: PC: Invalid stack`);
      expect(r.stdout).toContain(`${notes}:23: invalid (1 error)`);
      expect(r.stdout).toContain(`${notes}:7: Server 1: Type 1 stack, valid; expected Type 1: met`);
      expect(r.stdout).toContain(`${notes}:5: valid (1 note)`);
      const images = (await readdir(join(work, 'out'))).filter((f) => f !== 'notes.md').sort();
      expect(images).toHaveLength(3);
      for (const f of images) expect(f).toMatch(/^stackdraw-[0-9a-f]{16}\.svg$/);
      const out = await readFile(join(work, 'out', 'notes.md'), 'utf8');
      const link = (alt: string) => new RegExp(`^${alt}\\(stackdraw-[0-9a-f]{16}\\.svg\\)$`);
      // Each block is replaced by one line, everything else is as it was.
      const expected = NOTES.replace(blockOf(NOTES, 5, 11), '<1>')
        .replace(blockOf(NOTES, 15, 21).slice(2), '<2>')
        .replace(blockOf(NOTES, 23, 28).slice(2), '<3>');
      const got = out.split('\n');
      const want = expected.split('\n');
      expect(got).toHaveLength(want.length);
      got.forEach((line, i) => {
        if (want[i] === '<1>')
          expect(line).toMatch(link('!\\[Type 1 \\\\\\[ESXi\\\\\\] \\\\\\*bare metal\\\\\\*\\]'));
        else if (want[i] === '  <2>') expect(line.slice(2)).toMatch(link('!\\[Type 2\\]'));
        else if (want[i] === '> <3>') expect(line.slice(2)).toMatch(link('!\\[Mistake\\]'));
        else expect(line).toBe(want[i]);
      });
      // The links point at the images, which are the SVGs of the blocks' documents.
      for (const m of out.matchAll(/\((stackdraw-[0-9a-f]{16}\.svg)\)/g)) {
        const svg = await readFile(join(work, 'out', m[1]), 'utf8');
        expect(svg).toMatch(/^<svg [^]*<metadata id="stackdraw-document">/);
      }
      expect(r.stderr).toBe('');
    }
  );

  test(
    '--allow-invalid: exit 0; unchanged blocks are not written again, a changed one is',
    SLOW,
    async () => {
      const work = join(dir, 'md2');
      await mkdir(work);
      const notes = join(work, 'notes.md');
      await writeFile(notes, NOTES);
      const args = ['md', notes, '-o', join(work, 'notes.out.md'), '--assets', join(work, 'img')];
      const first = await stackdraw([...args, '--allow-invalid']);
      expect(first.code).toBe(0);
      const out = await readFile(join(work, 'notes.out.md'), 'utf8');
      expect(out).toMatch(/^ {2}!\[Type 2\]\(img\/stackdraw-[0-9a-f]{16}\.svg\)$/m);
      const before = new Map<string, number>();
      for (const f of await readdir(join(work, 'img')))
        before.set(f, (await stat(join(work, 'img', f))).mtimeMs);
      expect(before.size).toBe(3);
      await new Promise((r) => setTimeout(r, 50));
      await writeFile(notes, NOTES.replace('svc Web', 'svc Mail'));
      expect((await stackdraw([...args, '--allow-invalid'])).code).toBe(0);
      const after = await readdir(join(work, 'img'));
      expect(after).toHaveLength(4);
      for (const [f, t] of before) expect((await stat(join(work, 'img', f))).mtimeMs).toBe(t);
    }
  );

  test(
    '-o naming the notes themselves is refused, and the notes stay as they were',
    SLOW,
    async () => {
      const work = join(dir, 'md-self');
      await mkdir(work);
      const notes = join(work, 'notes.md');
      await writeFile(notes, NOTES);
      for (const out of [notes, join(work, '.', 'notes.md')]) {
        const r = await stackdraw(['md', notes, '-o', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/this is the input file/);
        expect(r.stderr).toMatch(/notes\.out\.md/);
      }
      expect(await readFile(notes, 'utf8')).toBe(NOTES);
      expect(await readdir(work)).toEqual(['notes.md']);
    }
  );

  test('--check validates and writes nothing', SLOW, async () => {
    const work = join(dir, 'md3');
    await mkdir(work);
    const notes = join(work, 'notes.md');
    await writeFile(notes, NOTES);
    const r = await stackdraw(['md', '--check', notes, '-o', join(work, 'out.md')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${notes}:26: error type-mismatch`);
    expect(await readdir(work)).toEqual(['notes.md']);
    const fixed = NOTES.replace('> hw PC\n>   hv VirtualBox', '> hw PC\n>   hv ESXi');
    await writeFile(notes, fixed);
    expect((await stackdraw(['md', '--check', notes])).code).toBe(0);
    expect(await readdir(work)).toEqual(['notes.md']);
  });

  test(
    'a block that is not stack text: its line and column in the Markdown file, exit 2, the block kept',
    SLOW,
    async () => {
      const work = join(dir, 'md4');
      await mkdir(work);
      const notes = join(work, 'notes.md');
      // Inside the list item the block's text starts at column 3: the kind is at column 7.
      await writeFile(notes, NOTES.replace('      hv VirtualBox', '      vm VirtualBox'));
      const r = await stackdraw(['md', notes, '-o', '-', '--assets', work]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`stackdraw: ${notes}:19:7: unknown kind "vm" (did you mean os?)`);
      expect(r.stdout).toContain(
        blockOf(NOTES.replace('      hv VirtualBox', '      vm VirtualBox'), 15, 21)
      );
      // With the Markdown on stdout, the reports go to stderr.
      expect(r.stderr).toContain(`${notes}:26: error type-mismatch`);
      // Links from standard output are relative to the current folder.
      expect(r.stdout).toContain(`![Mistake](${relative(ROOT, join(work, 'stackdraw-'))}`);
    }
  );

  test('CRLF line ends and a byte-order mark are kept; a PNG image on request', SLOW, async () => {
    const work = join(dir, 'md5');
    await mkdir(work);
    const notes = join(work, 'notes.md');
    const text = '\ufeffIntro\r\n\r\n```stackdraw\r\nhw PC\r\n  os Linux\r\n```\r\nOutro\r\n';
    await writeFile(notes, text);
    const r = await stackdraw(['md', notes, '-o', join(work, 'out.md'), '--format', 'png']);
    expect(r.code).toBe(0);
    const out = await readFile(join(work, 'out.md'));
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.toString('utf8')).toMatch(
      /^\ufeffIntro\r\n\r\n!\[stackdraw diagram\]\(stackdraw-[0-9a-f]{16}\.png\)\r\nOutro\r\n$/
    );
    const png = (await readdir(work)).find((f) => f.endsWith('.png'))!;
    const bytes = await readFile(join(work, png));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
