import { josa } from '../../i18n/josa';
import type { Lang } from '../../i18n/lang';
import { KIND_SPECS } from '../../model/kinds';
import type { DiagramNode, Expectation } from '../../model/types';
import type { Diagnostic, Finding } from '../types';
import type { MessageCatalog, NodeLookup, RenderedMessage, Words } from './catalog';
import { en } from './en';
import { ko } from './ko';

/** The message catalogs, by language. */
export const CATALOGS: Readonly<Record<Lang, MessageCatalog>> = { en, ko };

/** How many labels a list shows before "and N more". */
const LIST_LIMIT = 5;

/** A node's name in messages: its label, or its id when the label is blank. */
export function nodeName(node: DiagramNode | undefined, id: string): string {
  if (!node || typeof node.label !== 'string') return id;
  const label = node.label.trim();
  return label === '' ? id : label;
}

const EXPECTATION_WORDS: Record<Lang, Record<Expectation, string>> = {
  en: { type1: 'a Type 1 stack', type2: 'a Type 2 stack', dedicated: 'a dedicated server' },
  ko: { type1: 'Type 1 스택', type2: 'Type 2 스택', dedicated: '전용 서버' }
};

/** The complete shapes of the first rules issue ("Expectations"), bottom-up. */
const SHAPES: Record<Lang, Record<Expectation, string>> = {
  en: {
    type1: 'hardware → [firmware] → Type 1 hypervisor → at least one guest OS',
    type2: 'hardware → [firmware] → host OS → Type 2 hypervisor → at least one guest OS',
    dedicated: 'hardware → [firmware] → one OS with its services, and no hypervisor'
  },
  ko: {
    type1: '하드웨어 → [펌웨어] → Type 1 하이퍼바이저 → 게스트 OS 하나 이상',
    type2: '하드웨어 → [펌웨어] → 호스트 OS → Type 2 하이퍼바이저 → 게스트 OS 하나 이상',
    dedicated: '하드웨어 → [펌웨어] → OS 하나와 그 서비스, 하이퍼바이저 없음'
  }
};

/** What an expectation asks for, in words: "Type 1" / "dedicated server" (badges, lines). */
export function expectationName(e: Expectation, lang: Lang): string {
  if (lang === 'ko') return e === 'dedicated' ? '전용 서버' : e === 'type1' ? 'Type 1' : 'Type 2';
  return e === 'dedicated' ? 'dedicated' : e === 'type1' ? 'Type 1' : 'Type 2';
}

/** An amount of memory in GiB, with at most two decimals: "12 GiB", "1.5 GiB". */
export function formatGiB(n: number): string {
  return `${Math.round(n * 100) / 100} GiB`;
}

/** Words about the nodes of `nodes`, in `lang`, for the message templates. */
export function wordsFor(nodes: NodeLookup, lang: Lang): Words {
  const name = (id: string) => nodeName(nodes.get(id), id);
  const q = (id: string) => `"${name(id)}"`;
  const kindNoun = (kind: DiagramNode['kind']) => KIND_SPECS[kind].noun[lang];
  return {
    name,
    q,
    k: (id, pair) => (lang === 'ko' ? josa(q(id), pair) : q(id)),
    josa: (word, pair) => (lang === 'ko' ? josa(word, pair) : word),
    list(ids) {
      const shown = ids.slice(0, LIST_LIMIT).map(q);
      const rest = ids.length - shown.length;
      if (rest > 0) shown.push(lang === 'ko' ? `외 ${rest}개` : `and ${rest} more`);
      return lang === 'ko' && rest > 0
        ? `${shown.slice(0, -1).join(', ')} ${shown[shown.length - 1]}`
        : shown.join(', ');
    },
    noun: (id) => {
      const node = nodes.get(id);
      return node ? kindNoun(node.kind) : id;
    },
    kindNoun,
    expectation: (e) => EXPECTATION_WORDS[lang][e],
    shape: (e) => SHAPES[lang][e],
    gib: formatGiB
  };
}

/** A finding in words, in `lang`: its message and, where the catalog has one, its hint. */
export function renderFinding(f: Finding, nodes: NodeLookup, lang: Lang): RenderedMessage {
  const entry = CATALOGS[lang][f.key] as {
    message(p: Finding, w: Words): string;
    hint?: (p: Finding, w: Words) => string;
  };
  const w = wordsFor(nodes, lang);
  const out: RenderedMessage = { message: entry.message(f, w) };
  if (entry.hint) out.hint = entry.hint(f, w);
  return out;
}

/** A diagnostic's words, in `lang`. */
export function renderDiagnostic(d: Diagnostic, nodes: NodeLookup, lang: Lang): RenderedMessage {
  return renderFinding(d.finding, nodes, lang);
}
