import type { Lang, Localized } from '../i18n/lang';

/**
 * Every node kind, described once. The rules' host table, the palette, the canvas colours
 * (CSS custom properties made from this table), captions, the Inspector's fields, the
 * export, the blocks view, new-node ids and default labels all read this file: adding a
 * kind means adding it to `KINDS` and giving it a spec below.
 *
 * Layer order is the order of `KINDS`: hardware at the bottom (0), services on top.
 */
export const KINDS = ['hardware', 'firmware', 'hypervisor', 'os', 'container', 'service'] as const;
export type NodeKind = (typeof KINDS)[number];

export type ThemeName = 'light' | 'dark';

/** Colours of one kind in one theme, as CSS hex colours. */
export interface KindColours {
  fill: string;
  stroke: string;
  text: string;
  caption: string;
}

/**
 * When a kind may run on a host of some kind:
 * - `always`;
 * - `kvm-family`: only on a KVM-family hypervisor ("Linux with KVM in its kernel", which
 *   carries its own services and containers; rules issue v2, section 4);
 * - `unless-type2`: not when the node is a declared Type 2 hypervisor (a hosted hypervisor
 *   needs an OS under it).
 */
export type HostRule = 'always' | 'kvm-family' | 'unless-type2';

/**
 * Optional document fields of a node, in the order the stack text prints them (the kind
 * specs below say which kinds they fit; the Inspector shows only those).
 */
export const NODE_FIELDS = [
  'product',
  'hypervisorType',
  'expect',
  'protection',
  'replicaOf',
  'cores',
  'memoryGiB',
  'vcpus'
] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

/** Roles an OS can play, with their own caption and default label. */
export type OsRole = 'host' | 'guest';

export interface KindSpec {
  /** Short id prefix of new nodes (`hv-1`) and the short kind word of the stack text. */
  idPrefix: string;
  /** Name in the interface: "Hypervisor" / "하이퍼바이저". */
  name: Localized;
  /** The kind inside a sentence: "the hypervisor …" / "하이퍼바이저 …". */
  noun: Localized;
  /** The small line above a node's label, on the canvas and in the export. */
  caption: Localized;
  /** Label of a new node of this kind. */
  defaultLabel: Localized;
  /** Host kinds this kind may run on, with their condition; any other host is `invalid-host`. */
  hosts: Readonly<Partial<Record<NodeKind, HostRule>>>;
  /** Optional fields that fit this kind. */
  fields: readonly NodeField[];
  colours: Readonly<Record<ThemeName, KindColours>>;
  /** A 16×16 stroked icon (SVG path data), so kinds never differ by colour alone. */
  icon: string;
  /** Role captions and default labels (OS only). */
  roles?: Readonly<Record<OsRole, { caption: Localized; label: Localized }>>;
}

export const KIND_SPECS: Readonly<Record<NodeKind, KindSpec>> = {
  hardware: {
    idPrefix: 'hw',
    name: { en: 'Hardware', ko: '하드웨어' },
    noun: { en: 'hardware', ko: '하드웨어' },
    caption: { en: 'HARDWARE', ko: '하드웨어' },
    defaultLabel: { en: 'Server', ko: '서버' },
    hosts: {},
    fields: ['expect', 'cores', 'memoryGiB'],
    colours: {
      light: { fill: '#e2e8f0', stroke: '#475569', text: '#0f172a', caption: '#475569' },
      dark: { fill: '#1e293b', stroke: '#94a3b8', text: '#f1f5f9', caption: '#cbd5e1' }
    },
    icon: 'M3 3h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM3 9h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1ZM4.5 5h1M4.5 11h1'
  },
  firmware: {
    idPrefix: 'fw',
    name: { en: 'Firmware', ko: '펌웨어' },
    noun: { en: 'firmware', ko: '펌웨어' },
    caption: { en: 'FIRMWARE', ko: '펌웨어' },
    defaultLabel: { en: 'UEFI', ko: 'UEFI' },
    hosts: { hardware: 'always' },
    fields: ['product'],
    colours: {
      light: { fill: '#fef3c7', stroke: '#b45309', text: '#451a03', caption: '#92400e' },
      dark: { fill: '#422006', stroke: '#f59e0b', text: '#fef3c7', caption: '#fcd34d' }
    },
    icon: 'M5 4h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1ZM6 2v2M10 2v2M6 12v2M10 12v2M2 6h2M2 10h2M12 6h2M12 10h2'
  },
  hypervisor: {
    idPrefix: 'hv',
    name: { en: 'Hypervisor', ko: '하이퍼바이저' },
    noun: { en: 'hypervisor', ko: '하이퍼바이저' },
    caption: { en: 'HYPERVISOR', ko: '하이퍼바이저' },
    defaultLabel: { en: 'Hypervisor', ko: '하이퍼바이저' },
    hosts: { hardware: 'always', firmware: 'always', os: 'always', hypervisor: 'unless-type2' },
    fields: ['product', 'hypervisorType'],
    colours: {
      light: { fill: '#ede9fe', stroke: '#6d28d9', text: '#2e1065', caption: '#5b21b6' },
      dark: { fill: '#2e1065', stroke: '#a78bfa', text: '#f5f3ff', caption: '#c4b5fd' }
    },
    icon: 'M3 10h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1ZM3 3h3a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM10 3h3a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z'
  },
  os: {
    idPrefix: 'os',
    name: { en: 'OS', ko: '운영체제' },
    noun: { en: 'OS', ko: '운영체제' },
    caption: { en: 'OS', ko: '운영체제' },
    defaultLabel: { en: 'OS', ko: 'OS' },
    hosts: { hardware: 'always', firmware: 'always', hypervisor: 'always' },
    fields: ['product', 'memoryGiB', 'vcpus', 'protection', 'replicaOf'],
    colours: {
      light: { fill: '#e0f2fe', stroke: '#0369a1', text: '#082f49', caption: '#075985' },
      dark: { fill: '#082f49', stroke: '#38bdf8', text: '#f0f9ff', caption: '#7dd3fc' }
    },
    icon: 'M3 3h10a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM5 14h6M2 6h12',
    roles: {
      host: {
        caption: { en: 'HOST OS', ko: '호스트 OS' },
        label: { en: 'Host OS', ko: '호스트 OS' }
      },
      guest: {
        caption: { en: 'GUEST OS', ko: '게스트 OS' },
        label: { en: 'Guest OS', ko: '게스트 OS' }
      }
    }
  },
  container: {
    idPrefix: 'ct',
    name: { en: 'Container', ko: '컨테이너' },
    noun: { en: 'container', ko: '컨테이너' },
    caption: { en: 'CONTAINER', ko: '컨테이너' },
    defaultLabel: { en: 'Container', ko: '컨테이너' },
    hosts: { os: 'always', hypervisor: 'kvm-family' },
    fields: ['product'],
    colours: {
      light: { fill: '#ccfbf1', stroke: '#0f766e', text: '#042f2e', caption: '#115e59' },
      dark: { fill: '#042f2e', stroke: '#2dd4bf', text: '#f0fdfa', caption: '#5eead4' }
    },
    icon: 'M2 5h12v8H2ZM5 5v8M8 5v8M11 5v8M4 3h8'
  },
  service: {
    idPrefix: 'svc',
    name: { en: 'Service', ko: '서비스' },
    noun: { en: 'service', ko: '서비스' },
    caption: { en: 'SERVICE', ko: '서비스' },
    defaultLabel: { en: 'Service', ko: '서비스' },
    hosts: { os: 'always', container: 'always', hypervisor: 'kvm-family' },
    fields: [],
    colours: {
      light: { fill: '#dcfce7', stroke: '#15803d', text: '#052e16', caption: '#166534' },
      dark: { fill: '#052e16', stroke: '#4ade80', text: '#f0fdf4', caption: '#86efac' }
    },
    icon: 'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11ZM2.5 8h11M8 2.5c2 2.5 2 8.5 0 11M8 2.5c-2 2.5-2 8.5 0 11'
  }
};

/** Layer index of a kind, bottom (hardware, 0) to top. */
export const KIND_LAYER: Readonly<Record<NodeKind, number>> = Object.fromEntries(
  KINDS.map((k, i) => [k, i])
) as Record<NodeKind, number>;

const KIND_SET: ReadonlySet<string> = new Set(KINDS);

/** Is `s` a node kind? */
export function isKind(s: unknown): s is NodeKind {
  return typeof s === 'string' && KIND_SET.has(s);
}

/** Does `field` fit nodes of `kind` (may the Inspector show it, does a command keep it)? */
export function fieldFits(kind: NodeKind, field: NodeField): boolean {
  return KIND_SPECS[kind].fields.includes(field);
}

/** The default label of a new node of `kind` (or of an OS in `role`), in `lang`. */
export function defaultLabel(kind: NodeKind, lang: Lang, role?: OsRole): string {
  const spec = KIND_SPECS[kind];
  return (role && spec.roles?.[role].label[lang]) ?? spec.defaultLabel[lang];
}

/**
 * CSS custom properties for the kinds' colours in one theme: `--kind-os-fill: #e0f2fe; …`.
 * The editor sets them on its root element, so no stylesheet repeats the colours.
 */
export function kindColourVariables(theme: ThemeName): string {
  return KINDS.map((k) =>
    (Object.entries(KIND_SPECS[k].colours[theme]) as [string, string][])
      .map(([part, colour]) => `--kind-${k}-${part}:${colour}`)
      .join(';')
  ).join(';');
}
