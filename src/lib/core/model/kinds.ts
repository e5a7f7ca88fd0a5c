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

/** An OS or a hypervisor: what a machine boots. */
export function isSystemKind(kind: NodeKind): boolean {
  return kind === 'os' || kind === 'hypervisor';
}

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
