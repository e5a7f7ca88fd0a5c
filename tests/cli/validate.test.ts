/**
 * End-to-end tests of `stackdraw validate`: every test runs the real command,
 * `node bin/stackdraw.js ...`, as a child process (the bundle in dist/cli is rebuilt once by
 * tests/setup/build-cli.ts before the tests start).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, test, type ExpectStatic } from 'vitest';
import { BIN, EX, ROOT, type Run } from './cli.fixture';

/** Spawning node is ~100ms, but a loaded machine can make it much slower. */
const SLOW = { timeout: 60_000 };

interface RunOptions {
  /** Written to the child's stdin; stdin is always closed, so `-` can never hang. */
  input?: string;
  /** Extra node options placed before the script (e.g. `--import`). */
  nodeArgs?: string[];
  env?: Record<string, string | undefined>;
  /** Close our end of stdout after the first chunk, like `| head -1` does. */
  closeStdoutEarly?: boolean;
}

/** Colour must be off only because stdout is a pipe, not because of the environment. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function stackdraw(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: ROOT,
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 15_000
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      if (options.closeStdoutEarly) child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit without reading stdin
    child.stdin.end(options.input ?? '');
  });
}

/** Non-empty lines of an output. */
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** Parse `--format json` output: JSON Lines, exactly one object per line, newline-terminated. */
function jsonLines(expect: ExpectStatic, stdout: string): JsonReport[] {
  expect(stdout.endsWith('\n'), `stdout should end with a newline: ${JSON.stringify(stdout)}`).toBe(
    true
  );
  const parts = stdout.slice(0, -1).split('\n');
  return parts.map((line) => {
    expect(line.trim()).not.toBe('');
    const value = JSON.parse(line) as JsonReport;
    checkReportShape(expect, value);
    return value;
  });
}

interface JsonStack {
  root: string;
  classification: string;
  nested: boolean;
  nodes: string[];
  expect?: string;
  expectationMet?: boolean;
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  nodes: string[];
  message: string;
  hint?: string;
}
interface JsonReport {
  /** The file as given (`<stdin>` for `-`). */
  file: string;
  valid: boolean;
  stacks: JsonStack[];
  diagnostics: JsonDiagnostic[];
}

const sortedKeys = (o: object) => Object.keys(o).sort();

/** The documented JSON shape, exactly: no extra keys anywhere, right types. */
function checkReportShape(expect: ExpectStatic, r: JsonReport): void {
  expect(typeof r).toBe('object');
  expect(sortedKeys(r)).toEqual(['diagnostics', 'file', 'stacks', 'valid']);
  expect(typeof r.file).toBe('string');
  expect(typeof r.valid).toBe('boolean');
  expect(Array.isArray(r.stacks)).toBe(true);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  for (const s of r.stacks) {
    const keys = ['classification', 'nested', 'nodes', 'root'];
    if ('expect' in s || 'expectationMet' in s) keys.push('expect', 'expectationMet');
    expect(sortedKeys(s)).toEqual(keys.sort());
    expect(typeof s.root).toBe('string');
    expect(['dedicated', 'type1', 'type2', 'incomplete', 'invalid']).toContain(s.classification);
    expect(typeof s.nested).toBe('boolean');
    expect(s.nodes.every((n) => typeof n === 'string')).toBe(true);
    expect(s.nodes[0]).toBe(s.root);
    if ('expect' in s) {
      expect(['type1', 'type2', 'dedicated']).toContain(s.expect);
      expect(typeof s.expectationMet).toBe('boolean');
    }
  }
  for (const d of r.diagnostics) {
    const keys = ['message', 'nodes', 'rule', 'severity'];
    if ('hint' in d) keys.push('hint');
    expect(sortedKeys(d)).toEqual(keys.sort());
    expect(typeof d.rule).toBe('string');
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.nodes.length).toBeGreaterThan(0);
    expect(d.nodes.every((n) => typeof n === 'string')).toBe(true);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    if ('hint' in d) expect(typeof d.hint).toBe('string');
  }
  // `valid` means: no error, and every stack is valid and meets its expectation.
  const hasError = r.diagnostics.some((d) => d.severity === 'error');
  expect(r.valid).toBe(!hasError);
}

const HANGUL = /[\uAC00-\uD7A3]/;
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

let tmp: string;
const tmpFile = async (name: string, text: string) => {
  const path = join(tmp, name);
  await writeFile(path, text, 'utf8');
  return path;
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'stackdraw-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A small valid Type 1 document, for ad-hoc variations. */
function type1Doc() {
  return {
    version: 1,
    nodes: [
      { id: 'hw', kind: 'hardware', label: 'Rack server' },
      { id: 'hv', kind: 'hypervisor', label: 'Hyper-V', hypervisorType: 1 },
      { id: 'vm', kind: 'os', label: 'Guest Linux' }
    ],
    edges: [
      { id: 'e1', source: 'hw', target: 'hv' },
      { id: 'e2', source: 'hv', target: 'vm' }
    ]
  };
}

describe.concurrent('the examples in static/examples', SLOW, () => {
  const cases: {
    file: string;
    valid: boolean;
    classifications: string[];
    nested?: boolean;
    errorRule?: string;
  }[] = [
    { file: 'consolidation', valid: true, classifications: ['type1', 'type1'] },
    { file: 'dedicated-server', valid: true, classifications: ['dedicated'] },
    { file: 'type1-esxi', valid: true, classifications: ['type1'] },
    { file: 'type2-virtualbox', valid: true, classifications: ['type2'] },
    { file: 'nested-lab', valid: true, classifications: ['type1'], nested: true },
    {
      file: 'mistake-type2-on-bare-metal',
      valid: false,
      classifications: ['invalid'],
      errorRule: 'type-mismatch'
    },
    {
      file: 'mistake-service-on-hypervisor',
      valid: false,
      classifications: ['invalid'],
      errorRule: 'invalid-host'
    },
    {
      file: 'mistake-two-oses',
      valid: false,
      classifications: ['invalid'],
      errorRule: 'one-bare-metal-system'
    }
  ];

  test.for(cases)(
    '$file: valid=$valid, stacks $classifications',
    async ({ file, valid, classifications, nested, errorRule }, { expect }) => {
      const path = `${EX}/${file}.json`;
      const [json, text] = await Promise.all([
        stackdraw(['validate', '--format', 'json', path]),
        stackdraw(['validate', path])
      ]);
      for (const r of [json, text]) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(valid ? 0 : 1);
      }

      const reports = jsonLines(expect, json.stdout);
      expect(reports).toHaveLength(1);
      const [report] = reports;
      expect(report.valid).toBe(valid);
      expect(report.stacks.map((s) => s.classification)).toEqual(classifications);
      expect(report.stacks.map((s) => s.nested)).toEqual(
        classifications.map(() => nested ?? false)
      );
      const errors = report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
      expect(errors).toEqual(errorRule ? [errorRule] : []);

      // Text: the same verdict, one line per stack, never colour through a pipe.
      expect(text.stdout).not.toMatch(ANSI);
      expect(text.stdout.trim()).not.toBe('');
      for (const line of lines(text.stdout)) {
        if (line.startsWith('    ')) continue; // a hint under a diagnostic
        expect(line.startsWith(`${path}: `)).toBe(true);
      }
      const stackLines = lines(text.stdout).filter((l) => /stack|server/i.test(l));
      expect(stackLines.length).toBeGreaterThanOrEqual(classifications.length);
      if (errorRule) {
        expect(text.stdout).toContain(`${path}: error ${errorRule} [`);
        expect(text.stdout).toMatch(/\binvalid\b/);
      }
    }
  );

  test('a stack node list lists the whole stack, root first', async ({ expect }) => {
    const r = await stackdraw(['validate', '--format=json', `${EX}/type1-esxi.json`]);
    expect(r.code).toBe(0);
    const [report] = jsonLines(expect, r.stdout);
    expect(report).toEqual({
      file: `${EX}/type1-esxi.json`,
      valid: true,
      stacks: [{ root: 'hw', classification: 'type1', nested: false, nodes: expect.any(Array) }],
      // One server, no cluster: a note that it is a single point of failure, nothing else.
      diagnostics: [expect.objectContaining({ rule: 'single-point-of-failure', nodes: ['hw'] })]
    });
    expect(report.stacks[0].nodes[0]).toBe('hw');
    expect([...report.stacks[0].nodes].sort()).toEqual(['esxi', 'hw', 'sql', 'vm1', 'vm2', 'web']);
  });

  test('dedicated-server.json carries its own expect "dedicated", met', async ({ expect }) => {
    const r = await stackdraw(['validate', '--format', 'json', `${EX}/dedicated-server.json`]);
    expect(r.code).toBe(0);
    const [report] = jsonLines(expect, r.stdout);
    expect(report.stacks).toHaveLength(1);
    expect(report.stacks[0]).toMatchObject({
      root: 'hw',
      classification: 'dedicated',
      expect: 'dedicated',
      expectationMet: true
    });
  });
});

describe.concurrent('text output', SLOW, () => {
  test('a valid stack: exactly its stack line, then the verdict', async ({ expect }) => {
    const path = `${EX}/type2-virtualbox.json`;
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    // The one note (a lone laptop is a single point of failure) and its hint come first.
    expect(out[0]).toMatch(/: note single-point-of-failure \[Laptop \(Intel Core i7\)\]: /);
    expect(out[2]).toBe(`${path}: Laptop (Intel Core i7): Type 2 stack, valid`);
    expect(out).toHaveLength(4);
    expect(out[3]).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}: valid\\b`));
  });

  test('a diagnostic line has severity, rule, node labels and message, before the stack line', async ({
    expect
  }) => {
    const path = `${EX}/mistake-two-oses.json`;
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    const diag = out.findIndex((l) => l.includes('one-bare-metal-system'));
    expect(diag).toBeGreaterThanOrEqual(0);
    // Labels, not ids ("hw", "win", "linux"); the order of the systems is not part of the contract.
    const m = /^(.*?): error one-bare-metal-system \[(.*?)\]: (.*)$/.exec(out[diag]);
    expect(m, out[diag]).not.toBeNull();
    const [, name, labels, message] = m!;
    expect(name).toBe(path);
    expect(labels.split(', ').sort()).toEqual(['Ubuntu Server', 'Windows Server', '서버 (Server)']);
    expect(message).toMatch(/^"서버 \(Server\)" has 2 systems directly on it \(/);
    expect(message).toContain('"Windows Server"');
    expect(message).toContain('"Ubuntu Server"');
    const stack = out.indexOf(`${path}: 서버 (Server): Invalid stack`);
    expect(stack).toBeGreaterThan(diag);
  });

  test('warnings and notes are labelled as such and do not fail the file', async ({ expect }) => {
    const [hyp, nested] = await Promise.all([
      stackdraw(['validate', `${EX}/mistake-service-on-hypervisor.json`]),
      stackdraw(['validate', `${EX}/nested-lab.json`])
    ]);
    expect(hyp.code).toBe(1);
    expect(hyp.stdout).toContain(
      `${EX}/mistake-service-on-hypervisor.json: warning idle-hypervisor [ESXi 8]: The hypervisor "ESXi 8" runs no guest OS yet.`
    );
    expect(hyp.stdout).toContain(
      `${EX}/mistake-service-on-hypervisor.json: error invalid-host [Web server]: The service "Web server" sits directly on the hypervisor "ESXi 8".`
    );
    expect(nested.code).toBe(0);
    expect(nested.stdout).toContain(`${EX}/nested-lab.json: note nested [VMware Workstation]: `);
    expect(nested.stdout).toContain(
      `${EX}/nested-lab.json: Lab server: Type 1 stack (nested), valid`
    );
  });

  test('a document with only warnings is valid: exit 0', async ({ expect }) => {
    const doc = type1Doc();
    doc.nodes.pop();
    doc.edges.pop();
    const path = await tmpFile('warning-only.json', JSON.stringify(doc));
    const [text, json] = await Promise.all([
      stackdraw(['validate', path]),
      stackdraw(['validate', '--format', 'json', path])
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${path}: warning idle-hypervisor [Hyper-V]: `);
    expect(text.stdout).toContain(`${path}: Rack server: Type 1 stack, valid`);
    expect(json.code).toBe(0);
    const [report] = jsonLines(expect, json.stdout);
    expect(report.valid).toBe(true);
    expect(report.diagnostics.map((d) => [d.rule, d.severity, d.nodes])).toEqual([
      ['idle-hypervisor', 'warning', ['hv']]
    ]);
  });

  test('a reader that stops early (| head) does not crash it; the exit status stays right', async ({
    expect
  }) => {
    // ~150 KB of output: far more than a pipe buffer, so the CLI is still writing when the
    // reader goes away, and its next write fails with EPIPE.
    const valid = ['type1-esxi', 'type2-virtualbox', 'nested-lab', 'dedicated-server'];
    const files = Array.from({ length: 120 }, () => valid.map((f) => `${EX}/${f}.json`)).flat();
    const r = await stackdraw(['validate', '--format', 'json', ...files], {
      closeStdoutEarly: true
    });
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout.length).toBeLessThan(files.length * 200);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });

  test('no ANSI colour through a pipe, even when the terminal type supports it', async ({
    expect
  }) => {
    const r = await stackdraw([
      'validate',
      `${EX}/mistake-service-on-hypervisor.json`,
      `${EX}/type2-virtualbox.json`
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).not.toMatch(ANSI);
  });

  test('colour is used on a terminal, and NO_COLOR turns it off (control for the test above)', async ({
    expect
  }) => {
    // Pretend stdout is a TTY: proves the no-colour assertion above can fail.
    const fakeTty = [
      '--import',
      "data:text/javascript,Object.defineProperty(process.stdout,'isTTY',{value:true})"
    ];
    const args = ['validate', `${EX}/mistake-two-oses.json`];
    const [tty, noColor] = await Promise.all([
      stackdraw(args, { nodeArgs: fakeTty }),
      stackdraw(args, { nodeArgs: fakeTty, env: { NO_COLOR: '1' } })
    ]);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toMatch(ANSI);
    expect(noColor.code).toBe(1);
    expect(noColor.stdout).not.toMatch(ANSI);
  });
});

describe.concurrent('--format json', SLOW, () => {
  test('several files: one object per line, in argument order', async ({ expect }) => {
    const files = ['type1-esxi', 'mistake-two-oses', 'type2-virtualbox', 'nested-lab'].map(
      (f) => `${EX}/${f}.json`
    );
    const r = await stackdraw(['validate', '--format', 'json', ...files]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const reports = jsonLines(expect, r.stdout);
    expect(reports).toHaveLength(4);
    expect(reports.map((x) => x.valid)).toEqual([true, false, true, true]);
    expect(reports.map((x) => x.stacks.map((s) => s.classification))).toEqual([
      ['type1'],
      ['invalid'],
      ['type2'],
      ['type1']
    ]);
    expect(reports[3].stacks[0].nested).toBe(true);
  });

  test('all example files at once: exact key sets everywhere', async ({ expect }) => {
    const files = [
      'consolidation',
      'dedicated-server',
      'mistake-service-on-hypervisor',
      'mistake-two-oses',
      'mistake-type2-on-bare-metal',
      'nested-lab',
      'type1-esxi',
      'type2-virtualbox'
    ].map((f) => `${EX}/${f}.json`);
    const r = await stackdraw(['validate', '--format', 'json', '--expect', 'type1', ...files]);
    expect(r.code).toBe(1);
    const reports = jsonLines(expect, r.stdout); // checks every object's keys
    expect(reports).toHaveLength(files.length);
    // --expect puts expect/expectationMet on every stack; diagnostics carry a hint where the
    // message catalog has one (every situation of these examples has).
    for (const report of reports) {
      for (const s of report.stacks) {
        expect(sortedKeys(s)).toEqual([
          'classification',
          'expect',
          'expectationMet',
          'nested',
          'nodes',
          'root'
        ]);
      }
    }
    const all = reports.flatMap((x) => x.diagnostics);
    expect(all.length).toBeGreaterThan(0);
    for (const d of all) expect(typeof d.hint).toBe('string');
  });

  test('a diagnostic in full: rule, severity, nodes, message, hint', async ({ expect }) => {
    const r = await stackdraw([
      'validate',
      '--format',
      'json',
      `${EX}/mistake-type2-on-bare-metal.json`
    ]);
    expect(r.code).toBe(1);
    const [report] = jsonLines(expect, r.stdout);
    expect(report.valid).toBe(false);
    expect(report.stacks).toEqual([
      { root: 'hw', classification: 'invalid', nested: false, nodes: ['hw', 'vbox', 'ubuntu'] }
    ]);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toEqual({
      rule: 'type-mismatch',
      severity: 'error',
      nodes: ['vbox'],
      message:
        '"VirtualBox" is a hosted (Type 2) hypervisor, an application installed on macOS, ' +
        'Windows or Linux, but it is drawn directly on the hardware "Desktop PC".',
      hint: 'Add the host OS: hardware → host OS → "VirtualBox" → guest OS.'
    });
  });
});

describe.concurrent('--expect', SLOW, () => {
  test('--expect type2 on a Type 1 stack: exit 1, expectation-unmet', async ({ expect }) => {
    const path = `${EX}/type1-esxi.json`;
    const [json, text] = await Promise.all([
      stackdraw(['validate', '--expect', 'type2', '--format', 'json', path]),
      stackdraw(['validate', '--expect=type2', path])
    ]);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const [report] = jsonLines(expect, json.stdout);
    expect(report.valid).toBe(false);
    expect(report.stacks).toHaveLength(1);
    expect(report.stacks[0]).toEqual({
      root: 'hw',
      classification: 'type1',
      nested: false,
      nodes: expect.any(Array),
      expect: 'type2',
      expectationMet: false
    });
    expect(report.stacks[0].nodes).toHaveLength(6);
    const unmet = report.diagnostics.filter((d) => d.rule === 'expectation-unmet');
    expect(unmet).toHaveLength(1);
    expect(unmet[0].severity).toBe('error');
    expect(unmet[0].nodes).toContain('hw');

    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      `${path}: error expectation-unmet [Dell PowerEdge R740, ESXi 8]:`
    );
    expect(text.stdout).toContain(
      `${path}: Dell PowerEdge R740: Type 1 stack, invalid; expected Type 2: not met`
    );
  });

  test('--expect matching the drawing: exit 0, expectation met', async ({ expect }) => {
    const r = await stackdraw([
      'validate',
      '--expect',
      'type1',
      '--format',
      'json',
      `${EX}/type1-esxi.json`
    ]);
    expect(r.code).toBe(0);
    const [report] = jsonLines(expect, r.stdout);
    expect(report.valid).toBe(true);
    expect(report.stacks[0]).toMatchObject({ expect: 'type1', expectationMet: true });
    expect(report.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['info']);
  });

  test("a root's own expect wins over --expect", async ({ expect }) => {
    const path = `${EX}/consolidation.json`;
    const [json, text] = await Promise.all([
      stackdraw(['validate', '--expect', 'type2', '--format', 'json', path]),
      stackdraw(['validate', '--expect', 'dedicated', path])
    ]);
    expect(json.code).toBe(0);
    const [report] = jsonLines(expect, json.stdout);
    expect(report.valid).toBe(true);
    expect(report.stacks.map((s) => [s.root, s.expect, s.expectationMet])).toEqual([
      ['srv1', 'type1', true],
      ['srv2', 'type1', true]
    ]);
    expect(report.diagnostics.map((d) => d.rule)).not.toContain('expectation-unmet');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('서버 1 (Server 1): Type 1 stack, valid; expected Type 1: met');
  });

  test('--expect applies only to roots without their own expect', async ({ expect }) => {
    const doc = type1Doc();
    doc.nodes.push(
      { id: 'hw2', kind: 'hardware', label: 'Second box', expect: 'type1' } as never,
      { id: 'hv2', kind: 'hypervisor', label: 'ESXi', hypervisorType: 1 },
      { id: 'vm2', kind: 'os', label: 'Guest 2' }
    );
    doc.edges.push(
      { id: 'e3', source: 'hw2', target: 'hv2' },
      { id: 'e4', source: 'hv2', target: 'vm2' }
    );
    const path = await tmpFile('two-roots.json', JSON.stringify(doc));
    const r = await stackdraw(['validate', '--format', 'json', '--expect', 'dedicated', path]);
    expect(r.code).toBe(1);
    const [report] = jsonLines(expect, r.stdout);
    expect(report.stacks.map((s) => [s.root, s.expect, s.expectationMet])).toEqual([
      ['hw', 'dedicated', false],
      ['hw2', 'type1', true]
    ]);
    const unmet = report.diagnostics.filter((d) => d.rule === 'expectation-unmet');
    expect(unmet).toHaveLength(1);
    expect(unmet[0].nodes).toContain('hw');
    expect(unmet[0].nodes).not.toContain('hw2');
  });
});

describe.concurrent('standard input', SLOW, () => {
  test('- reads the document from stdin', async ({ expect }) => {
    const input = await readFile(join(ROOT, EX, 'type2-virtualbox.json'), 'utf8');
    const [text, json] = await Promise.all([
      stackdraw(['validate', '-'], { input }),
      stackdraw(['validate', '--format', 'json', '-'], { input })
    ]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(lines(text.stdout)).toContain('<stdin>: Laptop (Intel Core i7): Type 2 stack, valid');
    expect(json.code).toBe(0);
    const [report] = jsonLines(expect, json.stdout);
    expect(report.stacks.map((s) => s.classification)).toEqual(['type2']);
  });

  test('stdin mixed with files keeps argument order', async ({ expect }) => {
    const input = await readFile(join(ROOT, EX, 'mistake-two-oses.json'), 'utf8');
    const r = await stackdraw(
      ['validate', '--format', 'json', `${EX}/type1-esxi.json`, '-', `${EX}/type2-virtualbox.json`],
      { input }
    );
    expect(r.code).toBe(1);
    const reports = jsonLines(expect, r.stdout);
    expect(reports.map((x) => x.stacks[0].classification)).toEqual(['type1', 'invalid', 'type2']);
    expect(reports[1].diagnostics.map((d) => d.rule)).toEqual(['one-bare-metal-system']);
  });

  test('an invalid document on stdin: exit 1', async ({ expect }) => {
    const input = await readFile(join(ROOT, EX, 'mistake-type2-on-bare-metal.json'), 'utf8');
    const r = await stackdraw(['validate', '-'], { input });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>: error type-mismatch [VirtualBox]: ');
  });

  test('unusable stdin: exit 2, stderr names <stdin>', async ({ expect }) => {
    const r = await stackdraw(['validate', '-'], { input: '[1, 2]' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>');
    expect(r.stderr).toContain('$');
    expect(r.stderr).toContain('must be a JSON object');
  });
});

describe.concurrent('unreadable input: exit 2', SLOW, () => {
  test('a missing file among others: the others are still reported', async ({ expect }) => {
    const missing = join(tmp, 'does-not-exist.json');
    const [json, text] = await Promise.all([
      stackdraw([
        'validate',
        '--format',
        'json',
        `${EX}/type1-esxi.json`,
        missing,
        `${EX}/mistake-two-oses.json`
      ]),
      stackdraw(['validate', missing, `${EX}/type2-virtualbox.json`])
    ]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(missing);
    expect(json.stderr).toMatch(/no such file/i);
    expect(lines(json.stderr)).toHaveLength(1);
    const reports = jsonLines(expect, json.stdout);
    expect(reports).toHaveLength(2);
    expect(reports.map((x) => x.valid)).toEqual([true, false]);

    expect(text.code).toBe(2);
    expect(text.stderr).toContain(missing);
    expect(text.stdout).not.toContain(missing);
    expect(text.stdout).toContain(
      `${EX}/type2-virtualbox.json: Laptop (Intel Core i7): Type 2 stack, valid`
    );
  });

  test('exit 2 wins over exit 1, whatever the order', async ({ expect }) => {
    const missing = join(tmp, 'nope.json');
    const bad = `${EX}/mistake-two-oses.json`;
    const [first, last] = await Promise.all([
      stackdraw(['validate', missing, bad]),
      stackdraw(['validate', bad, missing])
    ]);
    expect(first.code).toBe(2);
    expect(last.code).toBe(2);
    expect(first.stdout).toContain(`${bad}: 서버 (Server): Invalid stack`);
    expect(last.stdout).toContain(`${bad}: 서버 (Server): Invalid stack`);
  });

  test('broken JSON: stderr names the file, "$" and line/column; no report', async ({ expect }) => {
    // The stray "@" is the error: line 3, column 5.
    const path = await tmpFile('broken.json', '{\n  "nodes": [\n    @\n  ]\n}\n');
    const [text, json] = await Promise.all([
      stackdraw(['validate', path]),
      stackdraw(['validate', '--format', 'json', path])
    ]);
    for (const r of [text, json]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain(`${path}: $: not valid JSON at line 3, column 5`);
    }
  });

  test('truncated JSON also gets a line and column', async ({ expect }) => {
    const path = await tmpFile('truncated.json', '{"nodes": [');
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/: \$: not valid JSON at line 1, column \d+/);
    expect(r.stderr).toContain(path);
  });

  test('an empty file: exit 2, says it is empty', async ({ expect }) => {
    const path = await tmpFile('empty.json', '');
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(/empty/);
  });

  test('a directory: exit 2, says so', async ({ expect }) => {
    const r = await stackdraw(['validate', tmp]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(tmp);
    expect(r.stderr).toMatch(/directory/);
  });

  test('unknown kind: JSON path and node id on stderr, nothing on stdout for that file', async ({
    expect
  }) => {
    const doc = type1Doc();
    doc.nodes[1].kind = 'vmm';
    const path = await tmpFile('unknown-kind.json', JSON.stringify(doc, null, 2));
    const [text, json, mixed] = await Promise.all([
      stackdraw(['validate', path]),
      stackdraw(['validate', '--format', 'json', path]),
      stackdraw(['validate', '--format', 'json', path, `${EX}/type1-esxi.json`])
    ]);
    for (const r of [text, json]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(path);
      expect(r.stderr).toContain('$.nodes[1].kind');
      expect(r.stderr).toContain('"hv"');
      expect(r.stderr).toContain('"vmm"');
    }
    expect(mixed.code).toBe(2);
    const reports = jsonLines(expect, mixed.stdout);
    expect(reports).toHaveLength(1);
    expect(reports[0].stacks[0].root).toBe('hw');
    expect(reports[0].stacks[0].nodes).toContain('esxi');
  });

  test('every input error is listed, each with its path', async ({ expect }) => {
    const doc = type1Doc() as { nodes: Record<string, unknown>[]; edges: unknown[] };
    doc.nodes[1].hypervisorType = 3;
    doc.edges.push({ id: 'e9', source: 'vm', target: 'ghost' });
    const path = await tmpFile('two-errors.json', JSON.stringify(doc));
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const err = lines(r.stderr);
    expect(err).toHaveLength(2);
    expect(err[0]).toContain(`${path}: $.nodes[1].hypervisorType: `);
    expect(err[1]).toContain(`${path}: $.edges[2].target: `);
    expect(err[1]).toContain('"ghost"');
  });

  test('a newer document version: exit 2 with $.version', async ({ expect }) => {
    const path = await tmpFile('v99.json', JSON.stringify({ ...type1Doc(), version: 99 }));
    const r = await stackdraw(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path}: $.version: unsupported version 99`);
  });
});

describe.concurrent('bad usage: exit 2, message on stderr, nothing on stdout', SLOW, () => {
  const valid = `${EX}/type1-esxi.json`;
  const cases: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'unknown option', args: ['validate', '--bogus', valid], message: /--bogus/ },
    { name: 'unknown short option', args: ['validate', '-x', valid], message: /-x/ },
    {
      name: 'bad --format value',
      args: ['validate', '--format', 'xml', valid],
      message: /--format.*xml/
    },
    {
      name: 'bad --format=value',
      args: ['validate', '--format=yaml', valid],
      message: /--format.*yaml/
    },
    {
      name: '--format without a value',
      args: ['validate', valid, '--format'],
      message: /--format/
    },
    {
      name: 'bad --expect value',
      args: ['validate', '--expect', 'type3', valid],
      message: /--expect.*type3/
    },
    { name: 'bad --lang value', args: ['validate', '--lang', 'fr', valid], message: /--lang.*fr/ },
    { name: 'a flag given a value', args: ['validate', '--help=yes'], message: /--help/ },
    { name: 'no files', args: ['validate'], message: /FILE/ },
    { name: 'no files, only options', args: ['validate', '--format', 'json'], message: /FILE/ },
    { name: 'unknown command', args: ['check', valid], message: /unknown command 'check'/ },
    {
      name: 'option before the command',
      args: ['--format', 'json', 'validate', valid],
      message: /command/
    },
    { name: 'no arguments at all', args: [], message: /Usage/ }
  ];

  test.for(cases)('$name', async ({ args, message }, { expect }) => {
    const r = await stackdraw(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('a usage error is not mistaken for a file: no file is read', async ({ expect }) => {
    const r = await stackdraw(['validate', '--format', 'xml', 'missing-file.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('missing-file.json');
  });
});

describe.concurrent('--lang', SLOW, () => {
  test('--lang ko: messages in Korean', async ({ expect }) => {
    const path = `${EX}/mistake-type2-on-bare-metal.json`;
    const [ko, en, koText] = await Promise.all([
      stackdraw(['validate', '--lang', 'ko', '--format', 'json', path]),
      stackdraw(['validate', '--format', 'json', path]),
      stackdraw(['validate', '--lang=ko', path])
    ]);
    expect(ko.code).toBe(1);
    expect(en.code).toBe(1);
    const [koReport] = jsonLines(expect, ko.stdout);
    const [enReport] = jsonLines(expect, en.stdout);
    // Same findings, only the words differ.
    expect(koReport.diagnostics.map((d) => [d.rule, d.severity, d.nodes])).toEqual(
      enReport.diagnostics.map((d) => [d.rule, d.severity, d.nodes])
    );
    expect(koReport.stacks).toEqual(enReport.stacks);
    const koMsg = koReport.diagnostics[0].message;
    expect(koMsg).toMatch(HANGUL);
    expect(koMsg).toContain('"VirtualBox"');
    expect(koMsg).toContain('"Desktop PC"');
    expect(koReport.diagnostics[0].hint).toMatch(HANGUL);
    expect(enReport.diagnostics[0].message).not.toMatch(HANGUL);

    expect(koText.code).toBe(1);
    expect(koText.stdout).toContain(`${path}: 오류 type-mismatch [VirtualBox]: `);
    expect(koText.stdout).toContain(`${path}: Desktop PC: 잘못된 스택`);
  });

  test('--lang en is the default', async ({ expect }) => {
    const path = `${EX}/type2-virtualbox.json`;
    const [def, en] = await Promise.all([
      stackdraw(['validate', path]),
      stackdraw(['validate', '--lang', 'en', path])
    ]);
    expect(def.code).toBe(0);
    expect(def.stdout).toBe(en.stdout);
    expect(def.stdout).not.toMatch(HANGUL);
  });
});

describe.concurrent('--help and --version', SLOW, () => {
  test.for([['--help'], ['-h'], ['validate', '--help'], ['validate', '-h']])(
    '%s prints usage, exit 0',
    async (args, { expect }) => {
      const r = await stackdraw(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: stackdraw/);
      expect(r.stdout).toContain('validate FILE');
      expect(r.stdout).toContain('--format');
      expect(r.stdout).toContain('--expect');
    }
  );

  test.for([['--version'], ['-v'], ['validate', '--version']])(
    '%s prints the package.json version, exit 0',
    async (args, { expect }) => {
      const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
        version: string;
      };
      const r = await stackdraw(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  );
});

describe.concurrent('new-user trial: file names, refusals and text in the output', SLOW, () => {
  test('--format json names the file of each result; a refused file gives line and column on stderr', async ({
    expect
  }) => {
    const bad = await tmpFile(
      'unknown-kind-at.json',
      '{\n  "version": 1,\n  "nodes": [\n    { "id": "a", "kind": "toaster", "label": "T" }\n  ]\n}\n'
    );
    const good = `${EX}/type1-esxi.json`;
    const other = `${EX}/type2-virtualbox.json`;
    const r = await stackdraw(['validate', '--format', 'json', good, bad, other]);
    expect(r.code).toBe(2);
    expect(jsonLines(expect, r.stdout).map((o) => o.file)).toEqual([good, other]);
    expect(r.stderr).toBe(
      `stackdraw: ${bad}: $.nodes[0].kind: unknown kind "toaster" (node "a"): use one of hardware, firmware, hypervisor, os, container, service (line 4, column 26)\n`
    );
    const ko = await stackdraw(['validate', '--lang', 'ko', bad]);
    expect(ko.stderr).toContain('(4행 26열)');
  });

  test('--lang ko: the reader’s errors are in Korean', async ({ expect }) => {
    const bad = await tmpFile(
      'ko-errors.json',
      JSON.stringify({
        version: 1,
        nodes: [
          { id: 'a', kind: 'toaster', label: 'T' },
          { id: 'a', kind: 'os', label: 'U' }
        ]
      })
    );
    const r = await stackdraw(['validate', '--lang', 'ko', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('알 수 없는 종류 "toaster" (노드 "a")');
    expect(r.stderr).toContain('노드 id "a"가 중복됩니다');
    const notJson = await stackdraw(['validate', '--lang', 'ko', '-'], { input: '{' });
    expect(notJson.stderr).toContain('올바른 JSON이 아닙니다');
    const redundancy = await tmpFile(
      'ko-cluster.json',
      JSON.stringify({
        version: 1,
        nodes: [
          { id: 'srv1', kind: 'hardware', label: 'S', position: { x: 5e6, y: 0 } },
          { id: 'vm1', kind: 'os', label: 'V' }
        ],
        clusters: [{ id: 'prod', members: ['vm1'] }]
      })
    );
    const ko = await stackdraw(['validate', '--lang', 'ko', redundancy]);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toBe(
      `stackdraw: ${redundancy}: $.nodes[0].position.x: "x"는 -1000000에서 1000000 px 사이여야 하는데 5000000입니다 (노드 "srv1")\n`
    );
    const fixed = JSON.stringify({
      version: 1,
      nodes: [
        { id: 'srv1', kind: 'hardware', label: 'S' },
        { id: 'vm1', kind: 'os', label: 'V' }
      ],
      clusters: [{ id: 'prod', members: ['vm1'] }]
    });
    const cluster = await stackdraw(['validate', '--lang', 'ko', '-'], { input: fixed });
    expect(cluster.stderr).toBe(
      'stackdraw: <stdin>: $.clusters[0].members[0]: 구성원 "vm1"은 운영체제입니다 (클러스터 "prod"): 클러스터의 구성원은 기계(아래에 아무것도 없는 하드웨어)여야 합니다\n'
    );
    const version = await stackdraw(['validate', '-'], { input: '{"version":"1","nodes":[]}' });
    expect(version.stderr).toContain('"version" must be the number 1, but it is the string "1"');
    const dir = dirname(bad);
    const missing = await stackdraw(['validate', '--lang', 'ko', `${bad}.gone`, dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `stackdraw: ${bad}.gone: 그런 파일이 없습니다\nstackdraw: ${dir}: 파일이 아니라 폴더입니다\n`
    );
  });

  test('labels: NFC in text output, bidi controls escaped in JSON', async ({ expect }) => {
    const nfd = '\u1100\u1161\u1109\u1161\u11bc';
    const doc = {
      version: 1,
      nodes: [
        { id: 'hw', kind: 'hardware', label: nfd },
        { id: 'svc', kind: 'service', label: 'x\u202ey' }
      ],
      edges: [{ id: 'e', source: 'hw', target: 'svc' }]
    };
    const text = await stackdraw(['validate', '-'], { input: JSON.stringify(doc) });
    expect(text.stdout).toContain(nfd.normalize('NFC'));
    expect(text.stdout).not.toContain(nfd);
    expect(text.stdout).not.toContain('\u202e');
    const json = await stackdraw(['validate', '--format', 'json', '-'], {
      input: JSON.stringify(doc)
    });
    expect(json.stdout).not.toContain('\u202e');
    expect(json.stdout).toContain('\\u202e');
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('x\u202ey');
  });
});
