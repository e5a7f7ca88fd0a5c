import { KIND_SPECS, KINDS, NODE_FIELDS, type NodeKind } from '../model/kinds';

/**
 * What the stack text's reader and printer share: the kind words, the characters a bare
 * word may hold, quoting, JSON values and the ids generated from a line's place in the
 * tree. See docs/stack-language.md for the language itself.
 */

/** The words for each kind: full English, short (the printer's), Korean. */
export const KIND_WORDS: Readonly<Record<NodeKind, readonly string[]>> = {
  hardware: ['hardware', 'hw', '하드웨어'],
  firmware: ['firmware', 'fw', '펌웨어'],
  hypervisor: ['hypervisor', 'hv', '하이퍼바이저'],
  os: ['os', '운영체제'],
  container: ['container', 'ct', '컨테이너'],
  service: ['service', 'svc', '서비스']
};

/** The short word the printer writes for a kind (`hw`, `fw`, `hv`, `os`, `ct`, `svc`). */
export const shortKind = (kind: NodeKind): string => KIND_SPECS[kind].idPrefix;

/** The words that start a cluster line. */
export const CLUSTER_WORDS: readonly string[] = ['cluster', '클러스터'];

const WORD_KIND = new Map<string, NodeKind>();
for (const kind of KINDS) for (const w of KIND_WORDS[kind]) WORD_KIND.set(w, kind);

/** The kind a word names (English words in any case), or undefined. */
export function kindOfWord(word: string): NodeKind | undefined {
  return WORD_KIND.get(word.toLowerCase());
}

/** Every kind word, for "did you mean". */
export const ALL_KIND_WORDS: readonly string[] = [...WORD_KIND.keys()];

/** Node attributes in the printer's order (JSON field names: NODE_FIELDS), then the text's own. */
export { NODE_FIELDS };
export const NODE_ATTRIBUTES: readonly string[] = [
  ...NODE_FIELDS,
  'x',
  'y',
  'position',
  'on',
  'edge'
];
export const CLUSTER_ATTRIBUTES: readonly string[] = ['members', 'ha'];
/** Fields of a node the text writes in its own way (not as `+name`). */
export const KNOWN_NODE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'label',
  ...NODE_FIELDS,
  'position'
]);
export const KNOWN_EDGE_KEYS: ReadonlySet<string> = new Set(['id', 'source', 'target']);
export const KNOWN_CLUSTER_KEYS: ReadonlySet<string> = new Set(['id', 'label', 'members', 'ha']);
export const KNOWN_DOCUMENT_KEYS: ReadonlySet<string> = new Set([
  'version',
  'title',
  'nodes',
  'edges',
  'clusters'
]);

/**
 * A bare id or value: no white space, none of `[ ] " # , @ = { } %` and no control
 * character. Anything else is written in quotes.
 */
const BARE = /^[^\s[\]"#,@={}%\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]+$/u;
export const isBare = (s: string): boolean => BARE.test(s);

/** Characters a quoted string writes as an escape (JSON's escapes). */
const NEEDS_ESCAPE = /[\\"\p{Cc}\u2028\u2029\ufeff]|\p{Cs}/u;
const ESCAPE_ALL =
  /[\\"\p{Cc}\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;
const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t'
};

/**
 * A string in double quotes, as the reader reads it back: `\\`, `\"`, `\n`, `\r`, `\t`,
 * and `\uXXXX` for other control characters, line and paragraph separators, U+FEFF and
 * unpaired surrogates. Also valid JSON.
 */
export function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(
    ESCAPE_ALL,
    (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )}"`;
}

/**
 * Does a title need quotes to be read back as it is? The rest of a `title:` line is the
 * title, up to a `%%` comment, without the spaces around it.
 */
export function titleNeedsQuotes(s: string): boolean {
  return (
    s === '' ||
    /^[\s"]|\s$/u.test(s) ||
    s.includes('%%') ||
    /[\t\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/u.test(s)
  );
}

/**
 * Does a label need quotes? The printer quotes every label with white space in it (as the
 * language's examples do: `os "Windows Server"`), and any label the rest-of-line form would
 * read differently (`[`, `#`, `%%`, an empty label, control characters).
 */
export function labelNeedsQuotes(s: string): boolean {
  return titleNeedsQuotes(s) || /[\s[#\]]/u.test(s);
}

/** A label as the printer writes it: bare when it is one plain word, else quoted. */
export const labelText = (s: string): string => (labelNeedsQuotes(s) ? quote(s) : s);

/** A title as the printer writes it: the rest of the line when it reads back the same. */
export const titleText = (s: string): string => (titleNeedsQuotes(s) ? quote(s) : s);

/** An id or a string value: bare when possible, else quoted. */
export const wordText = (s: string): string => (isBare(s) ? s : quote(s));

/** A number as the text writes it (JSON's form; `-0` kept). */
export const numberText = (n: number): string => (Object.is(n, -0) ? '-0' : JSON.stringify(n));

/**
 * A JSON value on one line, as `JSON.stringify` writes it, except that `-0` stays `-0`
 * and line or paragraph separators are escaped (so no editor breaks the line there).
 */
export function jsonText(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : 'null';
  if (typeof v === 'string') return quote(v);
  if (v === null || typeof v === 'boolean') return String(v);
  if (Array.isArray(v))
    return `[${v.map((x) => (x === undefined ? 'null' : jsonText(x))).join(',')}]`;
  if (typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v as object)) {
      if (x === undefined || typeof x === 'function') continue;
      parts.push(`${quote(k)}:${jsonText(x)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

/** JSON's number grammar. */
export const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Longest slug, in code points. */
const MAX_SLUG = 32;

/**
 * The part of a generated id a label gives: NFKC, lower case, letters, marks and digits
 * kept (Hangul too), every other run of characters one `-`, at most 32 code points;
 * `fallback` when nothing is left. `Windows Server 2022` → `windows-server-2022`.
 */
export function slug(label: string, fallback: string): string {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(label) && label.length <= MAX_SLUG) return label;
  const s = label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...s].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return cut === '' ? fallback : cut;
}

/**
 * Generated ids, as the reader gives them and the printer checks them. A node's id is its
 * host line's id, `/`, and the slug of its label (`server-1/esxi/windows-server`); a line
 * at the left edge has the slug alone. The second sibling with the same slug and no `#id`
 * gets `_2`, the third `_3`…. Clusters: `cluster/` and the slug of the label.
 */
export class IdGenerator {
  private readonly seen = new Map<string, number>();

  /**
   * The id a line would get under `parent` (undefined: at the left edge), and its base
   * (the id without a `_2` suffix).
   */
  candidate(
    parent: string | undefined,
    label: string,
    kind: NodeKind | 'cluster'
  ): { id: string; base: string } {
    const base =
      kind === 'cluster'
        ? `cluster/${slug(label, 'cluster')}`
        : (parent === undefined ? '' : `${parent}/`) + slug(label, shortKind(kind));
    const n = this.seen.get(base) ?? 0;
    return { id: n === 0 ? base : `${base}_${n + 1}`, base };
  }

  /** Count a line that took its generated id: the next one with that base gets a suffix. */
  take(base: string): void {
    this.seen.set(base, (this.seen.get(base) ?? 0) + 1);
  }
}

/** The positional id of the k-th edge (1-based) in text order: `e1`, `e2`, …. */
export const edgeId = (k: number): string => `e${k}`;

/**
 * Edit distance with swaps of two neighbours counted as one edit (optimal string
 * alignment), for "did you mean"; small strings only.
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The closest of `options` to `word` (ignoring case), if it is close enough to be a typo. */
export function closest(word: string, options: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  if (w.length > 64) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(w, o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(w.length / 3)) ? best : undefined;
}
