/**
 * End-to-end tests of the CLI's input and output edges: how bytes are decoded, how much is
 * read, what happens when the output cannot be written, how files are replaced, and what
 * reaches a terminal. Every test runs the real command (see cli.fixture.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import { BIN, EX, ROOT, type Run } from './cli.fixture';

/** Layout and export load ELK (and the font): a loaded machine makes them slow. */
const SLOW = { timeout: 120_000 };

interface RunOptions {
  /** Bytes for the child's stdin (always closed afterwards, so `-` never hangs). */
  input?: string | Uint8Array;
  /** A stream for the child's stdin instead (the stdout of another child). */
  stdin?: Readable;
  /** Kill the child after this many ms (default 100 s). */
  timeout?: number;
  /** Node options before the script, e.g. `--import` of a hook. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** A file descriptor for the child's stdout instead of a pipe (e.g. /dev/full). */
  stdoutFd?: number;
  /** Called with each stderr chunk and the child, e.g. to signal it at the right moment. */
  onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void;
}

function stackdraw(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: undefined, TERM: 'xterm-256color', ...options.env },
      stdio: [options.stdin ?? 'pipe', options.stdoutFd ?? 'pipe', 'pipe'],
      timeout: options.timeout ?? 100_000
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      options.onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (!child.stdin) return;
    child.stdin.on('error', () => {}); // the CLI may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}

/**
 * `yes | stackdraw ARGS`: `yes` writes "y\n" forever; it is killed when the CLI is done.
 * A CLI that read without bound would grow by gigabytes: it is killed after 20 s instead.
 */
async function fromYes(args: string[]): Promise<Run> {
  const yes = spawn('yes', [], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return await stackdraw(args, { stdin: yes.stdout, timeout: 20_000 });
  } finally {
    yes.kill();
  }
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const tmp = mkdtempSync(join(tmpdir(), 'stackdraw-io-'));
let folders = 0;
/** A fresh empty folder for one test. */
async function folder(): Promise<string> {
  const dir = join(tmp, `t${++folders}`);
  await mkdir(dir);
  return dir;
}
afterAll(() => rm(tmp, { recursive: true, force: true }));

const TYPE1 = `${EX}/type1-esxi.json`;
const type1Text = () => readFile(join(ROOT, TYPE1), 'utf8');

/** A node module given to `node --import`, as a data: URL. */
const hook = (code: string) => ['--import', `data:text/javascript,${encodeURIComponent(code)}`];

/** Makes the CLI believe stdout is a terminal (colour on unless NO_COLOR). */
const FAKE_TTY = hook("Object.defineProperty(process.stdout, 'isTTY', { value: true });");

describe.concurrent('bytes and encodings', SLOW, () => {
  test('invalid UTF-8 (a Latin-1 "é"): exit 2, the byte offset and line on one stderr line', async ({
    expect
  }) => {
    const dir = await folder();
    const path = join(dir, 'latin1.json');
    // "é" as the single Latin-1 byte 0xe9, on line 3.
    const before = '{\n  "version": 1,\n  "title": "Caf';
    const bytes = Buffer.concat([
      Buffer.from(before),
      Buffer.from([0xe9]),
      Buffer.from('",\n  "nodes": []\n}\n')
    ]);
    await writeFile(path, bytes);
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(
      r.stderr.startsWith(
        `stackdraw: ${path}: $: not valid UTF-8 at byte offset ${before.length} (line 3): `
      )
    ).toBe(true);
    expect(r.stderr.endsWith('save it as UTF-8\n')).toBe(true);
  });

  test('layout -o the same file refuses invalid UTF-8 and leaves its bytes untouched', async ({
    expect
  }) => {
    const dir = await folder();
    const path = join(dir, 'doc.json');
    const doc = (await type1Text()).replace('"Web server"', '"Web server \u00e9"');
    const bytes = Buffer.from(doc.replace('\u00e9', '\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9; // the "é" of a Latin-1 editor
    await writeFile(path, bytes);
    const r = await stackdraw(['layout', path, '-o', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid UTF-8 at byte offset \d+ \(line \d+\)/);
    expect((await readFile(path)).equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  test('EUC-KR (Korean Windows) on standard input: exit 2, offset and line', async ({ expect }) => {
    const before = '{"version":1,\n"nodes":[{"id":"a","kind":"hardware","label":"';
    const input = Buffer.concat([
      Buffer.from(before),
      Buffer.from([0xbc, 0xad, 0xb9, 0xf6]), // "서버"
      Buffer.from('"}]}')
    ]);
    const r = await stackdraw(['validate', '-'], { input });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^stackdraw: <stdin>: \\$: not valid UTF-8 at byte offset ${before.length} \\(line 2\\)`
      )
    );
  });

  test('the UTF-16 file of `iconv -t UTF-16` (Windows PowerShell >) is read', async ({
    expect
  }) => {
    const dir = await folder();
    const path = join(dir, 'u16.json');
    const bytes = execFileSync('iconv', ['-t', 'UTF-16'], {
      input: '{"version":1,"nodes":[],"edges":[]}'
    });
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]); // what iconv writes: LE with a mark
    await writeFile(path, bytes);
    const r = await stackdraw(['validate', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lines(r.stdout).at(-1)).toBe(`${path}: valid (no problems)`);
  });

  test('UTF-16 BE, and a UTF-8 byte-order mark with CRLF line ends, give the UTF-8 report', async ({
    expect
  }) => {
    const text = await type1Text();
    const be = Buffer.from('\ufeff' + text, 'utf16le').swap16();
    const bomCrlf = Buffer.from('\ufeff' + text.replace(/\n/g, '\r\n'), 'utf8');
    const [plain, fromBe, fromBom] = await Promise.all([
      stackdraw(['validate', '--format', 'json', '-'], { input: text }),
      stackdraw(['validate', '--format', 'json', '-'], { input: be }),
      stackdraw(['validate', '--format', 'json', '-'], { input: bomCrlf })
    ]);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).stacks[0].classification).toBe('type1');
    for (const r of [fromBe, fromBom]) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(plain.stdout);
    }
  });
});

describe.concurrent('bounded reads and limits on every command', SLOW, () => {
  test('`yes | stackdraw validate -` stops at the limit: exit 2, the usual message', async ({
    expect
  }) => {
    const [byDefault, raised] = await Promise.all([
      fromYes(['validate', '-']),
      fromYes(['validate', '--max-size', '1', '-'])
    ]);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stdout).toBe('');
    expect(byDefault.stderr).toBe(
      'stackdraw: <stdin>: $: the input is larger than the limit of 10 MB (--max-size MB raises the limit)\n'
    );
    expect(raised.code).toBe(2);
    expect(raised.stderr).toContain('larger than the limit of 1 MB');
  });

  test('a device that never ends (/dev/zero) is read only up to the limit', async ({ expect }) => {
    const r = await stackdraw(['validate', '--max-size', '2', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'stackdraw: /dev/zero: $: the input is larger than the limit of 2 MB (--max-size MB raises the limit)\n'
    );
  });

  test('a regular file over the limit is refused with its size', async ({ expect }) => {
    const r = await stackdraw(['validate', '--max-size', '0.001', TYPE1]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^stackdraw: static\/examples\/type1-esxi\.json: \$: the input is [\d.]+ KB( \(\d+ bytes\))?, over the limit of 1 KB( \(1048 bytes\))? \(--max-size MB raises the limit\)\n$/
    );
  });

  test('export and layout take --max-nodes: over it, exit 2 and nothing written', async ({
    expect
  }) => {
    const dir = await folder();
    const [exp, lay, atLimit] = await Promise.all([
      stackdraw(['export', TYPE1, '--max-nodes', '5', '-o', join(dir, 'x.svg')]),
      stackdraw(['layout', TYPE1, '--max-nodes=5']),
      stackdraw(['layout', TYPE1, '--max-nodes', '6', '-o', join(dir, 'ok.json')])
    ]);
    for (const r of [exp, lay]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `stackdraw: ${TYPE1}: $.nodes: the document has 6 nodes, over the limit of 5 (--max-nodes N raises the limit)\n`
      );
    }
    expect(atLimit.stderr).toBe('');
    expect(atLimit.code).toBe(0);
    expect(await readdir(dir)).toEqual(['ok.json']);
  });

  test('export and layout take --max-size', async ({ expect }) => {
    const [exp, lay, bad] = await Promise.all([
      stackdraw(['export', TYPE1, '--max-size', '0.001']),
      stackdraw(['layout', '--max-size=0.001', TYPE1]),
      stackdraw(['layout', '--max-size', 'lots', TYPE1])
    ]);
    for (const r of [exp, lay]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /over the limit of 1 KB( \(1048 bytes\))? \(--max-size MB raises the limit\)\n$/
      );
    }
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/option --max-size must be a number/);
  });
});

describe.concurrent(
  'output that cannot be written: exit 74, one line, no stack trace',
  SLOW,
  () => {
    const full = () => openSync('/dev/full', 'w');

    test('validate > /dev/full', async ({ expect }) => {
      const fd = full();
      try {
        const [text, json] = await Promise.all([
          stackdraw(['validate', TYPE1], { stdoutFd: fd }),
          stackdraw(['validate', '--format', 'json', `${EX}/mistake-two-oses.json`], {
            stdoutFd: fd
          })
        ]);
        for (const r of [text, json]) {
          expect(r.code).toBe(74);
          expect(r.stderr).toBe(
            'stackdraw: cannot write standard output: no space left on device\n'
          );
        }
      } finally {
        closeSync(fd);
      }
    });

    test('export to standard output on /dev/full', async ({ expect }) => {
      const fd = full();
      try {
        const r = await stackdraw(['export', TYPE1], { stdoutFd: fd });
        expect(r.code).toBe(74);
        expect(r.stderr).toBe('stackdraw: cannot write standard output: no space left on device\n');
      } finally {
        closeSync(fd);
      }
    });

    // Devices are reached through links in a test folder: a CLI that replaced its output
    // instead of writing to the device replaces the link, never /dev/full itself.
    test('-o a link to /dev/full (export and layout): written to the device, which fails', async ({
      expect
    }) => {
      const dir = await folder();
      await symlink('/dev/full', join(dir, 'full.svg'));
      await symlink('/dev/full', join(dir, 'full.json'));
      const [exp, lay] = await Promise.all([
        stackdraw(['export', TYPE1, '-o', join(dir, 'full.svg')]),
        stackdraw(['layout', TYPE1, '-o', join(dir, 'full.json')])
      ]);
      expect(exp.code).toBe(74);
      expect(exp.stderr).toBe(
        `stackdraw: ${join(dir, 'full.svg')}: cannot write: no space left on device\n`
      );
      expect(lay.code).toBe(74);
      expect(lay.stderr).toBe(
        `stackdraw: ${join(dir, 'full.json')}: cannot write: no space left on device\n`
      );
      expect((await readdir(dir)).sort()).toEqual(['full.json', 'full.svg']);
    });

    test('-o a link to /dev/null: written to the device, the link and the device stay', async ({
      expect
    }) => {
      const dir = await folder();
      const link = join(dir, 'null.svg');
      await symlink('/dev/null', link);
      const r = await stackdraw(['export', TYPE1, '-o', link]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(await readlink(link)).toBe('/dev/null');
      expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
      expect(await readdir(dir)).toEqual(['null.svg']);
    });

    test('-o into a folder that does not exist', async ({ expect }) => {
      const out = join(await folder(), 'missing', 'x.svg');
      const r = await stackdraw(['export', TYPE1, '-o', out]);
      expect(r.code).toBe(74);
      expect(r.stderr).toBe(`stackdraw: ${out}: cannot write: no such folder\n`);
    });

    test('--help documents exit status 74', async ({ expect }) => {
      const r = await stackdraw(['--help']);
      expect(r.stdout).toMatch(/74 the output could not be written/);
    });
  }
);

describe.concurrent('replacing the output file', SLOW, () => {
  test('-o over a setuid/setgid file keeps its permissions but not those bits', async ({
    expect
  }) => {
    const out = join(await folder(), 'out.svg');
    await writeFile(out, 'old');
    await chmod(out, 0o6755);
    const r = await stackdraw(['export', TYPE1, '-o', out]);
    expect(r.code).toBe(0);
    expect((await readFile(out, 'utf8')).startsWith('<svg')).toBe(true);
    expect((await stat(out)).mode & 0o7777).toBe(0o755);
  });

  test('--scale with an SVG output says it does not apply', async ({ expect }) => {
    const out = join(await folder(), 'picture.svg');
    const r = await stackdraw(['export', TYPE1, '--scale', '3', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--scale only applies to PNG output');
    const png = await stackdraw(['export', TYPE1, '--scale', '1', '-o', join(out, '..', 'p.png')]);
    expect(png.stderr).not.toContain('--scale only applies');
  });

  test('export -o a symbolic link writes through to its target, which keeps mode 0600', async ({
    expect
  }) => {
    const dir = await folder();
    const target = join(dir, 'real.svg');
    const link = join(dir, 'link.svg');
    await writeFile(target, 'old picture');
    await chmod(target, 0o600);
    await symlink('real.svg', link);
    const r = await stackdraw(['export', TYPE1, '-o', link]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('real.svg');
    expect(await readFile(target, 'utf8')).toMatch(/^<svg /);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['link.svg', 'real.svg']);
  });

  test('layout -o a relative link into another folder: the target is replaced there', async ({
    expect
  }) => {
    const base = await folder();
    await mkdir(join(base, 'a'));
    await mkdir(join(base, 'b'));
    const target = join(base, 'b', 'doc.json');
    await writeFile(target, '{}');
    await chmod(target, 0o640);
    await symlink('../b/doc.json', join(base, 'a', 'doc.json'));
    const r = await stackdraw(['layout', TYPE1, '-o', join(base, 'a', 'doc.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8')).nodes[0].position).toBeDefined();
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect((await lstat(join(base, 'a', 'doc.json'))).isSymbolicLink()).toBe(true);
    expect(await readdir(join(base, 'a'))).toEqual(['doc.json']);
    expect(await readdir(join(base, 'b'))).toEqual(['doc.json']);
  });

  test('a planted symbolic link at the old predictable temporary name is not followed', async ({
    expect
  }) => {
    const dir = await folder();
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'precious');
    const out = join(dir, 'out.svg');
    // Planted before the CLI runs, at `.out.svg.<pid>.tmp` (the name used to be predictable).
    const plant = hook(
      `import { symlinkSync } from 'node:fs';
       symlinkSync(process.env.PLANT_TO, process.env.PLANT_AT.replace('PID', String(process.pid)));`
    );
    const r = await stackdraw(['export', TYPE1, '-o', out], {
      nodeArgs: plant,
      env: { PLANT_TO: victim, PLANT_AT: join(dir, '.out.svg.PID.tmp') }
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect((await lstat(out)).isFile()).toBe(true);
    expect(await readFile(out, 'utf8')).toMatch(/^<svg /);
  });

  test('a planted dangling link at that name does not create its target', async ({ expect }) => {
    const dir = await folder();
    const elsewhere = join(dir, 'created-by-attacker.json');
    const plant = hook(
      `import { symlinkSync } from 'node:fs';
       symlinkSync(process.env.PLANT_TO, process.env.PLANT_AT.replace('PID', String(process.pid)));`
    );
    const r = await stackdraw(['layout', TYPE1, '-o', join(dir, 'out.json')], {
      nodeArgs: plant,
      env: { PLANT_TO: elsewhere, PLANT_AT: join(dir, '.out.json.PID.tmp') }
    });
    expect(r.code).toBe(0);
    const names = await readdir(dir);
    expect(names).not.toContain('created-by-attacker.json');
    expect(names).toContain('out.json');
  });

  /** Holds the CLI just before it renames its temporary file over the output. */
  const HOLD_BEFORE_RENAME = hook(
    `import fsp from 'node:fs/promises';
     import { syncBuiltinESMExports } from 'node:module';
     fsp.rename = () => {
       process.stderr.write('RENAMING\\n');
       setInterval(() => {}, 1000);
       return new Promise(() => {});
     };
     syncBuiltinESMExports();`
  );

  test.for(['SIGTERM', 'SIGINT'] as const)(
    '%s during the write removes the temporary file; the old output stays',
    async (signal, { expect }) => {
      const dir = await folder();
      const out = join(dir, 'out.json');
      await writeFile(out, 'previous');
      let during: string[] = [];
      const r = await stackdraw(['layout', TYPE1, '-o', out], {
        nodeArgs: HOLD_BEFORE_RENAME,
        onStderr: (text, kill) => {
          if (!text.includes('RENAMING') || during.length) return;
          readdir(dir).then((names) => {
            during = names;
            kill(signal);
          });
        }
      });
      expect(r.signal).toBe(signal);
      // The temporary file existed, with a random name (control for the check below).
      expect(during).toHaveLength(2);
      expect(during.find((n) => n !== 'out.json')).toMatch(/^\.out\.json\.[0-9a-f]{16}\.tmp$/);
      expect(await readdir(dir)).toEqual(['out.json']);
      expect(await readFile(out, 'utf8')).toBe('previous');
    }
  );
});

describe.concurrent('terminal output: control characters are shown escaped', SLOW, () => {
  /** A label that would erase the verdict line and print a fake one, and a bidi override. */
  const hostile = {
    version: 1,
    nodes: [
      { id: 'hw', kind: 'hardware', label: 'Box\x1b[2K\r./lab.json: valid (no problems)' },
      { id: 'hv', kind: 'hypervisor', label: 'ESXi \u202eevil\u202c', hypervisorType: 2 },
      { id: '\x9b31m', kind: 'service', label: '' } // named by its id: a service on a hypervisor
    ],
    edges: [
      { id: 'e1', source: 'hw', target: 'hv' },
      { id: 'e2', source: 'hv', target: '\x9b31m' }
    ]
  };
  const RAW = /[\r\u202e\u202c\x9b]|\x1b\[2K/; // eslint-disable-line no-control-regex

  test.for([
    ['colour off', []],
    ['colour on', FAKE_TTY]
  ] as const)('in the text report, %s', async ([, nodeArgs], { expect }) => {
    const r = await stackdraw(['validate', '-'], {
      input: JSON.stringify(hostile),
      nodeArgs: [...nodeArgs]
    });
    expect(r.code).toBe(1); // a Type 2 hypervisor on bare metal
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('Box\\x1b[2K\\x0d./lab.json: valid (no problems)');
    expect(r.stdout).toContain('ESXi \\u202eevil\\u202c');
    expect(r.stdout).toContain('\\x9b31m');
    // The only escape sequences left are the colours, when colour is on.
    const sequences = r.stdout.match(/\x1b\[[0-9;]*[A-Za-z]/g) ?? []; // eslint-disable-line no-control-regex
    if (nodeArgs.length) expect(sequences.length).toBeGreaterThan(0);
    else expect(sequences).toEqual([]);
    for (const s of sequences) expect(s).toMatch(/m$/);
    expect(lines(r.stdout).at(-1)).toMatch(/^<stdin>: (\x1b\[[0-9;]*m)?invalid/); // eslint-disable-line no-control-regex
  });

  test('in input errors on stderr: ids and file names', async ({ expect }) => {
    const dir = await folder();
    const path = join(dir, 'evil\x1b[2K\u202e.json');
    await writeFile(
      path,
      JSON.stringify({ version: 1, nodes: [{ id: 'n\u202e\x1b]0;t\x07', kind: 'vm', label: 'x' }] })
    );
    const [r, missing] = await Promise.all([
      stackdraw(['validate', path]),
      stackdraw(['validate', join(dir, 'gone\r.json')])
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\x07\u202e]|\x1b[[\]]/); // eslint-disable-line no-control-regex
    expect(r.stderr).toContain('evil\\x1b[2K\\u202e.json: $.nodes[0].kind: ');
    // JSON quoting escapes C0 in the id; U+202E is escaped for the terminal.
    expect(r.stderr).toContain('(node "n\\u202e\\u001b]0;t\\u0007")');
    expect(missing.stderr).toBe(`stackdraw: ${dir}/gone\\x0d.json: no such file\n`);
  });

  test('JSON output is unchanged: the label comes back exactly', async ({ expect }) => {
    const r = await stackdraw(['validate', '--format', 'json', '-'], {
      input: JSON.stringify(hostile)
    });
    const report = JSON.parse(r.stdout) as { diagnostics: { message: string }[] };
    expect(report.diagnostics.some((d) => d.message.includes('ESXi \u202eevil\u202c'))).toBe(true);
  });
});

describe.concurrent('what the reader accepts, every command can use', SLOW, () => {
  const base = { version: 1, nodes: [{ id: 'hw', kind: 'hardware', label: 'Box' }] };

  test('a field nested 100,000 levels deep: exit 2 naming the path, never a crash', async ({
    expect
  }) => {
    const deep = '{"a":'.repeat(99_999) + '{"a":1' + '}'.repeat(100_000);
    const input = JSON.stringify(base).replace(/\}$/, `,"extra":${deep}}`);
    const runs = await Promise.all([
      stackdraw(['validate', '-'], { input }),
      stackdraw(['export', '-'], { input }),
      stackdraw(['layout', '-'], { input })
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toBe(
        `stackdraw: <stdin>: $.extra${'.a'.repeat(63)}: nested more than 64 levels deep: stackdraw reads documents nested up to 64 levels\n`
      );
    }
  });

  test('a title that is not a string, or a position of ±1e300: exit 2, not 70', async ({
    expect
  }) => {
    const title = JSON.stringify({ ...base, title: 5 });
    const far = JSON.stringify({
      ...base,
      nodes: [{ ...base.nodes[0], position: { x: 1e300, y: -1e300 } }]
    });
    const [t, p] = await Promise.all([
      stackdraw(['export', '-'], { input: title }),
      stackdraw(['export', '-'], { input: far })
    ]);
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(
      'stackdraw: <stdin>: $.title: "title" must be a string, but it is number 5\n'
    );
    expect(p.code).toBe(2);
    expect(lines(p.stderr)).toEqual([
      'stackdraw: <stdin>: $.nodes[0].position.x: "x" must be between -1000000 and 1000000 px, but it is 1e+300 (node "hw")',
      'stackdraw: <stdin>: $.nodes[0].position.y: "y" must be between -1000000 and 1000000 px, but it is -1e+300 (node "hw")'
    ]);
  });
});
