import type { NodeKind } from './types';

/**
 * Each node kind described once. The palette, the canvas, the rules and the export read
 * this table rather than repeating facts about kinds.
 */
export interface KindInfo {
  kind: NodeKind;
  /** Layer index, bottom (0) to top. */
  layer: number;
  /** Kinds this kind may run on (before hypervisor-type refinements). */
  hosts: readonly NodeKind[];
  name: { en: string; ko: string };
}

export const KIND_INFO: Record<NodeKind, KindInfo> = {
  hardware: { kind: 'hardware', layer: 0, hosts: [], name: { en: 'hardware', ko: '하드웨어' } },
  firmware: {
    kind: 'firmware',
    layer: 1,
    hosts: ['hardware'],
    name: { en: 'firmware', ko: '펌웨어' }
  },
  hypervisor: {
    kind: 'hypervisor',
    layer: 2,
    hosts: ['hardware', 'firmware', 'os', 'hypervisor'],
    name: { en: 'hypervisor', ko: '하이퍼바이저' }
  },
  os: {
    kind: 'os',
    layer: 3,
    hosts: ['hardware', 'firmware', 'hypervisor'],
    name: { en: 'OS', ko: '운영체제' }
  },
  service: { kind: 'service', layer: 4, hosts: ['os'], name: { en: 'service', ko: '서비스' } }
};

export interface KindColours {
  fill: string;
  stroke: string;
  text: string;
  caption: string;
}

/** Colours per kind and theme: shared by the canvas and the export. */
export const KIND_COLOURS: Record<'light' | 'dark', Record<NodeKind, KindColours>> = {
  light: {
    hardware: { fill: '#e2e8f0', stroke: '#475569', text: '#0f172a', caption: '#475569' },
    firmware: { fill: '#fef3c7', stroke: '#b45309', text: '#451a03', caption: '#92400e' },
    hypervisor: { fill: '#ede9fe', stroke: '#6d28d9', text: '#2e1065', caption: '#5b21b6' },
    os: { fill: '#e0f2fe', stroke: '#0369a1', text: '#082f49', caption: '#075985' },
    service: { fill: '#dcfce7', stroke: '#15803d', text: '#052e16', caption: '#166534' }
  },
  dark: {
    hardware: { fill: '#1e293b', stroke: '#94a3b8', text: '#f1f5f9', caption: '#cbd5e1' },
    firmware: { fill: '#422006', stroke: '#f59e0b', text: '#fef3c7', caption: '#fcd34d' },
    hypervisor: { fill: '#2e1065', stroke: '#a78bfa', text: '#f5f3ff', caption: '#c4b5fd' },
    os: { fill: '#082f49', stroke: '#38bdf8', text: '#f0f9ff', caption: '#7dd3fc' },
    service: { fill: '#052e16', stroke: '#4ade80', text: '#f0fdf4', caption: '#86efac' }
  }
};

/**
 * One small icon per kind (16×16 viewBox, stroked), so kinds never differ by colour alone.
 * The canvas and the export draw the same paths.
 */
export const KIND_ICONS: Record<NodeKind, string> = {
  hardware:
    'M3 3h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM3 9h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1ZM4.5 5h1M4.5 11h1',
  firmware:
    'M5 4h6a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1ZM6 2v2M10 2v2M6 12v2M10 12v2M2 6h2M2 10h2M12 6h2M12 10h2',
  hypervisor:
    'M3 10h10a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-2a1 1 0 0 1 1-1ZM3 3h3a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM10 3h3a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1Z',
  os: 'M3 3h10a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1ZM5 14h6M2 6h12',
  service:
    'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11ZM2.5 8h11M8 2.5c2 2.5 2 8.5 0 11M8 2.5c-2 2.5-2 8.5 0 11'
};
