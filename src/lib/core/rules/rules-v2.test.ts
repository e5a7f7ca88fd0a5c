/**
 * Rules v2: what learners really draw (products, containers, KVM-family hosts, firmware
 * hypervisors), messages that fit the situation in both languages, and EN/KO parity.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../i18n/lang';
import { nodeCaptions } from '../model/captions';
import { KIND_SPECS, KINDS } from '../model/kinds';
import type { DiagramDocument } from '../model/types';
import { doc } from '../testing';
import { CATALOGS, renderDiagnostic, renderFinding } from './messages/render';
import { RULE_IDS, RULES } from './rules';
import { CLASSIFICATION_NAMES, stackLine } from './summary';
import type { Finding, MessageKey, ParamsOf, RuleId } from './types';
import { validate } from './validate';
import { applyFix, isRefused } from '../commands/commands';

/**
 * The report without single-point-of-failure notes: every one-server stack with services
 * gets one (redundancy-rules.test.ts tests them); these tests are about the stack rules.
 */
const stackRules = (d: DiagramDocument) => {
  const r = validate(d);
  return { ...r, diagnostics: r.diagnostics.filter((x) => x.rule !== 'single-point-of-failure') };
};
const run = (d: DiagramDocument, lang: Lang = 'en') => {
  const r = stackRules(d);
  const nodes = new Map(d.nodes.map((n) => [n.id, n]));
  return {
    ...r,
    diagnostics: r.diagnostics.map((x) => ({ ...x, ...renderDiagnostic(x, nodes, lang) }))
  };
};
const rules = (d: DiagramDocument) => [...new Set(stackRules(d).diagnostics.map((x) => x.rule))];
const find = (d: DiagramDocument, rule: RuleId, lang: Lang = 'en') =>
  run(d, lang).diagnostics.find((x) => x.rule === rule)!;

describe('the kind spec', () => {
  it('gives every kind every entry, in both languages', () => {
    const prefixes = new Set<string>();
    for (const kind of KINDS) {
      const s = KIND_SPECS[kind];
      for (const text of [s.name, s.noun, s.caption, s.defaultLabel]) {
        expect(text.en.trim(), kind).not.toBe('');
        expect(text.ko.trim(), kind).not.toBe('');
      }
      expect(s.idPrefix, kind).toMatch(/^[a-z]+$/);
      prefixes.add(s.idPrefix);
      for (const theme of ['light', 'dark'] as const)
        for (const c of Object.values(s.colours[theme])) expect(c, kind).toMatch(/^#[0-9a-f]{6}$/);
      expect(s.icon.length, kind).toBeGreaterThan(10);
      for (const host of Object.keys(s.hosts)) expect(KINDS as readonly string[]).toContain(host);
    }
    expect(prefixes.size).toBe(KINDS.length);
  });
});

describe('containers', () => {
  const on = (hostKind: string, hostLabel: string) =>
    doc(
      hostKind === 'hardware'
        ? ['hw hardware Server', 'c container nginx']
        : ['hw hardware Server', `h ${hostKind} ${hostLabel}`, 'c container nginx'],
      hostKind === 'hardware' ? ['hw>c'] : ['hw>h', 'h>c']
    );
  it.each([
    ['os', 'Ubuntu'],
    ['hypervisor', 'Proxmox VE']
  ])('a container on an %s (%s) is allowed', (kind, label) => {
    expect(rules(on(kind, label))).not.toContain('invalid-host');
  });
  it.each([
    ['hardware', 'Server', 'invalid-host.container-needs-os'],
    ['firmware', 'UEFI', 'invalid-host.container-needs-os'],
    ['hypervisor', 'ESXi', 'invalid-host.container-needs-os'],
    ['service', 'Docker Engine', 'invalid-host.container-on-app']
  ])('a container on %s (%s) is invalid-host', (kind, label, key) => {
    const d = find(on(kind, label), 'invalid-host');
    expect(d.finding.key).toBe(key);
    expect(d.nodes).toEqual(['c']);
  });
  it('on ESXi: "containers run on an OS, for instance a VM\'s guest OS", with a fix', () => {
    const d = find(on('hypervisor', 'ESXi'), 'invalid-host');
    expect(d.hint).toMatch(/Containers run on an OS, for instance a VM's guest OS/);
    expect(d.fix).toEqual({ type: 'insert-guest-os', hv: 'h', node: 'c' });
    expect(find(on('hypervisor', 'ESXi'), 'invalid-host', 'ko').hint).toMatch(
      /컨테이너는 OS 위에서, 예를 들어 VM의 게스트 OS 위에서 실행됩니다/
    );
  });
  it('a service on a container is allowed; an OS in a container is not', () => {
    const d = doc(
      ['hw hardware S', 'u os Ubuntu', 'c container nginx', 'w service Web', 'o os Alpine'],
      ['hw>u', 'u>c', 'c>w', 'c>o']
    );
    const r = stackRules(d);
    expect(r.diagnostics.map((x) => [x.finding.key, x.nodes])).toEqual([
      ['invalid-host.os-on-container', ['o']]
    ]);
  });
  it('containers are not systems: classification, one-bare-metal-system, expectations', () => {
    const d = doc(
      ['hw hardware S', 'u os Ubuntu', 'c1 container nginx', 'c2 container redis', 'w service Web'],
      ['hw>u', 'u>c1', 'u>c2', 'c1>w'],
      { hw: { expect: 'dedicated' } }
    );
    const r = stackRules(d);
    expect(r.valid).toBe(true);
    expect(r.stacks[0]).toMatchObject({ classification: 'dedicated', expectationMet: true });
  });
});

describe('KVM-family hosts carry their own services and containers', () => {
  it.each(['KVM', 'Proxmox VE', 'Nutanix AHV', 'oVirt'])(
    'services and containers directly on %s are allowed, with no guest-OS fix',
    (label) => {
      const d = doc(
        [
          'hw hardware S',
          `k hypervisor ${label}`,
          'vm os Debian VM',
          's service libvirtd',
          'c container lxc-1'
        ],
        ['hw>k', 'k>vm', 'k>s', 'k>c']
      );
      const r = stackRules(d);
      expect(r.valid).toBe(true);
      expect(r.diagnostics).toEqual([]);
      expect(r.stacks[0].classification).toBe('type1');
    }
  );
  it('still refused on ESXi, with the vCenter hint for ESXi only', () => {
    const esxi = doc(['hw hardware S', 'e hypervisor ESXi', 's service vCenter'], ['hw>e', 'e>s']);
    const hyperv = doc(['hw hardware S', 'e hypervisor Hyper-V', 's service Web'], ['hw>e', 'e>s']);
    expect(find(esxi, 'invalid-host').finding.key).toBe('invalid-host.service-on-esxi');
    expect(find(esxi, 'invalid-host').hint).toMatch(/vCenter/);
    expect(find(esxi, 'invalid-host', 'ko').hint).toMatch(/vCenter/);
    expect(find(hyperv, 'invalid-host').finding.key).toBe('invalid-host.service-on-hypervisor');
    expect(find(hyperv, 'invalid-host').hint).not.toMatch(/vCenter/);
    expect(find(hyperv, 'invalid-host').fix).toEqual({
      type: 'insert-guest-os',
      hv: 'e',
      node: 's'
    });
  });
});

describe('firmware hypervisors', () => {
  const powervm = doc(
    ['p hardware IBM Power10', 'fw firmware PowerVM', 'a os AIX', 'i os IBM i', 'l os Linux'],
    ['p>fw', 'fw>a', 'fw>i', 'fw>l'],
    { p: { expect: 'type1' } }
  );
  it('PowerVM with three LPARs is a valid Type 1 stack that meets a Type 1 expectation', () => {
    const r = stackRules(powervm);
    expect(r.diagnostics).toEqual([]);
    expect(r.stacks[0]).toMatchObject({ classification: 'type1', expectationMet: true });
  });
  it('it can be idle', () => {
    const d = doc(['p hardware Z', 'fw firmware PR/SM'], ['p>fw']);
    expect(stackRules(d).diagnostics.map((x) => x.finding.key)).toEqual(['idle-hypervisor']);
  });
  it('an unmatched firmware with two OSes is still one-bare-metal-system', () => {
    const d = doc(
      ['p hardware S', 'fw firmware UEFI', 'a os A', 'b os B'],
      ['p>fw', 'fw>a', 'fw>b']
    );
    expect(rules(d)).toEqual(['one-bare-metal-system']);
  });
  it('is captioned as both, in both languages', () => {
    expect(nodeCaptions(powervm, 'en').get('fw')).toBe('FIRMWARE · HYPERVISOR');
    expect(nodeCaptions(powervm, 'ko').get('fw')).toBe('펌웨어 · 하이퍼바이저');
    expect(nodeCaptions(powervm, 'ko').get('a')).toBe('게스트 OS');
  });
});

describe('real products get verdicts a teacher would sign', () => {
  it.each([
    ['Proxmox VE', /Proxmox VE is built on KVM/],
    ['Nutanix AHV', /built on KVM/],
    ['Oracle VM Server', /Oracle VM Server is built on Xen\. Xen boots first/],
    ['OpenShift Virtualization', /built on KVM/],
    ['Firecracker', /built on KVM/]
  ])('%s on a Linux OS is type-mismatch with the KVM or Xen hint', (label, hint) => {
    const d = doc(
      ['hw hardware S', 'l os Debian Linux', `x hypervisor ${label}`, 'g os G'],
      ['hw>l', 'l>x', 'x>g']
    );
    const m = find(d, 'type-mismatch');
    expect(m.finding.key).toBe('type-mismatch.type1-on-os');
    expect(m.nodes).toEqual(['x']);
    expect(m.hint).toMatch(hint);
    expect(find(d, 'type-mismatch', 'ko').hint).toMatch(/기반입니다/);
  });
  it.each([
    ['VMware Player', 2],
    ['Virtual box', 2],
    ['Hyper V', 1],
    ['버추얼박스', 2]
  ])('%s is recognised (Type %d)', (label, type) => {
    const d = doc(['hw hardware S', `x hypervisor ${label}`, 'g os G'], ['hw>x', 'x>g']);
    const keys = stackRules(d).diagnostics.map((x) => x.finding.key);
    expect(keys).not.toContain('uncatalogued-hypervisor.on-bare');
    expect(keys.includes('type-mismatch.type2-on-bare')).toBe(type === 2);
  });
  it.each([
    ['Docker', 'container-engine', /Draw Docker as a service on the OS/],
    [
      'WSL2',
      'windows-feature',
      /hardware → Hyper-V → \[Windows \(root partition\), and the VM it runs/
    ],
    ['Windows Sandbox', 'windows-feature', /Windows itself runs on Hyper-V/],
    ['vCenter Server', 'management', /draw it as a service/]
  ])('%s drawn as a hypervisor is an error that says how to redraw', (label, category, hint) => {
    const d = doc(
      ['hw hardware PC', 'w os Windows 11', `x hypervisor ${label}`, 'u os Ubuntu'],
      ['hw>w', 'w>x', 'x>u']
    );
    const r = run(d);
    const e = r.diagnostics.find((x) => x.rule === 'not-a-hypervisor')!;
    expect(e).toMatchObject({ severity: 'error', nodes: ['x'] });
    expect(e.finding.key).toBe(`not-a-hypervisor.${category}`);
    expect(e.hint).toMatch(hint);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((x) => x.rule)).not.toContain('uncatalogued-hypervisor');
  });
  it('Docker drawn as a hypervisor on an OS: the fix redraws it as a service with containers', () => {
    const d = doc(
      ['hw hardware PC', 'w os Ubuntu', 'x hypervisor Docker', 'c os nginx'],
      ['hw>w', 'w>x', 'x>c']
    );
    expect(find(d, 'not-a-hypervisor').fix).toEqual({
      type: 'redraw-container-engine',
      node: 'x',
      host: 'w'
    });
  });
  it('an uncatalogued hypervisor is judged by its placement, and says so', () => {
    const d = doc(['hw hardware S', 'x hypervisor Acme HV', 'g os G'], ['hw>x', 'x>g']);
    const note = find(d, 'uncatalogued-hypervisor');
    expect(note).toMatchObject({ severity: 'info', nodes: ['x'] });
    expect(note.message).toMatch(/judged by where it is drawn: on the hardware, as a bare-metal/);
    expect(note.hint).toMatch(/set its hypervisor type to 1 or 2/);
    expect(find(d, 'uncatalogued-hypervisor', 'ko').hint).toMatch(/하이퍼바이저 유형을 1이나 2로/);
    // A type set by hand: no note.
    const typed = doc(['hw hardware S', 'x hypervisor Acme HV', 'g os G'], ['hw>x', 'x>g'], {
      x: { hypervisorType: 1 }
    });
    expect(rules(typed)).not.toContain('uncatalogued-hypervisor');
  });
});

describe('messages that fit the situation (EN and KO)', () => {
  it('a Type 1 hypervisor on an OS with a Type 1 expectation tells one story', () => {
    const d = doc(
      ['hw hardware PC', 'w os Windows 11', 'h hypervisor Hyper-V', 'g os VM'],
      ['hw>w', 'w>h', 'h>g'],
      { hw: { expect: 'type1' } }
    );
    const en = find(d, 'expectation-unmet');
    expect(en.nodes).toEqual(['hw', 'h']);
    expect(en.message).toMatch(/the Type 1 hypervisor "Hyper-V" is drawn on the OS "Windows 11"/);
    expect(en.message).not.toMatch(/Type 2 stack/);
    const ko = find(d, 'expectation-unmet', 'ko');
    expect(ko.message).toMatch(
      /Type 1 하이퍼바이저 "Hyper-V"가 하드웨어 바로 위가 아니라 운영체제 "Windows 11" 위에/
    );
    expect(ko.message).not.toMatch(/기대했지만|Type 2 스택/);
  });
  it('a Type 1 hypervisor in a guest OS: draw it directly on the outer hypervisor, named', () => {
    const d = doc(
      [
        'hw hardware PC',
        'w os Windows',
        'ws hypervisor VMware Workstation',
        'vm os Linux VM',
        'e hypervisor ESXi',
        'g os G'
      ],
      ['hw>w', 'w>ws', 'ws>vm', 'vm>e', 'e>g']
    );
    const m = find(d, 'type-mismatch');
    expect(m.finding.key).toBe('type-mismatch.type1-on-guest-os');
    expect(m.hint).toMatch(/directly on the outer hypervisor "VMware Workstation"/);
    expect(m.hint).not.toMatch(/on the hardware/);
    expect(find(d, 'type-mismatch', 'ko').hint).toMatch(
      /바깥 하이퍼바이저 "VMware Workstation" 위에 바로/
    );
  });
  it('VirtualBox on Windows under Hyper-V: no contradiction, the Windows Hypervisor Platform', () => {
    const d = doc(
      [
        'hw hardware PC',
        'h hypervisor Hyper-V',
        'w os Windows 11',
        'v hypervisor VirtualBox',
        'g os Ubuntu'
      ],
      ['hw>h', 'h>w', 'w>v', 'v>g']
    );
    const n = find(d, 'nested');
    expect(n.finding.key).toBe('nested.in-root-partition');
    expect(n.message).not.toMatch(/works only when/);
    expect(n.hint).toMatch(
      /Windows Hypervisor Platform, that is on Hyper-V itself, so no nested virtualization support is needed/
    );
    expect(find(d, 'nested', 'ko').hint).toMatch(
      /Windows 하이퍼바이저 플랫폼.*중첩 가상화 지원이 필요 없습니다/
    );
  });
  it('firmware between an OS and a service, no hypervisor: firmware sits under the OS', () => {
    const d = doc(
      ['hw hardware PC', 'o os Windows', 'f firmware BIOS', 's service Web'],
      ['hw>o', 'o>f', 'f>s']
    );
    const m = run(d).diagnostics.find((x) => x.finding.key === 'invalid-host.firmware-above-os')!;
    expect(m.hint).toBe('Draw the layers in order: hardware → BIOS/UEFI → OS → service.');
    expect(m.hint).not.toMatch(/virtual BIOS/);
  });
  it('firmware under hardware: the hardware is the bottom; its firmware is stored on it', () => {
    const d = doc(['f firmware UEFI', 'hw hardware PC'], ['f>hw']);
    const m = find(d, 'hardware-on-host');
    expect(m.finding.key).toBe('hardware-on-host.on-firmware');
    expect(m.message).toMatch(/The hardware is the bottom; its firmware is stored on it/);
    expect(find(d, 'hardware-on-host', 'ko').message).toMatch(/하드웨어가 맨 아래/);
  });
  it('a guest OS on two hypervisors separates HA restart from FT lockstep', () => {
    const d = doc(
      ['a hardware A', 'b hardware B', 'x hypervisor ESXi', 'y hypervisor ESXi', 'vm os Web VM'],
      ['a>x', 'b>y', 'x>vm', 'y>vm']
    );
    const en = find(d, 'multiple-hosts');
    expect(en.hint).toMatch(/HA restart: draw the VM once, where it runs now/);
    expect(en.hint).toMatch(/FT \(lockstep\): draw a primary and a secondary copy/);
    const ko = find(d, 'multiple-hosts', 'ko');
    expect(ko.hint).toMatch(/이중화/);
    expect(ko.hint).toMatch(/고가용성\(HA\)/);
    expect(ko.hint).toMatch(/FT/);
  });
  it.each([
    'AWS EC2',
    'Azure VM',
    'Google Compute Engine',
    'Droplet',
    'Lightsail',
    'My VPS',
    'EC2 인스턴스'
  ])('hardware labelled %j is a cloud instance (info)', (label) => {
    const d = doc([`hw hardware ${label}`, 'u os Ubuntu'], ['hw>u']);
    const note = find(d, 'cloud-instance');
    expect(note).toMatchObject({ severity: 'info', nodes: ['hw'] });
    expect(note.message).toMatch(/itself a VM on the provider's hypervisor/);
    expect(note.hint).toMatch(/AWS/);
    expect(stackRules(d).valid).toBe(true);
  });
  it('dedicated is "Dedicated (no hypervisor)" / "전용 (하이퍼바이저 없음)"', () => {
    const d = doc(['hw hardware Laptop', 'o os Windows 11'], ['hw>o']);
    const r = stackRules(d);
    const nodes = new Map(d.nodes.map((n) => [n.id, n]));
    expect(r.stacks[0].classification).toBe('dedicated');
    expect(stackLine(r.stacks[0], nodes, 'en')).toBe('Laptop: Dedicated (no hypervisor), valid');
    expect(CLASSIFICATION_NAMES.ko.dedicated).toBe('전용 (하이퍼바이저 없음)');
  });
  it('Korean hints exist for the Hyper-V nesting, vCenter, container engines, plugged-in disks', () => {
    const cases: DiagramDocument[] = [
      doc(
        [
          'hw hardware PC',
          'h hypervisor Hyper-V',
          'w os Windows 11',
          'v hypervisor VirtualBox',
          'g os G'
        ],
        ['hw>h', 'h>w', 'w>v', 'v>g']
      ),
      doc(['hw hardware S', 'e hypervisor ESXi', 's service vCenter'], ['hw>e', 'e>s']),
      doc(
        ['hw hardware S', 'u os Ubuntu', 'd hypervisor Docker', 'c os c1'],
        ['hw>u', 'u>d', 'd>c']
      ),
      doc(
        ['hw hardware S', 'e hypervisor ESXi', 'x hardware Virtual disk', 'g os G'],
        ['hw>e', 'e>x', 'x>g']
      )
    ];
    const expected = [/Windows 하이퍼바이저 플랫폼/, /vCenter/, /컨테이너/, /꽂아 쓰는 디스크/];
    cases.forEach((d, i) => {
      const hints = run(d, 'ko')
        .diagnostics.map((x) => x.hint ?? '')
        .join('\n');
      expect(hints, String(i)).toMatch(expected[i]);
    });
  });
});

/** One example of every message key's parameters (a new key without one fails to compile). */
const SAMPLES: { [K in MessageKey]: ParamsOf<K> } = {
  'multiple-hosts.guest-os': { node: 'g', hosts: ['h', 'h2'] },
  'multiple-hosts.other': { node: 's', hosts: ['g', 'w'] },
  cycle: { members: ['g', 'w'], path: ['g', 'w'] },
  'hardware-on-host.virtual': { hw: 'x', host: 'h' },
  'hardware-on-host.device': { hw: 'x', host: 'hw' },
  'hardware-on-host.on-firmware': { hw: 'hw', host: 'f' },
  'unplaced.alone': { node: 's', above: [] },
  'unplaced.with-above': { node: 'g', above: ['s'] },
  'invalid-host.service-on-hypervisor': { node: 's', host: 'h' },
  'invalid-host.service-on-esxi': { node: 's', host: 'h' },
  'invalid-host.service-on-bare': { node: 's', host: 'hw' },
  'invalid-host.service-on-service': { node: 's', host: 's2' },
  'invalid-host.container-needs-os': { node: 'c', host: 'h' },
  'invalid-host.container-on-app': { node: 'c', host: 's' },
  'invalid-host.os-on-os': { node: 'g', host: 'w' },
  'invalid-host.os-on-hypervisor-product': { node: 'g', host: 'w', product: 'VMware ESXi' },
  'invalid-host.os-on-container': { node: 'g', host: 'c' },
  'invalid-host.system-on-app': { node: 'g', host: 's' },
  'invalid-host.type2-on-hypervisor': { node: 'h2', host: 'h' },
  'invalid-host.firmware-on-virtual': { node: 'f', host: 'h' },
  'invalid-host.firmware-above-os': { node: 'f', host: 'w' },
  'invalid-host.firmware-elsewhere': { node: 'f', host: 's' },
  'invalid-host.on-misplaced-firmware': { node: 's', host: 'f', below: 'w' },
  'invalid-host.other': { node: 'g', host: 's' },
  'one-bare-metal-system.oses': { hw: 'hw', systems: ['w', 'g'] },
  'one-bare-metal-system.hyperv-beside': { hw: 'hw', systems: ['h', 'w'] },
  'one-bare-metal-system.mixed': { hw: 'hw', systems: ['h', 'w'] },
  'type-mismatch.type1-on-os': {
    hv: 'h',
    host: 'w',
    declared: 1,
    from: 'catalog',
    product: 'Proxmox VE',
    family: 'kvm'
  },
  'type-mismatch.type1-on-guest-os': {
    hv: 'h',
    host: 'g',
    declared: 1,
    from: 'field',
    outer: 'h2'
  },
  'type-mismatch.type2-on-bare': { hv: 'h2', host: 'hw', declared: 2, from: 'field' },
  'type-mismatch.type2-on-hypervisor': { hv: 'h2', host: 'h', declared: 2, from: 'catalog' },
  'expectation-unmet.nothing-installed': { root: 'hw', expect: 'type1' },
  'expectation-unmet.several-systems': { root: 'hw', expect: 'type2', systems: ['w', 'g'] },
  'expectation-unmet.hypervisor-under-type2': { root: 'hw', expect: 'type2', hv: 'h' },
  'expectation-unmet.hypervisor-in-dedicated': { root: 'hw', expect: 'dedicated', hv: 'h' },
  'expectation-unmet.no-hypervisor-type1': { root: 'hw', expect: 'type1', os: 'w' },
  'expectation-unmet.no-hypervisor-type2': { root: 'hw', expect: 'type2', os: 'w' },
  'expectation-unmet.type2-on-hardware': { root: 'hw', expect: 'type1', hv: 'h2' },
  'expectation-unmet.is-type2': { root: 'hw', expect: 'type1', hv: 'h2', os: 'w' },
  'expectation-unmet.type1-misplaced': { root: 'hw', expect: 'type1', hv: 'h', os: 'w' },
  'expectation-unmet.type1-on-host-os': { root: 'hw', expect: 'type2', hv: 'h', os: 'w' },
  'expectation-unmet.no-guest': { root: 'hw', expect: 'type1', hv: 'h' },
  'expectation-unmet.guest-hypervisor': { root: 'hw', expect: 'dedicated', hv: 'h' },
  'one-firmware': { hw: 'hw', firmwares: ['f', 'f2'] },
  'bypasses-firmware': { node: 'w', hw: 'hw', fw: 'f' },
  'idle-hypervisor': { hv: 'h' },
  'idle-hardware': { hw: 'hw' },
  'type-conflicts-catalog': { hv: 'h', declared: 2, product: 'Hyper-V', catalogType: 1 },
  'not-a-hypervisor.container-engine': { node: 'h', name: 'Docker', host: 'w' },
  'not-a-hypervisor.windows-feature': { node: 'h', name: 'WSL2' },
  'not-a-hypervisor.management': { node: 'h', name: 'vCenter' },
  'uncatalogued-hypervisor.on-bare': { hv: 'h' },
  'uncatalogued-hypervisor.on-os': { hv: 'h' },
  'uncatalogued-hypervisor.on-hypervisor': { hv: 'h' },
  'uncatalogued-hypervisor.unplaced': { hv: 'h' },
  'cloud-instance.provider': { hw: 'hw', hypervisor: 'Hyper-V' },
  'cloud-instance.generic': { hw: 'hw' },
  'nested.on-hypervisor': { hv: 'h2', host: 'h' },
  'nested.on-firmware-hypervisor': { hv: 'h', host: 'f' },
  'nested.in-guest': { hv: 'h2', host: 'g', outer: 'h' },
  'nested.in-root-partition': { hv: 'h2', host: 'w', outer: 'h' },
  'ft-same-host': { primary: 'g', replica: 'g2', hw: 'hw' },
  'ft-no-replica': { guest: 'g', target: 'h' },
  'ha-no-cluster.none': { guest: 'g', hw: 'hw' },
  'ha-no-cluster.alone': { guest: 'g', hw: 'hw', cluster: 'c1', clusterName: 'Prod' },
  'ha-no-cluster.ha-off': { guest: 'g', hw: 'hw', cluster: 'c1', clusterName: 'Prod' },
  'memory-overcommit': { hw: 'hw', used: 72.5, capacity: 64 },
  'ha-no-failover-capacity': { cluster: 'c1', clusterName: 'Prod', members: ['hw', 'hw2'] },
  'single-point-of-failure.dedicated': { hw: 'hw', services: ['s', 's2'] },
  'single-point-of-failure.host': { hw: 'hw', services: ['s'] },
  'single-point-of-failure.no-room': { hw: 'hw', services: ['s'] },
  'single-point-of-failure.same-host': { hw: 'hw', services: ['s'] }
};

describe('EN/KO parity', () => {
  const nodes = new Map(
    doc([
      'hw hardware 서버 1',
      'f firmware UEFI',
      'f2 firmware BMC',
      'h hypervisor Hyper-V',
      'h2 hypervisor VirtualBox',
      'w os Windows 11',
      'g os 우분투',
      'c container nginx',
      's service 웹 서버',
      's2 service Web',
      'x hardware Disk'
    ]).nodes.map((n) => [n.id, n])
  );
  const keys = Object.keys(SAMPLES) as MessageKey[];
  it('every message key renders in both languages, with a hint in both or in neither', () => {
    expect(new Set(keys)).toEqual(new Set(Object.keys(CATALOGS.en)));
    for (const key of keys) {
      const f = { key, rule: key.split('.')[0], ...SAMPLES[key] } as Finding;
      const en = renderFinding(f, nodes, 'en');
      const ko = renderFinding(f, nodes, 'ko');
      expect(en.message.length, key).toBeGreaterThan(15);
      expect(ko.message, key).toMatch(/[가-힣]/);
      expect(!!en.hint, key).toBe(!!ko.hint);
      if (ko.hint) expect(ko.hint, key).toMatch(/[가-힣]/);
      for (const text of [en.message, en.hint ?? '', ko.message, ko.hint ?? ''])
        expect(text, key).not.toMatch(/undefined|\[object|NaN|\{|\}/);
      // Korean uses the interface's words, the particle function, and no leftovers.
      const k = `${ko.message} ${ko.hint ?? ''}`;
      expect(k, key).not.toMatch(/hypervisorType|\bhypervisor\b|기대했지만|[12]\(으\)로/);
    }
  });
  it('every rule has a record and at least one message key', () => {
    for (const rule of RULE_IDS) {
      expect(RULES[rule].severity, rule).toMatch(/^(error|warning|info)$/);
      expect(
        keys.some((k) => k === rule || k.startsWith(`${rule}.`)),
        rule
      ).toBe(true);
    }
  });
});

describe('what a new user tried: one story per mistake, fixes that finish the job', () => {
  const fixed = (d: DiagramDocument, rule: RuleId) => {
    const fix = stackRules(d).diagnostics.find((x) => x.rule === rule)?.fix;
    expect(fix, rule).toBeDefined();
    const out = applyFix(d, { fix: fix! });
    if (isRefused(out)) throw new Error(out.error);
    return out.doc;
  };

  it('Docker drawn as a hypervisor: only its own error, and the fix leaves a valid drawing', () => {
    const d = doc(
      [
        'hw hardware PC',
        'u os Ubuntu',
        'dk hypervisor Docker',
        'web container nginx',
        'db os postgres'
      ],
      ['hw>u', 'u>dk', 'dk>web', 'dk>db']
    );
    expect(stackRules(d).diagnostics.map((x) => x.finding.key)).toEqual([
      'not-a-hypervisor.container-engine'
    ]);
    const after = fixed(d, 'not-a-hypervisor');
    const r = stackRules(after);
    expect(r.diagnostics).toEqual([]);
    expect(after.nodes.find((n) => n.id === 'dk')?.kind).toBe('service');
    expect(after.nodes.find((n) => n.id === 'db')?.kind).toBe('container');
    expect(
      after.edges
        .filter((e) => e.source === 'u')
        .map((e) => e.target)
        .sort()
    ).toEqual(['db', 'dk', 'web']);
  });

  it('a management tool drawn on ESXi is not called nested, idle or a host of misplaced things', () => {
    const d = doc(
      ['hw hardware S', 'e hypervisor ESXi', 'v hypervisor vCenter', 'g os Windows'],
      ['hw>e', 'e>v', 'e>g']
    );
    expect(stackRules(d).diagnostics.map((x) => x.finding.key)).toEqual([
      'not-a-hypervisor.management'
    ]);
    expect(stackRules(d).stacks[0].nested).toBe(false);
  });

  it('VirtualBox in the Hyper-V root partition: a second hypervisor layer that needs nothing turned on', () => {
    const d = doc(
      [
        'hw hardware PC',
        'h hypervisor Hyper-V',
        'w os Windows 11',
        'v hypervisor VirtualBox',
        'g os Ubuntu'
      ],
      ['hw>h', 'h>w', 'w>v', 'v>g']
    );
    // A stack is nested when a nested note names one of its nodes (issue 2's definition).
    expect(stackRules(d).stacks[0]).toMatchObject({ classification: 'type1', nested: true });
    const note = find(d, 'nested');
    expect(note.finding.key).toBe('nested.in-root-partition');
    expect(note.message).toMatch(/second hypervisor layer/);
    expect(note.hint).toMatch(/no nested virtualization support is needed/);
    expect(stackRules(d).valid).toBe(true);
  });

  it('z/VM on PR/SM: an LPAR, the normal production setup', () => {
    const d = doc(
      ['z hardware IBM z16', 'p firmware PR/SM', 'v hypervisor z/VM', 'g os Linux'],
      ['z>p', 'p>v', 'v>g']
    );
    const n = find(d, 'nested');
    expect(n.finding.key).toBe('nested.on-firmware-hypervisor');
    expect(n.hint).toMatch(/normal production setup/);
    expect(stackRules(d).valid).toBe(true);
  });

  it('a service on firmware drawn above an OS is told to go on the OS', () => {
    const d = doc(
      ['hw hardware PC', 'o os Windows 11', 'f firmware BIOS', 's service IIS'],
      ['hw>o', 'o>f', 'f>s']
    );
    const keys = stackRules(d).diagnostics.map((x) => x.finding.key);
    expect(keys).toEqual(['invalid-host.firmware-above-os', 'invalid-host.on-misplaced-firmware']);
    expect(run(d).diagnostics[1].hint).toMatch(/Connect "IIS" straight to "Windows 11"/);
  });

  it('a KVM-family host running only containers is not idle', () => {
    const d = doc(
      ['hw hardware S', 'p hypervisor Proxmox VE', 'c container lxc web'],
      ['hw>p', 'p>c']
    );
    expect(rules(d)).not.toContain('idle-hypervisor');
  });

  it("the textbook's abstract Hypervisor is judged by placement without a note", () => {
    for (const label of ['Hypervisor', '하이퍼바이저']) {
      const d = doc(['hw hardware S', `h hypervisor ${label}`, 'g os G'], ['hw>h', 'h>g']);
      expect(rules(d)).toEqual([]);
    }
  });

  it('a bare-metal cloud instance is not called a VM', () => {
    const d = doc(['hw hardware EC2 i3.metal', 'u os Ubuntu'], ['hw>u']);
    expect(rules(d)).toEqual([]);
  });

  it('a Type 2 hypervisor on a hypervisor, a Type 1 on a guest: errors that say it all, no nesting notes', () => {
    // VirtualBox cannot run on ESXi at all: no note may say how it could.
    const t2 = doc(
      ['hw hardware S', 'e hypervisor ESXi', 'v hypervisor VirtualBox', 'g os G'],
      ['hw>e', 'e>v', 'v>g']
    );
    expect(rules(t2)).not.toContain('nested');
    expect(stackRules(t2).stacks[0].nested).toBe(false);
    const t1 = doc(
      [
        'hw hardware PC',
        'w os Windows',
        'ws hypervisor VMware Workstation',
        'vm os ESXi VM',
        'e hypervisor ESXi',
        'g os G'
      ],
      ['hw>w', 'w>ws', 'ws>vm', 'vm>e', 'e>g']
    );
    // ESXi in a Workstation VM drawn with an OS too many: the type-mismatch's hint explains
    // the nesting (a note beside it told a second story, a new user found).
    expect(stackRules(t1).diagnostics.map((x) => x.finding.key)).toEqual([
      'type-mismatch.type1-on-guest-os'
    ]);
    expect(stackRules(t1).stacks[0].nested).toBe(false);
  });

  it('Hyper-V drawn on Windows: the fix puts Windows on Hyper-V', () => {
    const d = doc(
      ['hw hardware PC', 'w os Windows 11', 'h hypervisor Hyper-V', 'g os VM'],
      ['hw>w', 'w>h', 'h>g']
    );
    const after = fixed(d, 'type-mismatch');
    const r = stackRules(after);
    expect(r.valid).toBe(true);
    expect(r.stacks[0].classification).toBe('type1');
    expect(after.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
      'h>g',
      'h>w',
      'hw>h'
    ]);
  });

  it('KVM drawn on Ubuntu: the fix makes one node "Ubuntu + KVM" that keeps the OS\'s services', () => {
    const d = doc(
      [
        'hw hardware PC',
        'u os Ubuntu',
        'k hypervisor KVM',
        'g os Windows VM',
        's service libvirtd'
      ],
      ['hw>u', 'u>k', 'k>g', 'u>s']
    );
    const after = fixed(d, 'type-mismatch');
    const r = stackRules(after);
    expect(r.diagnostics).toEqual([]);
    expect(after.nodes.map((n) => n.id)).not.toContain('u');
    expect(after.nodes.find((n) => n.id === 'k')?.label).toBe('Ubuntu + KVM');
    expect(after.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([
      'hw>k',
      'k>g',
      'k>s'
    ]);
  });
});
