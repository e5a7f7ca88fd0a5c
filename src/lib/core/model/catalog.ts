import type { DiagramNode, HypervisorType } from './types';

/**
 * The hypervisor catalog, from the course notes (13.2.6): which products are bare-metal
 * (Type 1) and which are hosted (Type 2).
 */
export interface CatalogEntry {
  id: string;
  name: string;
  aliases: readonly string[];
  type: HypervisorType;
}

export const HYPERVISOR_CATALOG: readonly CatalogEntry[] = [
  { id: 'esxi', name: 'VMware ESXi', aliases: ['ESXi', 'vSphere'], type: 1 },
  { id: 'hyperv', name: 'Microsoft Hyper-V', aliases: ['Hyper-V'], type: 1 },
  { id: 'xen', name: 'Xen', aliases: ['Citrix Hypervisor', 'XenServer', 'XCP-ng'], type: 1 },
  { id: 'kvm', name: 'KVM', aliases: [], type: 1 },
  { id: 'workstation', name: 'VMware Workstation', aliases: ['Workstation Player'], type: 2 },
  { id: 'virtualbox', name: 'Oracle VM VirtualBox', aliases: ['VirtualBox'], type: 2 },
  { id: 'fusion', name: 'VMware Fusion', aliases: [], type: 2 },
  { id: 'parallels', name: 'Parallels Desktop', aliases: ['Parallels'], type: 2 },
  { id: 'virtualpc', name: 'Microsoft Virtual PC', aliases: ['Virtual PC'], type: 2 }
];

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

const productIndex = new Map<string, CatalogEntry>();
for (const entry of HYPERVISOR_CATALOG) {
  for (const n of [entry.name, ...entry.aliases]) productIndex.set(squash(n), entry);
}

/** `product` matches a name or alias exactly, ignoring case and spacing. */
export function matchProduct(product: string): CatalogEntry | undefined {
  return productIndex.get(squash(product));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching `words` as whole words: a boundary is anything but a letter or digit. */
const wordPattern = (words: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, 'u');

const normaliseLabel = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Entries whose name or alias the label contains as whole words. */
const labelPatterns = HYPERVISOR_CATALOG.map((entry) => ({
  entry,
  patterns: [entry.name, ...entry.aliases].map((n) => wordPattern(normaliseLabel(n)))
}));

/** Entries whose name or alias the label contains as whole words, ignoring case. */
export function matchLabel(label: string): CatalogEntry[] {
  const hay = normaliseLabel(label);
  return labelPatterns
    .filter(({ patterns }) => patterns.some((p) => p.test(hay)))
    .map((x) => x.entry);
}

/**
 * The catalog entry for a node: by `product` when it matches, else by the label's words.
 * Matches to two different entries mean no entry.
 */
export function catalogEntryFor(
  node: Pick<DiagramNode, 'label' | 'product'>
): CatalogEntry | undefined {
  if (typeof node.product === 'string') {
    const byProduct = matchProduct(node.product);
    if (byProduct) return byProduct;
  }
  if (typeof node.label !== 'string') return undefined;
  const byLabel = matchLabel(node.label);
  return byLabel.length === 1 ? byLabel[0] : undefined;
}

/** The catalog's type for a node: hypervisor nodes only. */
export function catalogType(node: DiagramNode): HypervisorType | undefined {
  if (node.kind !== 'hypervisor') return undefined;
  return catalogEntryFor(node)?.type;
}

/** The declared type: `hypervisorType` when set, else the catalog's. */
export function declaredType(node: DiagramNode): HypervisorType | undefined {
  if (node.kind !== 'hypervisor') return undefined;
  if (node.hypervisorType === 1 || node.hypervisorType === 2) return node.hypervisorType;
  return catalogType(node);
}
