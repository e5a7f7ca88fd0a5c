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
