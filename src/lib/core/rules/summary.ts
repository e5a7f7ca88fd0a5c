import { isFirmwareHypervisor } from '../model/catalog';
import { sortIds } from '../model/ids';
import type { DiagramDocument, DiagramNode } from '../model/types';
import { expectationName, nodeName, renderDiagnostic } from './messages/render';
import type { Classification, Lang, StackReport, ValidationReport } from './types';

/**
 * Display names of the classifications (CLI lines, the SVG's description). `dedicated` is
 * "Dedicated (no hypervisor)", so a laptop is not called a server.
 */
export const CLASSIFICATION_NAMES: Record<Lang, Record<Classification, string>> = {
  en: {
    dedicated: 'Dedicated (no hypervisor)',
    type1: 'Type 1 stack',
    type2: 'Type 2 stack',
    incomplete: 'Incomplete stack',
    invalid: 'Invalid stack'
  },
  ko: {
    dedicated: '전용 (하이퍼바이저 없음)',
    type1: 'Type 1 스택',
    type2: 'Type 2 스택',
    incomplete: '미완성 스택',
    invalid: '잘못된 스택'
  }
};

/**
 * Short names of the classifications, the same on the canvas badge, the status line, the
 * blocks view and the export's pill.
 */
export const CLASSIFICATION_LABELS: Record<Lang, Record<Classification, string>> = {
  en: {
    dedicated: 'Dedicated (no hypervisor)',
    type1: 'Type 1',
    type2: 'Type 2',
    incomplete: 'Incomplete',
    invalid: 'Invalid'
  },
  ko: {
    dedicated: '전용 (하이퍼바이저 없음)',
    type1: '유형 1',
    type2: '유형 2',
    incomplete: '미완성',
    invalid: '잘못됨'
  }
};

/** What is missing from an incomplete stack, in words (badges, status line, the export). */
const INCOMPLETE: Record<Lang, string> = { en: 'nothing installed', ko: '설치된 것 없음' };

/**
 * How a stack is shown on its badge, the status line and the export's pill: its words, and
 * its mark: `ok` (✓: valid as drawn and meeting its expectation), `bad` (✗) or `none` (an
 * incomplete stack gets no tick: it says what is missing instead).
 */
export function stackBadge(
  stack: StackReport,
  lang: Lang
): { text: string; mark: 'ok' | 'bad' | 'none' } {
  const name = CLASSIFICATION_LABELS[lang][stack.classification];
  const nested = stack.nested ? (lang === 'ko' ? ' · 중첩' : ' · nested') : '';
  if (stack.classification === 'incomplete') {
    return {
      text: `${name} · ${INCOMPLETE[lang]}`,
      mark: stack.expectationMet === false && !stack.missing ? 'bad' : 'none'
    };
  }
  // Unfinished (a hypervisor without a guest yet) is not wrong: no cross, no tick.
  const mark = stackIsValid(stack) ? 'ok' : stack.missing ? 'none' : 'bad';
  return { text: `${name}${nested}`, mark };
}

/** What an unfinished stack still lacks, after "incomplete". */
const MISSING: Record<Lang, Record<NonNullable<StackReport['missing']>, string>> = {
  en: { 'nothing-installed': 'nothing installed yet', 'no-guest': 'no guest OS yet' },
  ko: { 'nothing-installed': '아직 설치된 것 없음', 'no-guest': '아직 게스트 OS 없음' }
};

/**
 * The badge's expectation part, or undefined without an expectation: "expected Type 1: met",
 * "…: not met", or for a stack that is only unfinished "expected Type 1: incomplete, no guest
 * OS yet" (Korean: "기대 유형 1: 미완성, 아직 게스트 OS 없음", with the badge's type words).
 */
export function expectationBadge(stack: StackReport, lang: Lang): string | undefined {
  if (!stack.expect) return undefined;
  const what =
    stack.expect === 'dedicated'
      ? lang === 'ko'
        ? '전용 서버'
        : 'Dedicated server'
      : CLASSIFICATION_LABELS[lang][stack.expect];
  const ko = lang === 'ko';
  const verdict = stack.expectationMet
    ? ko
      ? '충족'
      : 'met'
    : stack.missing
      ? `${ko ? '미완성' : 'incomplete'}, ${MISSING[lang][stack.missing]}`
      : ko
        ? '미충족'
        : 'not met';
  return `${ko ? '기대' : 'expected'} ${what}: ${verdict}`;
}

/** A stack has no error of its own and meets its expectation, if it has one. */
export function stackIsValid(stack: StackReport): boolean {
  return stack.classification !== 'invalid' && stack.expectationMet !== false;
}

/** One line per stack, e.g. `Dell R740: Type 2 stack, valid`. */
export function stackLine(
  stack: StackReport,
  nodes: ReadonlyMap<string, DiagramNode>,
  lang: Lang
): string {
  const name = nodeName(nodes.get(stack.root), stack.root);
  const nested = stack.nested ? (lang === 'ko' ? ' (중첩)' : ' (nested)') : '';
  const verdict = stackIsValid(stack)
    ? lang === 'ko'
      ? '유효'
      : 'valid'
    : lang === 'ko'
      ? '오류 있음'
      : 'invalid';
  let expectation = '';
  if (stack.expect) {
    const what = expectationName(stack.expect, lang);
    expectation =
      lang === 'ko'
        ? `; 기대: ${what} ${stack.expectationMet ? '충족' : '미충족'}`
        : `; expected ${what}: ${stack.expectationMet ? 'met' : 'not met'}`;
  }
  const what = CLASSIFICATION_NAMES[lang][stack.classification];
  // An invalid stack says so once; the others say whether they are valid as drawn.
  if (stack.classification === 'invalid') return `${name}: ${what}${nested}${expectation}`;
  return `${name}: ${what}${nested}, ${verdict}${expectation}`;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countDiagnostics(report: ValidationReport): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const d of report.diagnostics) counts[d.severity]++;
  return counts;
}

/** "2 errors, 1 warning" / "오류 2개, 경고 1개"; empty parts left out. */
export function countsText(counts: Counts, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'ko') {
    if (counts.error) parts.push(`오류 ${counts.error}개`);
    if (counts.warning) parts.push(`경고 ${counts.warning}개`);
    if (counts.info) parts.push(`참고 ${counts.info}개`);
    return parts.join(', ') || '문제 없음';
  }
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  if (counts.error) parts.push(n(counts.error, 'error'));
  if (counts.warning) parts.push(n(counts.warning, 'warning'));
  if (counts.info) parts.push(n(counts.info, 'note'));
  return parts.join(', ') || 'no problems';
}

export function nodeMap(doc: DiagramDocument): Map<string, DiagramNode> {
  return new Map(doc.nodes.map((n) => [n.id, n]));
}

/**
 * The report in the CLI's JSON shape (first rules issue, section 5): exactly the documented
 * fields, nothing internal; messages and hints rendered in `lang`.
 */
export function reportToJson(
  report: ValidationReport,
  doc: DiagramDocument,
  lang: Lang = 'en',
  nodes: ReadonlyMap<string, DiagramNode> = nodeMap(doc)
): object {
  return {
    valid: report.valid,
    stacks: report.stacks.map((s) => {
      const out: Record<string, unknown> = {
        root: s.root,
        classification: s.classification,
        nested: s.nested,
        nodes: s.nodes
      };
      if (s.expect !== undefined) {
        out.expect = s.expect;
        out.expectationMet = s.expectationMet;
      }
      return out;
    }),
    diagnostics: report.diagnostics.map((d) => {
      const { message, hint } = renderDiagnostic(d, nodes, lang);
      const out: Record<string, unknown> = {
        rule: d.rule,
        severity: d.severity,
        nodes: d.nodes,
        message
      };
      if (hint !== undefined) out.hint = hint;
      return out;
    })
  };
}

const joinNames = (names: string[], lang: Lang) => {
  if (names.length <= 1) return names.join('');
  if (lang === 'ko') return names.join(', ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/** Names of up to three nodes, then "and N more". */
function someNames(ids: string[], nodes: ReadonlyMap<string, DiagramNode>, lang: Lang): string {
  const shown = ids.slice(0, 3).map((id) => nodeName(nodes.get(id), id));
  if (ids.length > 3)
    shown.push(lang === 'ko' ? `외 ${ids.length - 3}개` : `${ids.length - 3} more`);
  return joinNames(shown, lang);
}

/**
 * One sentence for a stack, e.g. "Dell R740: Type 2 stack, VirtualBox on Windows 11
 * running Ubuntu". Used as the SVG's description and alt text.
 */
export function describeStack(
  stack: StackReport,
  doc: DiagramDocument,
  nodes: ReadonlyMap<string, DiagramNode> = nodeMap(doc),
  lang: Lang = 'en'
): string {
  return describeStacks([stack], doc, nodes, lang)[0];
}

/** One sentence per stack; the document is indexed once for all of them. */
export function describeStacks(
  stacks: readonly StackReport[],
  doc: DiagramDocument,
  nodes: ReadonlyMap<string, DiagramNode> = nodeMap(doc),
  lang: Lang = 'en'
): string[] {
  const children = new Map<string, string[]>();
  for (const e of doc.edges) {
    const list = children.get(e.source) ?? [];
    list.push(e.target);
    children.set(e.source, list);
  }
  return stacks.map((s) => sentence(s, children, nodes, lang));
}

function sentence(
  stack: StackReport,
  children: ReadonlyMap<string, string[]>,
  nodes: ReadonlyMap<string, DiagramNode>,
  lang: Lang
): string {
  const kids = (id: string, kind: DiagramNode['kind']) =>
    sortIds((children.get(id) ?? []).filter((c) => nodes.get(c)?.kind === kind));
  const name = (id: string) => nodeName(nodes.get(id), id);
  const root = name(stack.root);
  const what = CLASSIFICATION_NAMES[lang][stack.classification];
  // The bare-metal system, directly or through the firmware (which may itself be one).
  const isSystem = (id: string) => {
    const n = nodes.get(id);
    return !!n && (n.kind === 'os' || n.kind === 'hypervisor' || isFirmwareHypervisor(n));
  };
  const systems = [
    ...(children.get(stack.root) ?? []),
    ...kids(stack.root, 'firmware')
      .filter((f) => !isSystem(f))
      .flatMap((f) => children.get(f) ?? [])
  ].filter(isSystem);
  const sys = systems[0];
  const nested = stack.nested ? (lang === 'ko' ? ' (중첩)' : ' (nested)') : '';
  const running = (ids: string[]) =>
    ids.length
      ? lang === 'ko'
        ? `, ${someNames(ids, nodes, lang)} 실행`
        : ` running ${someNames(ids, nodes, lang)}`
      : '';
  switch (stack.classification) {
    case 'type1':
      return `${root}: ${what}${nested}, ${name(sys)}${running(kids(sys, 'os'))}`;
    case 'type2': {
      const hvs = kids(sys, 'hypervisor');
      const guests = hvs.flatMap((h) => kids(h, 'os'));
      return lang === 'ko'
        ? `${root}: ${what}${nested}, ${name(sys)} 위의 ${someNames(hvs, nodes, lang)}${running(guests)}`
        : `${root}: ${what}${nested}, ${someNames(hvs, nodes, lang)} on ${name(sys)}${running(guests)}`;
    }
    case 'dedicated':
      return `${root}: ${what}, ${name(sys)}${running([...kids(sys, 'container'), ...kids(sys, 'service')])}`;
    case 'incomplete':
      return lang === 'ko'
        ? `${root}: ${what}, 아직 설치된 것이 없음`
        : `${root}: ${what}, nothing installed yet`;
    case 'invalid':
      return lang === 'ko'
        ? `${root}: ${what}${nested}, 오류 있음`
        : `${root}: ${what}${nested}, with errors`;
  }
}
