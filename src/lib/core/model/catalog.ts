import type { DiagramNode, HypervisorType } from './types';

/**
 * The hypervisor catalog (course notes 13.2.6, widened to the products learners really
 * draw; rules issue v2, section 2): which products are bare-metal (Type 1) and which are
 * hosted (Type 2), which are KVM-family hosts, which live in firmware, and which names are
 * not hypervisors at all (container engines, Windows features, management tools).
 *
 * Matching (product and label alike): Unicode NFKC, case-insensitive, split into tokens at
 * anything that is not a letter or digit. A name matches when its tokens, joined, equal the
 * join of one or more consecutive tokens of the text: `Hyper V`, `HyperV` and `hyper-v` all
 * match `Hyper-V`; `ESXi8` and `VirtualBoxing` match nothing. `product` must match a whole
 * name; a `label` may contain it. When two matched names overlap in the text only the longer
 * counts (`Hyper-V Manager` is a management tool, `Docker Desktop` a Type 2 hypervisor).
 * QEMU together with a KVM-family name counts as KVM. Any other matches to two different
 * hypervisor entries mean no catalog type. `product` is tried first.
 */

/** Which product hint a hypervisor gets (type-mismatch, invalid-host …). */
export type HypervisorFamily =
  | 'esxi'
  | 'hyperv'
  | 'xen'
  | 'kvm'
  | 'powervm'
  | 'prsm'
  | 'zvm'
  | 'workstation'
  | 'virtualbox'
  | 'fusion'
  | 'parallels'
  | 'virtualpc'
  | 'qemu'
  | 'utm'
  | 'docker-desktop';

export interface HypervisorEntry {
  category: 'hypervisor';
  id: HypervisorFamily;
  /** The product's usual name, as messages show it. */
  name: string;
  aliases: readonly string[];
  type: HypervisorType;
  /** "Linux with KVM in its kernel": carries its own services and containers. */
  kvmFamily?: true;
  /** A Type 1 hypervisor embedded in firmware (IBM PowerVM, PR/SM). */
  firmware?: true;
}

export type NotHypervisorCategory = 'container-engine' | 'windows-feature' | 'management';

export interface NotHypervisorEntry {
  category: NotHypervisorCategory;
  id: string;
  name: string;
  aliases: readonly string[];
}

export type CatalogEntry = HypervisorEntry | NotHypervisorEntry;

export const HYPERVISOR_CATALOG: readonly HypervisorEntry[] = [
  {
    category: 'hypervisor',
    id: 'esxi',
    name: 'VMware ESXi',
    aliases: ['ESXi', 'vSphere', 'VMware vSphere Hypervisor', 'VMkernel'],
    type: 1
  },
  {
    category: 'hypervisor',
    id: 'hyperv',
    name: 'Microsoft Hyper-V',
    aliases: ['Hyper-V', '하이퍼브이'],
    type: 1
  },
  {
    category: 'hypervisor',
    id: 'xen',
    name: 'Xen',
    aliases: ['Citrix Hypervisor', 'XenServer', 'XCP-ng', 'Oracle VM Server'],
    type: 1
  },
  {
    category: 'hypervisor',
    id: 'kvm',
    name: 'KVM',
    aliases: [
      'Proxmox VE',
      'Proxmox',
      'Nutanix AHV',
      'AHV',
      'Red Hat Virtualization',
      'RHV',
      'oVirt',
      'OpenShift Virtualization',
      'KubeVirt',
      'Nitro Hypervisor',
      'AWS Nitro',
      'Firecracker'
    ],
    type: 1,
    kvmFamily: true
  },
  {
    category: 'hypervisor',
    id: 'powervm',
    name: 'IBM PowerVM',
    aliases: ['PowerVM', 'POWER Hypervisor', 'PHYP'],
    type: 1,
    firmware: true
  },
  {
    category: 'hypervisor',
    id: 'prsm',
    name: 'IBM PR/SM',
    aliases: ['PR/SM'],
    type: 1,
    firmware: true
  },
  { category: 'hypervisor', id: 'zvm', name: 'IBM z/VM', aliases: ['z/VM'], type: 1 },
  {
    category: 'hypervisor',
    id: 'workstation',
    name: 'VMware Workstation',
    aliases: ['Workstation Player', 'Workstation Pro', 'VMware Player'],
    type: 2
  },
  {
    category: 'hypervisor',
    id: 'virtualbox',
    name: 'Oracle VM VirtualBox',
    aliases: ['VirtualBox', '버추얼박스'],
    type: 2
  },
  { category: 'hypervisor', id: 'fusion', name: 'VMware Fusion', aliases: [], type: 2 },
  {
    category: 'hypervisor',
    id: 'parallels',
    name: 'Parallels Desktop',
    aliases: ['Parallels', '패러렐즈'],
    type: 2
  },
  {
    category: 'hypervisor',
    id: 'virtualpc',
    name: 'Microsoft Virtual PC',
    aliases: ['Virtual PC'],
    type: 2
  },
  { category: 'hypervisor', id: 'qemu', name: 'QEMU', aliases: [], type: 2 },
  { category: 'hypervisor', id: 'utm', name: 'UTM', aliases: [], type: 2 },
  // Docker Desktop runs a Linux VM (on Hyper-V/WSL2, or Apple's framework): hosted.
  { category: 'hypervisor', id: 'docker-desktop', name: 'Docker Desktop', aliases: [], type: 2 }
];

/** Names drawn as hypervisors that are not hypervisors (rule `not-a-hypervisor`). */
export const NOT_HYPERVISORS: readonly NotHypervisorEntry[] = [
  { category: 'container-engine', id: 'docker', name: 'Docker', aliases: ['Docker Engine'] },
  { category: 'container-engine', id: 'podman', name: 'Podman', aliases: [] },
  { category: 'container-engine', id: 'containerd', name: 'containerd', aliases: [] },
  { category: 'container-engine', id: 'cri-o', name: 'CRI-O', aliases: [] },
  { category: 'container-engine', id: 'lxc', name: 'LXC', aliases: ['LXD', 'Incus'] },
  { category: 'container-engine', id: 'kubernetes', name: 'Kubernetes', aliases: [] },
  {
    category: 'windows-feature',
    id: 'wsl',
    name: 'WSL',
    aliases: ['WSL2', 'Windows Subsystem for Linux', 'Linux용 Windows 하위 시스템']
  },
  { category: 'windows-feature', id: 'windows-sandbox', name: 'Windows Sandbox', aliases: [] },
  {
    category: 'windows-feature',
    id: 'vmp',
    name: 'Virtual Machine Platform',
    aliases: ['Windows Hypervisor Platform']
  },
  { category: 'management', id: 'vcenter', name: 'vCenter', aliases: ['vCenter Server'] },
  { category: 'management', id: 'xencenter', name: 'XenCenter', aliases: [] },
  { category: 'management', id: 'hyperv-manager', name: 'Hyper-V Manager', aliases: [] },
  {
    category: 'management',
    id: 'scvmm',
    name: 'SCVMM',
    aliases: ['System Center Virtual Machine Manager']
  },
  { category: 'management', id: 'virt-manager', name: 'virt-manager', aliases: [] },
  { category: 'management', id: 'libvirt', name: 'libvirt', aliases: [] }
];

/** Cloud machines drawn as hardware: each is itself a VM on its provider's hypervisor. */
export interface CloudEntry {
  id: string;
  names: readonly string[];
  /** The provider's hypervisor, as messages name it. */
  hypervisor: string;
}

export const CLOUD_INSTANCES: readonly CloudEntry[] = [
  { id: 'aws', names: ['EC2', 'Amazon EC2', 'Lightsail'], hypervisor: 'AWS Nitro' },
  {
    id: 'azure',
    names: ['Azure VM', 'Azure Virtual Machine', 'Azure Virtual Machines'],
    hypervisor: 'Hyper-V'
  },
  { id: 'gcp', names: ['Compute Engine', 'GCE'], hypervisor: 'KVM' },
  { id: 'digitalocean', names: ['Droplet'], hypervisor: 'KVM' },
  { id: 'generic', names: ['VPS', '인스턴스', 'cloud instance'], hypervisor: '' }
];

// ── Matching ──────────────────────────────────────────────────────────────────────────

/**
 * Anything but a letter or a digit separates tokens (rules v2: after NFKC and lower case),
 * combining marks included: "ESXİ" lower-cases to "esxi" + U+0307 and still names ESXi.
 */
const SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Tokens of a text: NFKC, lower case, split at separators. */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(SEPARATOR)
    .filter((t) => t !== '');
}

interface Named<E> {
  entry: E;
  /** The name as the catalog writes it. */
  name: string;
}

/** Joined tokens of a name → what it names. */
type NameIndex<E> = Map<string, Named<E>[]>;

function indexNames<E>(
  items: readonly E[],
  names: (e: E) => readonly string[]
): { index: NameIndex<E>; longest: number } {
  const index: NameIndex<E> = new Map();
  let longest = 0;
  for (const e of items) {
    for (const name of names(e)) {
      const key = tokens(name).join('');
      if (key === '') continue;
      longest = Math.max(longest, key.length);
      const list = index.get(key) ?? [];
      list.push({ entry: e, name });
      index.set(key, list);
    }
  }
  return { index, longest };
}

const ALL_ENTRIES: readonly CatalogEntry[] = [...HYPERVISOR_CATALOG, ...NOT_HYPERVISORS];
const CATALOG_NAMES = indexNames(ALL_ENTRIES, (e) => [e.name, ...e.aliases]);
const CLOUD_NAMES = indexNames(CLOUD_INSTANCES, (e) => e.names);

interface Match<E> extends Named<E> {
  /** Token span [start, end) in the text. */
  start: number;
  end: number;
  /** Characters of the matched tokens. */
  chars: number;
}

/** Every name found in `toks` as a run of consecutive tokens. */
function findNames<E>(
  toks: readonly string[],
  names: ReturnType<typeof indexNames<E>>
): Match<E>[] {
  const found: Match<E>[] = [];
  for (let i = 0; i < toks.length; i++) {
    let joined = '';
    for (let j = i; j < toks.length; j++) {
      joined += toks[j];
      if (joined.length > names.longest) break;
      const hits = names.index.get(joined);
      if (hits)
        for (const h of hits) found.push({ ...h, start: i, end: j + 1, chars: joined.length });
    }
  }
  return found;
}

/** A match's length for "only the longer counts": tokens first, then characters. */
const score = (m: Match<unknown>) => (m.end - m.start) * 1024 + m.chars;

/**
 * Matches that no strictly longer match overlaps, in text order. Linear: each token
 * remembers the longest match covering it (a match spans at most a few tokens).
 */
function keepLongest<E>(matches: Match<E>[]): Match<E>[] {
  if (matches.length < 2) return matches;
  const best = new Map<number, number>();
  for (const m of matches)
    for (let t = m.start; t < m.end; t++) best.set(t, Math.max(best.get(t) ?? 0, score(m)));
  return matches.filter((m) => {
    for (let t = m.start; t < m.end; t++) if (best.get(t)! > score(m)) return false;
    return true;
  });
}

/** What the catalog says a node is. */
export interface CatalogMatch {
  /** The hypervisor entry, when exactly one matched (QEMU + KVM counts as KVM). */
  hypervisor?: HypervisorEntry;
  /** A name that is not a hypervisor, when no hypervisor entry matched at all. */
  notHypervisor?: NotHypervisorEntry;
  /** The name as written in the catalog that matched (e.g. "Proxmox VE"). */
  matched?: string;
}

const NONE: CatalogMatch = Object.freeze({});

function asMatch(named: Named<CatalogEntry>): CatalogMatch {
  return named.entry.category === 'hypervisor'
    ? { hypervisor: named.entry, matched: named.name }
    : { notHypervisor: named.entry, matched: named.name };
}

/** `product` matches a whole name or alias: every token. */
export function matchProduct(product: string): CatalogMatch {
  const hits = CATALOG_NAMES.index.get(tokens(product).join(''));
  return hits ? asMatch(hits[0]) : NONE;
}

/** The catalog entries a label contains, after the longest-match and QEMU+KVM rules. */
export function matchLabel(label: string): CatalogMatch {
  const kept = keepLongest(findNames(tokens(label), CATALOG_NAMES));
  if (kept.length === 0) return NONE;
  const hv = kept.filter((m) => m.entry.category === 'hypervisor') as Match<HypervisorEntry>[];
  let distinct = [...new Set(hv.map((m) => m.entry))];
  if (distinct.length > 1 && distinct.some((e) => e.kvmFamily)) {
    // "QEMU/KVM", "Proxmox (QEMU)": QEMU is KVM's device model here.
    distinct = distinct.filter((e) => e.id !== 'qemu');
  }
  if (distinct.length === 1) {
    const first = hv.find((m) => m.entry === distinct[0])!;
    return { hypervisor: distinct[0], matched: first.name };
  }
  if (distinct.length > 1) return NONE;
  return asMatch(kept[0]);
}

/** What the catalog says of a node: by `product` when it matches, else by its label. */
export function catalogMatch(node: Pick<DiagramNode, 'label' | 'product'>): CatalogMatch {
  const byLabel = () => (typeof node.label === 'string' ? matchLabel(node.label) : NONE);
  if (typeof node.product === 'string') {
    const byProduct = matchProduct(node.product);
    // QEMU with a KVM-family entry counts as that entry, whichever field names which
    // (product "QEMU", label "KVM": QEMU is KVM's device model there too).
    if (byProduct.hypervisor?.id === 'qemu') {
      const label = byLabel();
      if (label.hypervisor?.kvmFamily) return label;
    }
    if (byProduct !== NONE) return byProduct;
  }
  return byLabel();
}

/** The hypervisor catalog entry for a node's product or label, if exactly one matches. */
export function catalogEntryFor(
  node: Pick<DiagramNode, 'label' | 'product'>
): HypervisorEntry | undefined {
  return catalogMatch(node).hypervisor;
}

/** The catalog's type for a node: hypervisor nodes, and firmware that is a hypervisor. */
export function catalogType(node: DiagramNode): HypervisorType | undefined {
  if (node.kind === 'hypervisor') return catalogEntryFor(node)?.type;
  if (node.kind === 'firmware') return isFirmwareHypervisor(node) ? 1 : undefined;
  return undefined;
}

/** The declared type: `hypervisorType` when set, else the catalog's. */
export function declaredType(node: DiagramNode): HypervisorType | undefined {
  if (node.kind === 'hypervisor' && (node.hypervisorType === 1 || node.hypervisorType === 2))
    return node.hypervisorType;
  return catalogType(node);
}

/** A firmware node that is a Type 1 hypervisor embedded in firmware (PowerVM, PR/SM). */
export function isFirmwareHypervisor(
  node: Pick<DiagramNode, 'kind' | 'label' | 'product'>
): boolean {
  return node.kind === 'firmware' && catalogEntryFor(node)?.firmware === true;
}

/** The cloud provider a hardware label names (EC2, Azure VM, Droplet, VPS, 인스턴스 …). */
export function cloudInstance(
  node: Pick<DiagramNode, 'label' | 'product'>
): CloudEntry | undefined {
  const text = [node.product, node.label].filter((s) => typeof s === 'string').join(' ');
  const toks = tokens(text);
  // Bare-metal instances (EC2 i3.metal, "bare metal") are physical machines, not VMs.
  if (toks.includes('metal') || toks.includes('baremetal')) return undefined;
  const kept = keepLongest(findNames(toks, CLOUD_NAMES));
  if (kept.length === 0) return undefined;
  // A named provider wins over the generic words ("EC2 instance" is AWS).
  return kept.find((m) => m.entry.id !== 'generic')?.entry ?? kept[0].entry;
}
