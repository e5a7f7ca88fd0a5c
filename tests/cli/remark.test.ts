/**
 * The remark plugin, `stackdraw/remark` (built into dist/markdown by the tests' global
 * setup), run as the README shows it: its five lines, in a Node process, no browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { ROOT, runNode } from './cli.fixture';

const SLOW = { timeout: 120_000 };

/** The README's plugin example: the js block that imports 'stackdraw/remark'. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([^]*?)```/g)]
    .map((m) => m[1])
    .find((b) => b.includes("'stackdraw/remark'"));
  if (!block) throw new Error('README has no js example importing stackdraw/remark');
  return block;
}

/** Run an ES module in the project folder (where 'stackdraw/remark' resolves to itself). */
const runModule = (source: string) => runNode(['--input-type=module', '-e', source]);

const MD = [
  '# Notes', // 1
  '',
  '```stackdraw', // 3
  'title: Type 2',
  'hw Laptop',
  '  os "Windows 11"',
  '    hv VirtualBox',
  '      os Ubuntu',
  '```',
  '',
  '```stackdraw', // 11
  'title: Mistake',
  'hw PC',
  '  hv VirtualBox', // 14
  '    os Ubuntu',
  '```',
  '',
  '```stackdraw', // 18
  'hw PC',
  '  vm Ubuntu', // 20
  '```',
  '',
  '```js',
  'untouched();',
  '```',
  ''
].join('\n');

describe('remark plugin', () => {
  test('the README example has five lines and turns blocks into inline SVG', SLOW, async () => {
    const example = await readmeExample();
    expect(example.trimEnd().split('\n')).toHaveLength(5);
    const r = await runModule(
      `const md = ${JSON.stringify(MD)};\n${example}\nprocess.stdout.write(html);`
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const svgs = [...r.stdout.matchAll(/<svg [^]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      // Well-formed XML, pure vector, text as outlines (no <text>, no font), unique ids.
      const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(parsed.documentElement?.nodeName).toBe('svg');
      expect(svg).not.toMatch(/<text[\s>]|@font-face|<script|<foreignObject/);
      expect(svg).toMatch(/<path /);
    }
    expect(svgs[0]).toContain('<title id="sd-title-1-');
    expect(svgs[1]).toContain('<title id="sd-title-2-');
    expect(svgs[1]).toMatch(/<desc id="sd-desc-2-[0-9a-f]+">PC: Invalid stack/);
    // The block that is not stack text stays a code block; the rest is as remark renders it.
    expect(r.stdout).toContain('<h1>Notes</h1>');
    expect(r.stdout).toContain('<code class="language-stackdraw">hw PC\n  vm Ubuntu\n</code>');
    expect(r.stdout).toContain('<code class="language-js">untouched();\n</code>');
  });

  test('problems are reported on the file at their Markdown line and column', SLOW, async () => {
    const r = await runModule(
      [
        "import { remark } from 'remark';",
        "import stackdraw from 'stackdraw/remark';",
        `const file = await remark().use(stackdraw, { lang: 'ko' }).process(${JSON.stringify(MD)});`,
        'for (const m of file.messages) console.log(`${m.line}:${m.column} ${m.reason}`);'
      ].join('\n')
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^14:3 type-mismatch: /);
    expect(lines[1]).toMatch(/^20:3 알 수 없는 종류 "vm"/);
  });
});
