import type { DiagramDocument, DiagramEdge, DiagramNode } from '../../src/lib/core/index';

/**
 * Seeded consolidation documents for the bench: M machines, each with a Type 1 hypervisor
 * running G guest OSes, each guest running S services. Labels are drawn from realistic
 * product names, a few of them Korean. The same (M, G, S, seed) always gives the same
 * document, byte for byte, so every run of the bench measures the same input.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Shape {
  machines: number;
  guests: number;
  services: number;
}

/** Nodes per machine: the hardware, its hypervisor, and G × (guest OS + S services). */
export const nodesPerMachine = (s: Omit<Shape, 'machines'>) => 2 + s.guests * (1 + s.services);

/** The shape used throughout the bench: 4 guests with one service each, 10 nodes a machine. */
export const STANDARD = { guests: 4, services: 1 } as const;

/** The standard shape with `nodes` nodes in all (a multiple of 10). */
export function standardShape(nodes: number): Shape {
  const per = nodesPerMachine(STANDARD);
  if (nodes % per !== 0) throw new Error(`${nodes} nodes is not a multiple of ${per}`);
  return { machines: nodes / per, ...STANDARD };
}

const HARDWARE = [
  'Dell PowerEdge R750',
  'Dell PowerEdge R740xd',
  'HPE ProLiant DL380 Gen10',
  'HPE ProLiant DL360 Gen11',
  'Lenovo ThinkSystem SR650 V2',
  'Supermicro SuperServer 1029P',
  'Cisco UCS C240 M6'
];
const HARDWARE_KO = ['서버', '랙 서버', '통합 서버'];

const HYPERVISORS: { label: string; product: string }[] = [
  { label: 'ESXi 8.0 U2', product: 'VMware ESXi' },
  { label: 'VMware vSphere ESXi 7', product: 'VMware ESXi' },
  { label: 'Hyper-V Server 2019', product: 'Microsoft Hyper-V' },
  { label: 'XCP-ng 8.2', product: 'Xen' },
  { label: 'KVM (Proxmox VE 8)', product: 'KVM' }
];

const OSES = [
  'Windows Server 2022 Datacenter',
  'Windows Server 2019 Standard',
  'Ubuntu Server 22.04 LTS',
  'Red Hat Enterprise Linux 9.3',
  'Debian 12 (bookworm)',
  'Rocky Linux 9',
  'SUSE Linux Enterprise 15 SP5'
];
const OSES_KO = ['윈도우 서버 2022', '우분투 서버 22.04', '레드햇 리눅스 9'];

const SERVICES = [
  'Web server (nginx)',
  'Apache httpd',
  'Email server (Exchange)',
  'SQL Server 2022',
  'PostgreSQL 16',
  'Active Directory',
  'File server (SMB)',
  'DHCP server',
  'RADIUS server',
  'DNS (BIND 9)',
  'Network management',
  'Jenkins CI'
];
const SERVICES_KO = [
  '웹 서버',
  '이메일 서버',
  '파일 서버',
  '데이터베이스 서버',
  '인사 관리 시스템'
];

/** About one label in ten is Korean. */
const KOREAN_SHARE = 0.1;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function consolidation(shape: Shape, seed = 1): DiagramDocument {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const korean = () => random() < KOREAN_SHARE;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const width = String(shape.machines).length;
  const run = (host: string, guest: string) =>
    edges.push({ id: `e-${guest}`, source: host, target: guest });

  for (let m = 1; m <= shape.machines; m++) {
    const hw = `m${pad(m, width)}`;
    nodes.push({
      id: hw,
      kind: 'hardware',
      label: korean() ? `${pick(HARDWARE_KO)} ${m}` : `${pick(HARDWARE)} #${m}`,
      expect: 'type1'
    });
    const hv = `${hw}-hv`;
    const product = pick(HYPERVISORS);
    nodes.push({ id: hv, kind: 'hypervisor', label: product.label, product: product.product });
    run(hw, hv);
    for (let g = 1; g <= shape.guests; g++) {
      const vm = `${hw}-vm${g}`;
      nodes.push({ id: vm, kind: 'os', label: korean() ? pick(OSES_KO) : pick(OSES) });
      run(hv, vm);
      for (let s = 1; s <= shape.services; s++) {
        const svc = `${vm}-s${s}`;
        nodes.push({
          id: svc,
          kind: 'service',
          label: korean() ? pick(SERVICES_KO) : pick(SERVICES)
        });
        run(vm, svc);
      }
    }
  }
  const total = nodes.length;
  return {
    version: 1,
    title: `Consolidation: ${shape.machines} machines × ${shape.guests} guests × ${shape.services} services (${total} nodes, seed ${seed})`,
    nodes,
    edges
  };
}

/** The standard consolidation document with `nodes` nodes. */
export const standardDocument = (nodes: number, seed = 1) =>
  consolidation(standardShape(nodes), seed);

/**
 * One machine whose hypervisor runs `guests` guest OSes (2 + guests nodes): the wide stack
 * of the layout issue. Guests are labelled from the same product names, seeded.
 */
export function wideStack(guests: number, seed = 1): DiagramDocument {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const nodes: DiagramNode[] = [
    { id: 'hw', kind: 'hardware', label: pick(HARDWARE), expect: 'type1' },
    { id: 'hv', kind: 'hypervisor', label: 'ESXi 8.0 U2', product: 'VMware ESXi' }
  ];
  const edges: DiagramEdge[] = [{ id: 'e-hv', source: 'hw', target: 'hv' }];
  const width = String(guests).length;
  for (let g = 1; g <= guests; g++) {
    const id = `vm${pad(g, width)}`;
    nodes.push({ id, kind: 'os', label: random() < KOREAN_SHARE ? pick(OSES_KO) : pick(OSES) });
    edges.push({ id: `e-${id}`, source: 'hv', target: id });
  }
  return {
    version: 1,
    title: `Wide stack: one hypervisor with ${guests} guests (seed ${seed})`,
    nodes,
    edges
  };
}

/**
 * The dense files of the layout issue: `nodes` nodes (the first a hardware node, the rest
 * OSes, all labelled "x"), each running on every node before it (`before`: n(n-1)/2
 * edges, as the issue's `node -e` one-liner makes them) or on every other node
 * (`every`: n(n-1) edges, every pair both ways). Compact JSON, as the files.
 */
export function allPairs(nodes: number, pairs: 'before' | 'every'): DiagramDocument {
  const n: DiagramNode[] = [];
  const e: DiagramEdge[] = [];
  for (let i = 0; i < nodes; i++) {
    n.push({ id: `n${i}`, kind: i ? 'os' : 'hardware', label: 'x' });
    const hosts = pairs === 'before' ? i : nodes;
    for (let j = 0; j < hosts; j++)
      if (j !== i) e.push({ id: `e${j}_${i}`, source: `n${j}`, target: `n${i}` });
  }
  return { version: 1, nodes: n, edges: e };
}
