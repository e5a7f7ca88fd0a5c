import { describe, expect, it } from 'vitest';
import { doc } from '../testing';
import type { DiagramDocument } from '../model/types';
import type { Lang } from '../i18n/lang';
import { renderDiagnostic } from './messages/render';
import { RULE_IDS } from './rules';
import { validate } from './validate';
import type { RuleId, ValidateOptions } from './types';

/** The report, with each diagnostic's words rendered in `lang` (default English). */
const run = (d: DiagramDocument, o: ValidateOptions & { lang?: Lang } = {}) => {
  const r = validate(d, o);
  const nodes = new Map(d.nodes.map((n) => [n.id, n]));
  return {
    ...r,
    diagnostics: r.diagnostics.map((x) => ({ ...x, ...renderDiagnostic(x, nodes, o.lang ?? 'en') }))
  };
};
/** The diagnostics of one rule, as [rule, nodes] pairs. */
const fired = (d: DiagramDocument, rule: RuleId, o?: ValidateOptions) =>
  run(d, o)
    .diagnostics.filter((x) => x.rule === rule)
    .map((x) => x.nodes);
const rules = (d: DiagramDocument, o?: ValidateOptions) =>
  [...new Set(run(d, o).diagnostics.map((x) => x.rule))].sort();
const stack = (d: DiagramDocument, root = 'hw', o?: ValidateOptions) =>
  run(d, o).stacks.find((s) => s.root === root)!;

// The course notes' stacks, correct.
const TYPE1 = doc(
  ['hw hardware Dell R740', 'esxi hypervisor ESXi 8', 'win os Windows Server', 'web service Web'],
  ['hw>esxi', 'esxi>win', 'win>web']
);
const TYPE2 = doc(
  [
    'hw hardware Laptop',
    'w11 os Windows 11',
    'vbox hypervisor VirtualBox',
    'ubuntu os Ubuntu',
    'web service Web'
  ],
  ['hw>w11', 'w11>vbox', 'vbox>ubuntu', 'ubuntu>web']
);
const DEDICATED = doc(
  ['hw hardware Dell', 'fw firmware UEFI', 'os os Windows Server', 'web service Web'],
  ['hw>fw', 'fw>os', 'os>web']
);

describe('correct stacks', () => {
  it.each([
    ['Type 1', TYPE1, 'type1'],
    ['Type 2', TYPE2, 'type2'],
    ['dedicated', DEDICATED, 'dedicated']
  ])(
    '%s: valid, classified, only the note that one machine carries Web',
    (_name, d, classification) => {
      const r = run(d);
      expect(r.valid).toBe(true);
      // One server, no cluster, no FT copy: the service stops with it (notes 13.2.2).
      expect(r.diagnostics.map((x) => [x.rule, x.severity, x.nodes])).toEqual([
        ['single-point-of-failure', 'info', ['hw']]
      ]);
      expect(r.diagnostics[0].message).toMatch(/"Web" stops/);
      expect(r.stacks).toEqual([
        { root: 'hw', classification, nested: false, nodes: d.nodes.map((n) => n.id) }
      ]);
    }
  );

  it('an empty document is valid with no stacks', () => {
    expect(run(doc([]))).toEqual({ valid: true, stacks: [], diagnostics: [] });
  });
});

describe('multiple-hosts', () => {
  const d = doc(
    ['a hardware A', 'b hardware B', 'ha hypervisor ESXi', 'hb hypervisor ESXi', 'vm os VM'],
    ['a>ha', 'b>hb', 'ha>vm', 'hb>vm']
  );
  it('fires on a node with two hosts, naming it', () => {
    expect(fired(d, 'multiple-hosts')).toEqual([['vm']]);
    expect(run(d).diagnostics.find((x) => x.rule === 'multiple-hosts')!.message).toMatch(
      /"VM" is drawn on 2 hypervisors at once \("ESXi", "ESXi"\)/
    );
  });
  it('the node belongs to both stacks, and both are invalid', () => {
    const r = run(d);
    expect(r.stacks.map((s) => [s.root, s.classification, s.nodes])).toEqual([
      ['a', 'invalid', ['a', 'ha', 'vm']],
      ['b', 'invalid', ['b', 'hb', 'vm']]
    ]);
  });
  it('does not fire with one host', () => {
    expect(fired(TYPE1, 'multiple-hosts')).toEqual([]);
  });
});

describe('cycle', () => {
  it('names every node of the loop and shows the loop', () => {
    const d = doc(['hw hardware HW', 'a os A', 'b hypervisor B', 'c os C'], ['a>b', 'b>c', 'c>a']);
    const r = run(d);
    const cyc = r.diagnostics.filter((x) => x.rule === 'cycle');
    expect(cyc.map((x) => x.nodes)).toEqual([['a', 'b', 'c']]);
    expect(cyc[0].message).toMatch(/A → B → C → A/);
    expect(r.valid).toBe(false);
  });
  it('loop members are not reported as unplaced, but what hangs off a loop is not either', () => {
    const d = doc(['a os A', 'b hypervisor B', 'svc service S'], ['a>b', 'b>a', 'a>svc']);
    expect(fired(d, 'unplaced')).toEqual([]);
    expect(fired(d, 'cycle')).toEqual([['a', 'b']]);
  });
  it('a loop reachable from a root makes that stack invalid', () => {
    const d = doc(['hw hardware HW', 'a hypervisor A', 'b os B'], ['hw>a', 'a>b', 'b>a']);
    expect(stack(d).classification).toBe('invalid');
    expect(rules(d)).toContain('cycle');
  });
  it('does not fire on a tree', () => {
    expect(fired(TYPE2, 'cycle')).toEqual([]);
  });
});

describe('hardware-on-host', () => {
  it('fires on hardware drawn on top of something', () => {
    const d = doc(
      ['hw hardware Server', 'esxi hypervisor ESXi', 'vhw hardware Virtual hardware', 'g os Guest'],
      ['hw>esxi', 'esxi>vhw', 'vhw>g']
    );
    expect(fired(d, 'hardware-on-host')).toEqual([['vhw']]);
    expect(fired(d, 'invalid-host')).toEqual([]);
    // Not a root, so it has no stack of its own.
    expect(run(d).stacks.map((s) => s.root)).toEqual(['hw']);
  });
  it('does not fire on a root', () => {
    expect(fired(TYPE1, 'hardware-on-host')).toEqual([]);
  });
});

describe('unplaced', () => {
  it('names only the top of each broken chain: the node with no host', () => {
    const d = doc(
      [
        'hw hardware HW',
        'vbox hypervisor VirtualBox',
        'u os Ubuntu',
        'web service Web',
        'lone service Lone'
      ],
      ['vbox>u', 'u>web']
    );
    expect(fired(d, 'unplaced')).toEqual([['lone'], ['vbox']]);
    const msg = run(d).diagnostics.find((x) => x.nodes[0] === 'vbox')!.message;
    expect(msg).toMatch(
      /"VirtualBox" is not connected down to any hardware, and neither is what runs on it: "Ubuntu", "Web"\./
    );
  });
  it('does not fire for nodes that reach hardware', () => {
    expect(fired(TYPE2, 'unplaced')).toEqual([]);
  });
  it('a hostless hardware node is a root, not unplaced', () => {
    expect(fired(doc(['hw hardware HW']), 'unplaced')).toEqual([]);
  });
});

describe('invalid-host', () => {
  it.each([
    [
      'service on hypervisor',
      ['h hardware H', 'x hypervisor ESXi', 's service Web'],
      ['h>x', 'x>s'],
      's'
    ],
    ['service on hardware', ['h hardware H', 's service Web'], ['h>s'], 's'],
    [
      'service on firmware',
      ['h hardware H', 'f firmware UEFI', 's service Web'],
      ['h>f', 'f>s'],
      's'
    ],
    [
      'service on service',
      ['h hardware H', 'o os OS', 's service A', 't service B'],
      ['h>o', 'o>s', 's>t'],
      't'
    ],
    ['OS on OS', ['h hardware H', 'o os Windows', 'p os Ubuntu'], ['h>o', 'o>p'], 'p'],
    [
      'OS on service',
      ['h hardware H', 'o os Windows', 's service WSL', 'p os Ubuntu'],
      ['h>o', 'o>s', 's>p'],
      'p'
    ],
    [
      'hypervisor on service',
      ['h hardware H', 'o os W', 's service S', 'v hypervisor X'],
      ['h>o', 'o>s', 's>v'],
      'v'
    ],
    [
      'firmware on hypervisor',
      ['h hardware H', 'x hypervisor ESXi', 'f firmware vUEFI'],
      ['h>x', 'x>f'],
      'f'
    ],
    ['firmware on firmware', ['h hardware H', 'f firmware A', 'g firmware B'], ['h>f', 'f>g'], 'g'],
    [
      'Type 2 on a hypervisor',
      ['h hardware H', 'x hypervisor ESXi', 'w hypervisor VMware Workstation'],
      ['h>x', 'x>w'],
      'w'
    ]
  ])('%s names the node on top', (_what, nodes, edges, top) => {
    expect(fired(doc(nodes, edges), 'invalid-host')).toEqual([[top]]);
  });

  it.each([
    ['firmware on hardware', ['h hardware H', 'f firmware UEFI'], ['h>f']],
    ['hypervisor on hardware', ['h hardware H', 'x hypervisor ESXi'], ['h>x']],
    [
      'hypervisor on firmware',
      ['h hardware H', 'f firmware F', 'x hypervisor ESXi'],
      ['h>f', 'f>x']
    ],
    ['hypervisor on OS', ['h hardware H', 'o os W', 'x hypervisor VirtualBox'], ['h>o', 'o>x']],
    [
      'Type 1 on a hypervisor (nested)',
      ['h hardware H', 'x hypervisor ESXi', 'y hypervisor KVM'],
      ['h>x', 'x>y']
    ],
    [
      'uncatalogued on a hypervisor',
      ['h hardware H', 'x hypervisor ESXi', 'y hypervisor Proxmox'],
      ['h>x', 'x>y']
    ],
    ['OS on hardware', ['h hardware H', 'o os W'], ['h>o']],
    ['OS on firmware', ['h hardware H', 'f firmware F', 'o os W'], ['h>f', 'f>o']],
    ['OS on hypervisor', ['h hardware H', 'x hypervisor ESXi', 'o os W'], ['h>x', 'x>o']],
    ['service on OS', ['h hardware H', 'o os W', 's service S'], ['h>o', 'o>s']]
  ])('%s is allowed', (_what, nodes, edges) => {
    expect(fired(doc(nodes, edges), 'invalid-host')).toEqual([]);
  });

  it('a declared Type 2 on a hypervisor is invalid even when the catalog does not know it', () => {
    const d = doc(['h hardware H', 'x hypervisor ESXi', 'y hypervisor Lab'], ['h>x', 'x>y'], {
      y: { hypervisorType: 2 }
    });
    expect(fired(d, 'invalid-host')).toEqual([['y']]);
  });

  it('the service message explains and hints at a guest OS', () => {
    const d = doc(['h hardware H', 'x hypervisor ESXi 8', 's service Web server'], ['h>x', 'x>s']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'invalid-host')!;
    expect(diag.message).toBe(
      'The service "Web server" sits directly on the hypervisor "ESXi 8". A service needs an operating system under it.'
    );
    expect(diag.hint).toMatch(/hypervisor → guest OS → service/);
    expect(diag.fix).toEqual({ type: 'insert-guest-os', hv: 'x', node: 's' });
  });

  it('an OS drawn on ESXi-as-an-OS hints to change the kind', () => {
    const d = doc(['h hardware H', 'x os ESXi', 'w os Windows'], ['h>x', 'x>w']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'invalid-host')!;
    expect(diag.message).toMatch(/VMware ESXi is a hypervisor/);
    expect(diag.hint).toMatch(/^Change the kind of "ESXi" to hypervisor/);
    expect(diag.fix).toEqual({ type: 'set-kind', node: 'x', kind: 'hypervisor' });
  });
});

describe('one-bare-metal-system', () => {
  it('two OSes on one machine: names the hardware and each system', () => {
    const d = doc(['hw hardware Server', 'a os Windows', 'b os Ubuntu'], ['hw>a', 'hw>b']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'one-bare-metal-system')!;
    expect(diag.nodes).toEqual(['hw', 'a', 'b']);
    expect(diag.message).toMatch(/"Server" has 2 systems directly on it \("Windows", "Ubuntu"\)/);
    expect(diag.fix).toEqual({ type: 'insert-hypervisor', hw: 'hw', systems: ['a', 'b'] });
  });
  it('counts systems through the firmware too', () => {
    const d = doc(
      ['hw hardware S', 'fw firmware UEFI', 'a hypervisor Hyper-V', 'b os Windows'],
      ['hw>fw', 'fw>a', 'hw>b']
    );
    expect(fired(d, 'one-bare-metal-system')).toEqual([['hw', 'a', 'b']]);
    expect(run(d).diagnostics.find((x) => x.rule === 'one-bare-metal-system')!.hint).toMatch(
      /root \(parent\) partition, on top of Hyper-V/
    );
  });
  it('one system is fine; guests on a hypervisor are not competing', () => {
    expect(fired(TYPE1, 'one-bare-metal-system')).toEqual([]);
    expect(
      fired(
        doc(['hw hardware S', 'x hypervisor ESXi', 'a os A', 'b os B'], ['hw>x', 'x>a', 'x>b']),
        'one-bare-metal-system'
      )
    ).toEqual([]);
  });
});

describe('type-mismatch', () => {
  it('catalog Type 2 on hardware', () => {
    const d = doc(['hw hardware PC', 'v hypervisor VirtualBox', 'u os Ubuntu'], ['hw>v', 'v>u']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'type-mismatch')!;
    expect(diag.nodes).toEqual(['v']);
    expect(diag.message).toMatch(/"VirtualBox" is a hosted \(Type 2\) hypervisor/);
    expect(diag.hint).toMatch(/hardware → host OS → "VirtualBox" → guest OS/);
    expect(diag.fix).toEqual({ type: 'insert-host-os', hv: 'v', host: 'hw' });
  });
  it('catalog Type 2 on firmware', () => {
    const d = doc(['hw hardware PC', 'f firmware BIOS', 'v hypervisor Parallels'], ['hw>f', 'f>v']);
    expect(fired(d, 'type-mismatch')).toEqual([['v']]);
  });
  it('declared Type 2 on a hypervisor', () => {
    const d = doc(
      ['hw hardware PC', 'x hypervisor ESXi', 'w hypervisor VMware Workstation'],
      ['hw>x', 'x>w']
    );
    expect(fired(d, 'type-mismatch')).toEqual([['w']]);
  });
  it.each([
    ['Hyper-V', /root \(parent\) partition/],
    ['KVM', /the host's Linux and KVM as one hypervisor node/],
    ['Xen', /dom0/],
    ['ESXi', /bare server/]
  ])('catalog Type 1 (%s) on an OS, with a product hint', (label, hint) => {
    const d = doc(['hw hardware PC', 'o os Host OS', `x hypervisor ${label}`], ['hw>o', 'o>x']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'type-mismatch')!;
    expect(diag.nodes).toEqual(['x']);
    expect(diag.message).toMatch(
      /bare-metal \(Type 1\) hypervisor, but it is drawn on top of the OS "Host OS"/
    );
    expect(diag.hint).toMatch(hint);
  });
  it('a type set by the learner is said to be theirs', () => {
    const d = doc(['hw hardware PC', 'o os W', 'x hypervisor Lab HV'], ['hw>o', 'o>x'], {
      x: { hypervisorType: 1 }
    });
    expect(run(d).diagnostics.find((x) => x.rule === 'type-mismatch')!.message).toMatch(
      /You set its hypervisor type to 1\./
    );
  });
  it('the field wins over the catalog', () => {
    const d = doc(['hw hardware PC', 'v hypervisor VirtualBox', 'u os U'], ['hw>v', 'v>u'], {
      v: { hypervisorType: 1 }
    });
    expect(fired(d, 'type-mismatch')).toEqual([]);
    expect(fired(d, 'type-conflicts-catalog')).toEqual([['v']]);
  });
  it('with no declared type, placement decides: no mismatch anywhere', () => {
    const onHw = doc(['hw hardware PC', 'p hypervisor Acme HV', 'u os U'], ['hw>p', 'p>u']);
    const onOs = doc(
      ['hw hardware PC', 'd os Debian', 'p hypervisor Acme HV', 'u os U'],
      ['hw>d', 'd>p', 'p>u']
    );
    expect(fired(onHw, 'type-mismatch')).toEqual([]);
    expect(fired(onOs, 'type-mismatch')).toEqual([]);
    expect(stack(onHw).classification).toBe('type1');
    expect(stack(onOs).classification).toBe('type2');
  });
  it('does not fire on correct placements', () => {
    expect(fired(TYPE1, 'type-mismatch')).toEqual([]);
    expect(fired(TYPE2, 'type-mismatch')).toEqual([]);
  });
});

describe('one-firmware', () => {
  it('names the hardware and the firmwares', () => {
    const d = doc(
      ['hw hardware S', 'a firmware BIOS', 'b firmware UEFI', 'o os W'],
      ['hw>a', 'hw>b', 'b>o']
    );
    const r = run(d);
    expect(fired(d, 'one-firmware')).toEqual([['hw', 'a', 'b']]);
    expect(r.diagnostics.find((x) => x.rule === 'one-firmware')!.severity).toBe('warning');
    expect(r.valid).toBe(true);
  });
  it('one firmware is fine', () => {
    expect(fired(DEDICATED, 'one-firmware')).toEqual([]);
  });
});

describe('bypasses-firmware', () => {
  it('names the system that skips the firmware, with a fix', () => {
    const d = doc(['hw hardware S', 'f firmware UEFI', 'o os W'], ['hw>f', 'hw>o']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'bypasses-firmware')!;
    expect(diag.nodes).toEqual(['o']);
    expect(diag.severity).toBe('warning');
    expect(diag.fix).toEqual({ type: 'move-onto-firmware', node: 'o', hw: 'hw', fw: 'f' });
    expect(stack(d).classification).toBe('dedicated');
  });
  it('no firmware, nothing to bypass', () => {
    expect(fired(TYPE1, 'bypasses-firmware')).toEqual([]);
    expect(fired(DEDICATED, 'bypasses-firmware')).toEqual([]);
  });
});

describe('idle-hypervisor', () => {
  it('a hypervisor with no guest', () => {
    const d = doc(['hw hardware S', 'x hypervisor ESXi'], ['hw>x']);
    const diag = run(d).diagnostics.find((x) => x.rule === 'idle-hypervisor')!;
    expect(diag.nodes).toEqual(['x']);
    expect(diag.fix).toEqual({ type: 'add-guest-os', hv: 'x' });
    expect(run(d).valid).toBe(true);
    expect(stack(d).classification).toBe('type1');
  });
  it('a nested hypervisor counts as a guest; a service does not', () => {
    const nested = doc(
      ['hw hardware S', 'x hypervisor ESXi', 'y hypervisor KVM', 'g os G'],
      ['hw>x', 'x>y', 'y>g']
    );
    expect(fired(nested, 'idle-hypervisor')).toEqual([]);
    const svc = doc(['hw hardware S', 'x hypervisor ESXi', 's service Web'], ['hw>x', 'x>s']);
    expect(fired(svc, 'idle-hypervisor')).toEqual([['x']]);
  });
});

describe('idle-hardware', () => {
  it('a root with nothing on it, or only firmware', () => {
    expect(fired(doc(['hw hardware S']), 'idle-hardware')).toEqual([['hw']]);
    expect(fired(doc(['hw hardware S', 'f firmware F'], ['hw>f']), 'idle-hardware')).toEqual([
      ['hw']
    ]);
    expect(stack(doc(['hw hardware S'])).classification).toBe('incomplete');
  });
  it('a root with a system is not idle', () => {
    expect(fired(DEDICATED, 'idle-hardware')).toEqual([]);
  });
});

describe('type-conflicts-catalog', () => {
  it('fires when hypervisorType contradicts the catalog, and offers the catalog type', () => {
    const d = doc(
      ['hw hardware S', 'o os W', 'x hypervisor Hyper-V', 'g os G'],
      ['hw>o', 'o>x', 'x>g'],
      {
        x: { hypervisorType: 2 }
      }
    );
    const diag = run(d).diagnostics.find((x) => x.rule === 'type-conflicts-catalog')!;
    expect(diag.nodes).toEqual(['x']);
    expect(diag.message).toBe(
      'You marked "Hyper-V" as Type 2, but Hyper-V is normally a Type 1 hypervisor. The diagram is checked as Type 2.'
    );
    expect(diag.fix).toEqual({ type: 'reset-hypervisor-type', hv: 'x', to: 1 });
    expect(stack(d).classification).toBe('type2');
  });
  it('agreeing or uncatalogued: no warning', () => {
    const agree = doc(['hw hardware S', 'x hypervisor ESXi', 'g os G'], ['hw>x', 'x>g'], {
      x: { hypervisorType: 1 }
    });
    const unknown = doc(['hw hardware S', 'x hypervisor Lab', 'g os G'], ['hw>x', 'x>g'], {
      x: { hypervisorType: 2 }
    });
    expect(fired(agree, 'type-conflicts-catalog')).toEqual([]);
    expect(fired(unknown, 'type-conflicts-catalog')).toEqual([]);
  });
});

describe('nested', () => {
  it('a hypervisor on a guest OS: info, stack stays valid and reports nested', () => {
    const d = doc(
      [
        'hw hardware S',
        'x hypervisor ESXi',
        'w os Windows 11',
        'ws hypervisor VMware Workstation',
        'u os Ubuntu'
      ],
      ['hw>x', 'x>w', 'w>ws', 'ws>u']
    );
    const r = run(d);
    expect(fired(d, 'nested')).toEqual([['ws']]);
    expect(r.diagnostics.find((x) => x.rule === 'nested')!.severity).toBe('info');
    expect(r.valid).toBe(true);
    expect(r.stacks[0]).toMatchObject({ classification: 'type1', nested: true });
  });
  it('a hypervisor directly on a hypervisor', () => {
    const d = doc(
      ['hw hardware S', 'x hypervisor ESXi', 'y hypervisor ESXi (nested)', 'g os G'],
      ['hw>x', 'x>y', 'y>g']
    );
    expect(fired(d, 'nested')).toEqual([['y']]);
    expect(stack(d)).toMatchObject({ classification: 'type1', nested: true });
  });
  it('a Type 2 on a host OS is not nested', () => {
    expect(fired(TYPE2, 'nested')).toEqual([]);
    expect(stack(TYPE2).nested).toBe(false);
  });
  it('an invalid stack still reports nested', () => {
    const d = doc(
      ['hw hardware S', 'x hypervisor ESXi', 'y hypervisor KVM', 'g os G', 's service Web'],
      ['hw>x', 'x>y', 'y>g', 'x>s']
    );
    expect(stack(d)).toMatchObject({ classification: 'invalid', nested: true });
  });
  it('the Hyper-V parent-partition case gets its hint', () => {
    const d = doc(
      [
        'hw hardware S',
        'x hypervisor Hyper-V',
        'w os Windows 11 (parent partition)',
        'v hypervisor VirtualBox',
        'g os G'
      ],
      ['hw>x', 'x>w', 'w>v', 'v>g']
    );
    expect(run(d).diagnostics.find((x) => x.rule === 'nested')!.hint).toMatch(
      /through the Windows Hypervisor Platform, that is on Hyper-V itself, so no nested/
    );
  });
});

describe('classification order', () => {
  it('invalid wins over everything, even with a hypervisor on the hardware', () => {
    const d = doc(['hw hardware S', 'x hypervisor ESXi', 's service Web'], ['hw>x', 'x>s']);
    expect(stack(d).classification).toBe('invalid');
  });
  it('only errors make a stack invalid: warnings and infos do not', () => {
    const d = doc(
      ['hw hardware S', 'f firmware A', 'g firmware B', 'x hypervisor ESXi'],
      ['hw>f', 'hw>g', 'f>x']
    );
    expect(rules(d)).toEqual(['idle-hypervisor', 'one-firmware']);
    expect(stack(d).classification).toBe('type1');
  });
  it('incomplete before type1/type2/dedicated', () => {
    expect(stack(doc(['hw hardware S', 'f firmware F'], ['hw>f'])).classification).toBe(
      'incomplete'
    );
  });
  it('an OS with no hypervisor on it is dedicated, with one it is Type 2', () => {
    expect(stack(doc(['hw hardware S', 'o os W'], ['hw>o'])).classification).toBe('dedicated');
    expect(
      stack(doc(['hw hardware S', 'o os W', 'v hypervisor VirtualBox'], ['hw>o', 'o>v']))
        .classification
    ).toBe('type2');
  });
  it('the bare-metal system may sit on the firmware', () => {
    expect(
      stack(
        doc(['hw hardware S', 'f firmware F', 'x hypervisor KVM', 'g os G'], ['hw>f', 'f>x', 'x>g'])
      ).classification
    ).toBe('type1');
  });
  it('expectation-unmet does not make a stack invalid', () => {
    const s = stack(TYPE1, 'hw', { expect: 'type2' });
    expect(s).toMatchObject({ classification: 'type1', expect: 'type2', expectationMet: false });
  });
  it('nodes in no stack make the document invalid but change no classification', () => {
    const d = doc(
      [...TYPE1.nodes.map((n) => `${n.id} ${n.kind} ${n.label}`), 'lost service Lost'],
      ['hw>esxi', 'esxi>win', 'win>web']
    );
    const r = run(d);
    expect(r.valid).toBe(false);
    expect(r.stacks[0].classification).toBe('type1');
  });
  it('each stack is classified on its own', () => {
    const d = doc(
      ['a hardware A', 'ao os W', 'b hardware B', 'bx hypervisor VirtualBox', 'bg os G'],
      ['a>ao', 'b>bx', 'bx>bg']
    );
    expect(run(d).stacks.map((s) => [s.root, s.classification])).toEqual([
      ['a', 'dedicated'],
      ['b', 'invalid']
    ]);
  });
});

describe('expectations', () => {
  const expectOf = (d: DiagramDocument, e: 'type1' | 'type2' | 'dedicated') => {
    const r = run(d, { expect: e });
    const diag = r.diagnostics.find((x) => x.rule === 'expectation-unmet');
    return { met: r.stacks[0].expectationMet, nodes: diag?.nodes, message: diag?.message };
  };

  it.each([
    ['type1', TYPE1],
    ['type2', TYPE2],
    ['dedicated', DEDICATED]
  ] as const)('a correct %s stack meets its expectation', (e, d) => {
    expect(expectOf(d, e)).toEqual({ met: true, nodes: undefined, message: undefined });
    expect(run(d, { expect: e }).valid).toBe(true);
  });

  it('no expectation: no fields in the stack report', () => {
    expect(stack(TYPE1)).not.toHaveProperty('expect');
    expect(stack(TYPE1)).not.toHaveProperty('expectationMet');
  });

  it("the root's expect field wins over the option", () => {
    const d = doc(
      TYPE2.nodes.map((n) => `${n.id} ${n.kind} ${n.label}`),
      ['hw>w11', 'w11>vbox', 'vbox>ubuntu', 'ubuntu>web'],
      {
        hw: { expect: 'type2' }
      }
    );
    expect(stack(d, 'hw', { expect: 'type1' })).toMatchObject({
      expect: 'type2',
      expectationMet: true
    });
  });

  it("Type 2 asked, ESXi on the hardware (the issue's example)", () => {
    const d = doc(
      ['hw hardware Dell R740', 'esxi hypervisor ESXi', 'g os G'],
      ['hw>esxi', 'esxi>g']
    );
    const x = expectOf(d, 'type2');
    expect(x.met).toBe(false);
    expect(x.nodes).toEqual(['hw', 'esxi']);
    expect(x.message).toBe(
      'You asked for a Type 2 stack on "Dell R740", but "ESXi" sits directly on the hardware. A Type 2 hypervisor needs a host OS underneath.'
    );
    // An unmet expectation is an error of the document.
    expect(run(d, { expect: 'type2' }).valid).toBe(false);
  });

  it('Type 1 asked on a Type 2 stack', () => {
    const x = expectOf(TYPE2, 'type1');
    expect(x.nodes).toEqual(['hw', 'vbox']);
    expect(x.message).toMatch(
      /this is a Type 2 stack: "VirtualBox" runs on the host OS "Windows 11"/
    );
  });

  it('Type 1 asked on a dedicated server: no hypervisor', () => {
    const x = expectOf(DEDICATED, 'type1');
    expect(x.nodes).toEqual(['hw', 'os']);
    expect(x.message).toMatch(/there is no hypervisor/);
  });

  it('Type 1 asked, hypervisor with no guest OS', () => {
    const x = expectOf(doc(['hw hardware S', 'x hypervisor ESXi'], ['hw>x']), 'type1');
    expect(x).toMatchObject({ met: false, nodes: ['hw', 'x'] });
    expect(x.message).toMatch(/"ESXi" has no guest OS/);
  });

  it('Type 1 asked, a Type 2 product on the hardware', () => {
    const x = expectOf(
      doc(['hw hardware S', 'x hypervisor VirtualBox', 'g os G'], ['hw>x', 'x>g']),
      'type1'
    );
    expect(x.nodes).toEqual(['hw', 'x']);
    expect(x.message).toMatch(/Type 2 hypervisor/);
  });

  it('Type 1 asked, nothing installed', () => {
    const x = expectOf(doc(['hw hardware S']), 'type1');
    expect(x.nodes).toEqual(['hw']);
    expect(x.message).toBe(
      'You asked for a Type 1 stack on "S", but nothing is installed on it yet.'
    );
  });

  it('Type 2 asked, the host OS runs no hypervisor', () => {
    const x = expectOf(DEDICATED, 'type2');
    expect(x.nodes).toEqual(['hw', 'os']);
    expect(x.message).toMatch(/"Windows Server" runs no hypervisor/);
  });

  it('Type 2 asked, Type 2 hypervisor without guest', () => {
    const x = expectOf(
      doc(['hw hardware S', 'o os W', 'v hypervisor VirtualBox'], ['hw>o', 'o>v']),
      'type2'
    );
    expect(x.nodes).toEqual(['hw', 'v']);
  });

  it('Type 2 asked, the hypervisor on the host OS is declared Type 1', () => {
    const x = expectOf(
      doc(['hw hardware S', 'o os W', 'v hypervisor Hyper-V', 'g os G'], ['hw>o', 'o>v', 'v>g']),
      'type2'
    );
    expect(x.nodes).toEqual(['hw', 'v']);
    expect(x.message).toMatch(/is a Type 1 hypervisor/);
  });

  it('Type 2 through the firmware is fine', () => {
    const d = doc(
      ['hw hardware S', 'f firmware F', 'o os W', 'v hypervisor VirtualBox', 'g os G'],
      ['hw>f', 'f>o', 'o>v', 'v>g']
    );
    expect(expectOf(d, 'type2').met).toBe(true);
  });

  it('dedicated asked on a Type 1 stack, and on a Type 2 stack', () => {
    expect(expectOf(TYPE1, 'dedicated')).toMatchObject({ met: false, nodes: ['hw', 'esxi'] });
    expect(expectOf(TYPE2, 'dedicated')).toMatchObject({ met: false, nodes: ['hw', 'vbox'] });
  });

  it('several systems side by side never meet an expectation', () => {
    const d = doc(['hw hardware S', 'a os A', 'b os B'], ['hw>a', 'hw>b']);
    expect(expectOf(d, 'dedicated')).toMatchObject({ met: false, nodes: ['hw'] });
  });

  it('is checked per stack, each with its own expect', () => {
    const d = doc(
      ['a hardware A', 'ax hypervisor ESXi', 'ag os G', 'b hardware B', 'bo os W'],
      ['a>ax', 'ax>ag', 'b>bo'],
      { a: { expect: 'type1' }, b: { expect: 'type1' } }
    );
    expect(run(d).stacks.map((s) => [s.root, s.expectationMet])).toEqual([
      ['a', true],
      ['b', false]
    ]);
  });
});

describe('report', () => {
  it('errors come before warnings and infos', () => {
    const d = doc(
      [
        'hw hardware S',
        'x hypervisor ESXi',
        'w os W',
        'ws hypervisor VMware Workstation',
        'u os U',
        'i hypervisor Idle',
        's service Web'
      ],
      ['hw>x', 'x>w', 'w>ws', 'ws>u', 'x>i', 'x>s']
    );
    // The error, the idle hypervisor, then notes: nested, and "Idle" is not in the catalog.
    expect(run(d).diagnostics.map((x) => [x.severity, x.rule])).toEqual([
      ['error', 'invalid-host'],
      ['warning', 'idle-hypervisor'],
      ['info', 'nested'],
      ['info', 'nested'],
      ['info', 'uncatalogued-hypervisor'],
      ['info', 'single-point-of-failure']
    ]);
  });

  it('messages in Korean with --lang ko', () => {
    const d = doc(['hw hardware PC', 'v hypervisor VirtualBox', 'u os 우분투'], ['hw>v', 'v>u']);
    const diag = run(d, { lang: 'ko' }).diagnostics[0];
    expect(diag.message).toMatch(/호스트형\(호스티드, Type 2\) 하이퍼바이저/);
    expect(diag.hint).toMatch(/호스트 OS를 넣으세요/);
  });

  it('every rule has a message in both languages', () => {
    // A document that breaks every rule at least once.
    const d = doc(
      [
        'a hardware A',
        'f1 firmware F1',
        'f2 firmware F2',
        'o1 os O1',
        'o2 os O2',
        'x hypervisor VirtualBox',
        'y hypervisor Idle',
        'z hypervisor KVM',
        'g os G',
        'n hypervisor ESXi',
        'k hypervisor Hyper-V',
        'b hardware B',
        'c hardware C',
        'vh hardware VH',
        'l1 os L1',
        'l2 os L2',
        'u service U',
        'm hardware M',
        'mo os MO',
        'mx hypervisor Workstation Player',
        'mg os MG',
        'lone service Lone',
        'dk hypervisor Docker',
        'ec2 hardware AWS EC2',
        'p1 hardware P1',
        'p2 hardware P2',
        'ph1 hypervisor ESXi',
        'ph2 hypervisor ESXi',
        'pv1 os PV1',
        'pv1b os PV1 copy',
        'pv2 os PV2',
        'pv3 os PV3',
        'pv4 os PV4'
      ],
      [
        'a>f1',
        'a>f2',
        'f1>o1',
        'a>o2',
        'o1>z',
        'f2>x',
        'x>g',
        'g>n',
        'n>y',
        'o1>k',
        'k>mg',
        'b>vh',
        'l1>l2',
        'l2>l1',
        'm>mo',
        'mo>mx',
        'mx>mg',
        'o2>u',
        'mo>dk',
        'p1>ph1',
        'p2>ph2',
        'ph1>pv1',
        'ph1>pv1b',
        'ph1>pv2',
        'ph1>pv3',
        'ph2>pv4'
      ],
      {
        k: { hypervisorType: 2 },
        a: { expect: 'type2' },
        g: { protection: 'ha' },
        p1: { memoryGiB: 16 },
        p2: { memoryGiB: 16 },
        pv1: { protection: 'ft', memoryGiB: 8 },
        pv1b: { replicaOf: 'pv1', memoryGiB: 8 },
        pv2: { protection: 'ft', memoryGiB: 4 },
        pv3: { protection: 'ha', memoryGiB: 12 },
        pv4: { memoryGiB: 10 }
      }
    );
    d.clusters = [{ id: 'cl', label: 'P', members: ['p1', 'p2'], ha: true }];
    for (const lang of ['en', 'ko'] as const) {
      const r = run(d, { lang });
      const seen = new Set(r.diagnostics.map((x) => x.rule));
      expect([...seen].sort()).toEqual([...RULE_IDS].sort());
      for (const x of r.diagnostics) {
        expect(x.message.length).toBeGreaterThan(10);
        if (lang === 'ko') expect(x.message).toMatch(/[가-힣]/);
      }
    }
  });
});
