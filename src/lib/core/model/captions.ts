import type { Lang } from '../i18n/lang';
import { declaredType, isFirmwareHypervisor } from './catalog';
import { KIND_SPECS } from './kinds';
import type { DiagramDocument } from './types';

const TYPE_WORD: Record<Lang, string> = { en: 'TYPE', ko: '유형' };

/**
 * The small line above each node's label, in `lang`: its kind (from the kind spec), for
 * hypervisors their declared type ("HYPERVISOR · TYPE 1" / "하이퍼바이저 · 유형 1"), for
 * firmware hypervisors both ("FIRMWARE · HYPERVISOR"), for OSes their role (guest of a
 * hypervisor, or host of one). Shown on the canvas and in the export, and measured for the
 * layout. Returns a map from node id to caption.
 */
export function nodeCaptions(doc: DiagramDocument, lang: Lang = 'en'): Map<string, string> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const guest = new Set<string>();
  const host = new Set<string>();
  const hv = (id: string) => {
    const n = byId.get(id);
    return !!n && (n.kind === 'hypervisor' || isFirmwareHypervisor(n));
  };
  for (const e of doc.edges) {
    if (byId.get(e.target)?.kind === 'os' && hv(e.source)) guest.add(e.target);
    if (byId.get(e.source)?.kind === 'os' && byId.get(e.target)?.kind === 'hypervisor')
      host.add(e.source);
  }
  const out = new Map<string, string>();
  for (const n of doc.nodes) {
    const spec = KIND_SPECS[n.kind];
    let caption = spec.caption[lang];
    if (n.kind === 'hypervisor') {
      const t = declaredType(n);
      if (t) caption = `${caption} · ${TYPE_WORD[lang]} ${t}`;
    } else if (n.kind === 'firmware' && isFirmwareHypervisor(n)) {
      caption = `${caption} · ${KIND_SPECS.hypervisor.caption[lang]}`;
    } else if (spec.roles && guest.has(n.id)) {
      caption = spec.roles.guest.caption[lang];
    } else if (spec.roles && host.has(n.id)) {
      caption = spec.roles.host.caption[lang];
    }
    out.set(n.id, caption);
  }
  return out;
}
