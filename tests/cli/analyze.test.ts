/**
 * End-to-end tests of `stackdraw analyze` and `stackdraw export --fail` (redundancy issue,
 * section 5): the real command, `node bin/stackdraw.js ...`, as a child process.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { EX, ROOT, runCli } from './cli.fixture';

const SLOW = { timeout: 120_000 };
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

interface AnalysisJson {
  machines: number;
  guests: number;
  servicesPerMachine: number;
  failed: string[];
  services: { id: string; state: string; on?: string }[];
  hardware: { id: string; stops: string[] }[];
}

describe('stackdraw analyze', () => {
  test('--format json: one object, as the contract writes it', SLOW, async ({ expect }) => {
    const r = await runCli([
      'analyze',
      `${EX}/redundancy-consolidated-ha.en.json`,
      '--fail',
      'srv1',
      '--format',
      'json'
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toHaveLength(1);
    // The key order of the contract; "services" is the count, then the list.
    expect(r.stdout).toMatch(
      /^\{"machines":2,"guests":8,"services":8,"servicesPerMachine":4,"failed":\["srv1"\],"services":\[/
    );
    const a = JSON.parse(r.stdout) as AnalysisJson;
    expect(a.failed).toEqual(['srv1']);
    expect(a.services).toContainEqual({ id: 'web', state: 'restarted', on: 'srv2' });
    expect(a.services).toContainEqual({ id: 'dhcp', state: 'running', on: 'srv2' });
    expect(a.services).toHaveLength(8);
    expect(a.hardware).toEqual([
      { id: 'srv1', stops: [] },
      { id: 'srv2', stops: [] }
    ]);
  });

  test(
    'down has no "on"; FT continues; repeated --fail fails nodes together',
    SLOW,
    async ({ expect }) => {
      const [ft, both, dedicated] = await Promise.all([
        runCli(['analyze', `${EX}/redundancy-ft-pair.en.json`, '--fail', 'esx1', '--format=json']),
        runCli([
          'analyze',
          `${EX}/redundancy-ft-pair.en.json`,
          '--fail',
          'esx1',
          '--fail',
          'esx2',
          '--format',
          'json'
        ]),
        runCli(['analyze', `${EX}/redundancy-dedicated-8.en.json`, '--format', 'json'])
      ]);
      const a = JSON.parse(ft.stdout) as AnalysisJson;
      expect(a.services).toContainEqual({ id: 'pay', state: 'continues', on: 'esx2' });
      const b = JSON.parse(both.stdout) as AnalysisJson;
      expect(b.failed).toEqual(['esx1', 'esx2']);
      expect(b.services).toEqual([
        { id: 'pay', state: 'down' },
        { id: 'pay-2', state: 'down' }
      ]);
      const d = JSON.parse(dedicated.stdout) as AnalysisJson;
      expect(d).toMatchObject({ machines: 8, guests: 0, servicesPerMachine: 1, failed: [] });
      expect(d.hardware).toContainEqual({ id: 'web-hw', stops: ['web'] });
      expect(d.services.every((s) => s.state === 'running')).toBe(true);
    }
  );

  test(
    'text: figures, memory, what happens, what each machine stops; Korean',
    SLOW,
    async ({ expect }) => {
      const [en, ko] = await Promise.all([
        runCli(['analyze', `${EX}/redundancy-ha-capacity.en.json`, '--fail', 'node1']),
        runCli([
          'analyze',
          `${EX}/redundancy-ha-capacity.ko.json`,
          '--fail',
          'node1',
          '--lang',
          'ko'
        ])
      ]);
      expect(en.code).toBe(0);
      const out = lines(en.stdout);
      expect(out[0]).toBe('2 machines · 4 VMs · 4 services · 2 services per machine');
      expect(out).toContain('Memory: "Server 1" 56 GiB of 64 GiB, "Server 2" 48 GiB of 64 GiB');
      expect(out).toContain('When "Server 1" fails:');
      expect(out).toContain('  "ERP": down');
      expect(out).toContain('  "CRM": restarted (HA) on "Server 2"');
      expect(out).toContain('  "Linux (ERP)": no free memory to restart on');
      expect(out).toContain('  "Server 1": "ERP" stops');
      expect(ko.code).toBe(0);
      expect(lines(ko.stdout)).toContain('  "CRM": 다시 시작됨(HA) ("서버 2")');
      expect(lines(ko.stdout)[0]).toBe('물리 서버 2대 · VM 4개 · 서비스 4개 · 서버당 서비스 2개');
    }
  );

  test(
    'stdin, and an exit status of 0 even when the document has problems',
    SLOW,
    async ({ expect }) => {
      const input = await readFile(join(ROOT, EX, 'mistake-two-oses.json'), 'utf8');
      const r = await runCli(['analyze', '-', '--format', 'json'], input);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ machines: 1, failed: [] });
    }
  );

  test(
    'an unknown --fail id, or unreadable input: exit 2 and a message naming it',
    SLOW,
    async ({ expect }) => {
      const [unknown, ko, bad, usage] = await Promise.all([
        runCli(['analyze', `${EX}/redundancy-ft-pair.en.json`, '--fail', 'esx9']),
        runCli(['export', `${EX}/redundancy-ft-pair.en.json`, '--fail', 'esx9', '--lang', 'ko']),
        runCli(['analyze', '-'], '{"version": 1, "nodes": [}'),
        runCli(['analyze'])
      ]);
      expect(unknown.code).toBe(2);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toMatch(/--fail "esx9": no node has this id/);
      expect(ko.code).toBe(2);
      expect(ko.stdout).toBe('');
      expect(ko.stderr).toMatch(/--fail "esx9": 이 id의 노드가 없습니다\n$/);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/<stdin>/);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/analyze needs a FILE/);
    }
  );
});

describe('stackdraw validate reports the redundancy rules', () => {
  test('the capacity example: a warning naming Server 1, exit 0', SLOW, async ({ expect }) => {
    const r = await runCli(['validate', `${EX}/redundancy-ha-capacity.en.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning ha-no-failover-capacity \[Server 1\]: In cluster "Cluster"/);
    expect(r.stdout).toMatch(/note single-point-of-failure \[Server 1\]: .*"ERP" stops/);
  });
});

describe('stackdraw export --fail', () => {
  test(
    'draws the failure view: heading, failed tag, dimmed stack, ghosts on the other host',
    SLOW,
    async ({ expect }) => {
      const r = await runCli([
        'export',
        `${EX}/redundancy-ha-restart.en.json`,
        '--fail',
        'host1',
        '--text',
        'embed'
      ]);
      expect(r.code).toBe(0);
      const svg = r.stdout;
      expect(svg).toMatch(/>When "Hyper-V Server 1" fails</);
      expect(svg).toMatch(/>failed</);
      expect(svg).toMatch(/<g data-ghost="vm-web">/);
      expect(svg).toMatch(/>restarted \(HA\)</);
      expect((svg.match(/<g opacity="0\.35">/g) ?? []).length).toBe(4);
      // Without --fail: none of it.
      const plain = await runCli(['export', `${EX}/redundancy-ha-restart.en.json`]);
      expect(plain.stdout).not.toMatch(/data-ghost|opacity="0\.35"|fails</);
    }
  );

  test('an unknown --fail id exits 2 and writes nothing', SLOW, async ({ expect }) => {
    const r = await runCli(['export', `${EX}/redundancy-ha-restart.en.json`, '--fail', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--fail "nope"/);
  });
});
