import type { Lang } from '../i18n/lang';
import {
  checkDocument,
  DEFAULT_LIMITS,
  isObject,
  tooLargeError,
  utf8Length,
  type InputError,
  type ReadLimits
} from '../model/read';
import { locateJsonError } from '../model/json-error';
import { NODE_FIELDS, type NodeKind } from '../model/kinds';
import type { DiagramDocument } from '../model/types';
import { EN } from './messages/en';
import { KO } from './messages/ko';
import type { StackErrorCode, StackErrorParams, StackMessageCatalog } from './messages/catalog';
import {
  ALL_KIND_WORDS,
  CLUSTER_ATTRIBUTES,
  CLUSTER_WORDS,
  closest,
  edgeId,
  IdGenerator,
  kindOfWord,
  KNOWN_DOCUMENT_KEYS,
  NODE_ATTRIBUTES,
  NUMBER
} from './syntax';

/**
 * Reading the stack text (docs/stack-language.md) into a document. Every line is read,
 * so all the errors of a text come out at once, each with its line and columns; the
 * document is then held to the JSON reader's checks (`checkDocument`), whose errors are
 * pointed back to the line (and attribute) they come from.
 */

/** Where something is in the text. Lines and columns are 1-based, columns count UTF-16 code units. */
export interface StackSpan {
  line: number;
  column: number;
  /** Column just after the span (exclusive). */
  endColumn: number;
  /** Offsets into the text (UTF-16 code units, 0-based, `to` exclusive): for an editor. */
  from: number;
  to: number;
}

export interface StackError extends StackSpan {
  code: StackErrorCode;
  params: StackErrorParams;
  /** What is wrong, in the language asked for. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

export interface StackParseResult {
  ok: boolean;
  /** The document, when `ok`: it passed the JSON reader's checks. */
  document?: DiagramDocument;
  /** Errors in text order (empty when `ok`). */
  errors: StackError[];
  /** Each node's line (the span of its line after the indentation), by node id. */
  nodes: Map<string, StackSpan>;
  /** Each cluster's line, by cluster id. */
  clusters: Map<string, StackSpan>;
}

export interface StackParseOptions {
  /** Language of the error messages (default English). */
  lang?: Lang;
  /** As the JSON reader's: text over `maxBytes` bytes of UTF-8 or with over `maxNodes` nodes is refused. */
  limits?: ReadLimits;
}

export const STACK_CATALOGS: Readonly<Record<Lang, StackMessageCatalog>> = { en: EN, ko: KO };

/** An error's message and hint in `lang` (to show errors again in another language). */
export function renderStackError(
  code: StackErrorCode,
  params: StackErrorParams,
  lang: Lang
): { message: string; hint?: string } {
  const entry = STACK_CATALOGS[lang][code];
  return { message: entry.message(params), hint: entry.hint?.(params) };
}

/** The most errors listed; the rest are counted in a last `more-errors`. */
const MAX_ERRORS = 50;

type Json = unknown;

/** One value of an attribute (a comma-separated list has several). */
interface Item {
  type: 'string' | 'bare' | 'json' | 'ref';
  value: Json;
  span: StackSpan;
  /** `on=#host@edge`: the edge's id or fields. */
  edge?: Item;
}

interface Attribute {
  name: string;
  plus: boolean;
  items: Item[];
  /** No `=` at all. */
  bare: boolean;
  span: StackSpan;
}

interface EdgeDraft {
  source: string | undefined;
  target: string;
  /** Explicit id or fields (`edge=` or `@`). */
  spec?: Item;
  span: StackSpan;
  refSpan?: StackSpan;
}

/** Define a key as data (a key such as `__proto__` stays a plain field). */
function put(obj: Record<string, Json>, key: string, value: Json): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    });
  } else obj[key] = value;
}

const SPACE = /[ \t]/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
/** Characters that end a bare word (an id, a value, an attribute name). */
const BARE_END = /[\s[\]"#,@={}]/;

/**
 * Parse stack text. Never throws: problems come back as errors with line and columns
 * (messages in `options.lang`). A byte-order mark at the start is skipped; lines end
 * with LF, CRLF or CR.
 */
export function parseStack(text: string, options: StackParseOptions = {}): StackParseResult {
  return new Parser(text, options).run();
}

class Parser {
  private readonly lang: Lang;
  private readonly maxNodes: number;
  private readonly maxBytes: number;
  private readonly errors: StackError[] = [];
  private readonly lineStarts: number[] = [];
  private readonly lines: string[] = [];
  private readonly body: string;
  private readonly bom: number;

  // The document being built.
  private readonly settings = new Map<string, { value: Json; span: StackSpan }>();
  private readonly rawNodes: Record<string, Json>[] = [];
  private readonly nodeSpans: StackSpan[] = [];
  private readonly fieldSpans: Map<string, StackSpan>[] = [];
  private readonly edges: EdgeDraft[] = [];
  private readonly rawClusters: Record<string, Json>[] = [];
  private readonly clusterSpans: StackSpan[] = [];
  private readonly memberSpans: StackSpan[][] = [];
  private readonly replicaRefs: { node: number; id: string; span: StackSpan }[] = [];
  private readonly memberRefs: { id: string; span: StackSpan }[] = [];
  /** Every id in use (nodes and clusters share one space), with its line. */
  private readonly ids = new Map<string, number>();
  private readonly gen = new IdGenerator();
  private readonly nodeMap = new Map<string, StackSpan>();
  private readonly clusterMap = new Map<string, StackSpan>();

  // Per line.
  private s = '';
  private lineNo = 0;
  private base = 0;
  private i = 0;

  constructor(text: string, options: StackParseOptions) {
    this.lang = options.lang ?? 'en';
    this.maxNodes = options.limits?.maxNodes ?? DEFAULT_LIMITS.maxNodes;
    this.maxBytes = options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes;
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.body = text;
    const re = /\r\n|\r|\n/g;
    let start = this.bom;
    for (;;) {
      const m = re.exec(text);
      const end = m ? m.index : text.length;
      this.lineStarts.push(start);
      this.lines.push(text.slice(start, end));
      if (!m) break;
      start = m.index + m[0].length;
    }
  }

  run(): StackParseResult {
    if (utf8Length(this.body) > this.maxBytes) {
      this.lineNo = 1;
      this.s = this.lines[0];
      this.base = this.lineStarts[0];
      this.fail(
        'document',
        { reader: tooLargeError(utf8Length(this.body), this.maxBytes).msg },
        0,
        0
      );
      return this.result();
    }
    let indentStyle: { style: 'tab' | 'space'; line: number } | undefined;
    const open: { kind: 'node' | 'cluster'; id: string | undefined }[] = [];
    let seenNode = false;
    /** The level of the last node or cluster line, as written. */
    let above = 0;
    for (let n = 0; n < this.lines.length; n++) {
      this.s = this.lines[n];
      this.lineNo = n + 1;
      this.base = this.lineStarts[n];
      const ws = /^[ \t]*/.exec(this.s)![0];
      this.i = ws.length;
      if (this.i === this.s.length || this.s.startsWith('%%', this.i)) continue;

      // Indentation: two spaces or one tab a level, one way in the whole block.
      let level = 0;
      if (ws.length) {
        const hasTab = ws.includes('\t');
        const hasSpace = ws.includes(' ');
        if (hasTab && hasSpace) {
          this.fail('mixed-indent', {}, 0, ws.length);
          level = ws.replace(/ {2}/g, '\t').replace(/ /g, '').length;
        } else {
          const style = hasTab ? 'tab' : 'space';
          if (indentStyle && indentStyle.style !== style) {
            this.fail('mixed-indent', { style, otherLine: indentStyle.line }, 0, ws.length);
          } else indentStyle ??= { style, line: this.lineNo };
          if (style === 'space' && ws.length % 2 === 1) {
            this.fail('odd-indent', { count: ws.length }, 0, ws.length);
          }
          level = style === 'tab' ? ws.length : Math.floor(ws.length / 2);
        }
      }

      const setting = /^(\+?(?:"(?:[^"\\]|\\.)*"|[^\s:"[#]+)):/.exec(this.s.slice(this.i));
      if (setting) {
        if (level > 0) this.fail('indented-setting', { word: `${setting[1]}:` }, 0, ws.length);
        this.readSetting(setting[1], seenNode);
        continue;
      }

      const written = level;
      const wordStart = this.i;
      const word = /^[^\s[#"]+/.exec(this.s.slice(this.i))?.[0] ?? this.s[this.i];
      this.i += word.length;
      const isCluster = CLUSTER_WORDS.includes(word.toLowerCase());
      const kind = isCluster ? undefined : kindOfWord(word);
      if (!isCluster && !kind) {
        this.fail(
          'unknown-kind',
          { word, suggestion: suggestKind(word) },
          wordStart,
          wordStart + word.length
        );
      }
      if (level > 0 && !seenNode) {
        this.fail('indented-first', {}, 0, ws.length);
        level = 0;
      }
      if (level > open.length) {
        // Measured against the line above as written (its level before any clamping): a
        // line no deeper than one level below it only inherits that line's error.
        if (level > above + 1) this.fail('deep-indent', { count: level - above }, 0, ws.length);
        level = open.length;
      }
      if (isCluster && level > 0) {
        this.fail('indented-setting', { word }, 0, ws.length);
        level = 0;
      }
      open.length = level;
      let parent = level > 0 ? open[level - 1] : undefined;
      if (parent?.kind === 'cluster') {
        this.fail('under-cluster', {}, 0, ws.length);
        parent = undefined;
      }
      seenNode = true;
      above = written;
      const span = this.span(ws.length, this.s.length);
      if (isCluster) {
        open.push({ kind: 'cluster', id: this.readCluster(span) });
      } else if (kind) {
        const id = this.readNode(kind, parent, span);
        open.push({ kind: 'node', id });
        if (this.rawNodes.length > this.maxNodes) {
          this.fail(
            'document',
            { reader: { key: 'tooManyNodes', count: this.rawNodes.length, limit: this.maxNodes } },
            wordStart,
            wordStart + word.length
          );
          return this.result();
        }
      } else {
        // An unknown kind: what is indented under it is read, but runs on nothing.
        this.readRest({ allowed: NODE_ATTRIBUTES });
        open.push({ kind: 'node', id: undefined });
      }
    }
    this.resolve();
    if (this.errors.length) return this.result();
    return this.check();
  }

  // ---- errors and spans ----

  private span(from: number, to: number, line = this.lineNo, base = this.base): StackSpan {
    return { line, column: from + 1, endColumn: to + 1, from: base + from, to: base + to };
  }

  private fail(code: StackErrorCode, params: StackErrorParams, from: number, to: number): void {
    this.failAt(code, params, this.span(from, Math.max(to, from + (from < this.s.length ? 1 : 0))));
  }

  private failAt(code: StackErrorCode, params: StackErrorParams, span: StackSpan): void {
    this.errors.push({ ...span, code, params, ...renderStackError(code, params, this.lang) });
  }

  private result(document?: DiagramDocument): StackParseResult {
    const errors = [...this.errors].sort((a, b) => a.from - b.from || a.to - b.to);
    if (errors.length > MAX_ERRORS) {
      const rest = errors.length - MAX_ERRORS;
      const last = errors[MAX_ERRORS - 1];
      errors.length = MAX_ERRORS;
      const params = { count: rest };
      errors.push({
        ...last,
        code: 'more-errors',
        params,
        ...renderStackError('more-errors', params, this.lang)
      });
    }
    return {
      ok: document !== undefined,
      document,
      errors,
      nodes: this.nodeMap,
      clusters: this.clusterMap
    };
  }

  // ---- lexing within a line ----

  private skipSpace(): void {
    while (isSpace(this.s[this.i])) this.i++;
  }

  private atComment(): boolean {
    return this.s.startsWith('%%', this.i);
  }

  /** A quoted string at `i` (on `"`); undefined after reporting an unclosed quote. */
  private readQuoted(): string | undefined {
    const start = this.i;
    let out = '';
    let j = start + 1;
    while (j < this.s.length) {
      const c = this.s[j];
      if (c === '"') {
        this.i = j + 1;
        return out;
      }
      if (c === '\\' && j + 1 < this.s.length) {
        const e = this.s[j + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          n: '\n',
          r: '\r',
          t: '\t',
          b: '\b',
          f: '\f'
        };
        if (e in simple) {
          out += simple[e];
          j += 2;
          continue;
        }
        const hex = /^u([0-9a-fA-F]{4})/.exec(this.s.slice(j + 1, j + 6));
        if (hex) {
          out += String.fromCharCode(parseInt(hex[1], 16));
          j += 6;
          continue;
        }
        // Any other backslash is itself (a Windows path in quotes reads as written).
      }
      out += c;
      j++;
    }
    this.fail('unclosed-quote', {}, start, this.s.length);
    this.i = this.s.length;
    return undefined;
  }

  /** A bare word at `i`, up to white space, a delimiter or `%%`. */
  private readBare(): string {
    const start = this.i;
    while (
      this.i < this.s.length &&
      !BARE_END.test(this.s[this.i]) &&
      !this.s.startsWith('%%', this.i)
    )
      this.i++;
    return this.s.slice(start, this.i);
  }

  /** An id after `#` (at `i`, just past the `#`): quoted or bare. */
  private readId(hashAt: number): string | undefined {
    if (this.s[this.i] === '"') return this.readQuoted();
    const id = this.readBare();
    if (id === '') {
      this.fail('empty-id', {}, hashAt, hashAt + 1);
      return undefined;
    }
    return id;
  }

  /** JSON in `{ }` or `[ ]` starting at `i`, scanned to its matching end on this line. */
  private readJson(): Item | undefined {
    const start = this.i;
    let depth = 0;
    let j = start;
    let inString = false;
    for (; j < this.s.length; j++) {
      const c = this.s[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    const raw = this.s.slice(start, Math.min(j + 1, this.s.length));
    this.i = Math.min(j + 1, this.s.length);
    try {
      return { type: 'json', value: JSON.parse(raw), span: this.span(start, this.i) };
    } catch {
      // Why, in the reader's words and the text's language (not JSON.parse's English, whose
      // "line 1 column 2" counts inside the value).
      const problem = depth > 0 ? undefined : locateJsonError(raw)?.problem;
      this.fail(
        'bad-json',
        { word: short(raw), json: problem, unclosed: depth > 0 },
        start,
        this.i
      );
      return undefined;
    }
  }

  /** One value: quoted, JSON, `#ref` (with `@edge`), or bare. */
  private readItem(): Item | undefined {
    const start = this.i;
    const c = this.s[this.i];
    if (c === '"') {
      const v = this.readQuoted();
      return v === undefined
        ? undefined
        : { type: 'string', value: v, span: this.span(start, this.i) };
    }
    if (c === '{' || c === '[') return this.readJson();
    if (c === '#') {
      this.i++;
      const id = this.readId(start);
      if (id === undefined) return undefined;
      const item: Item = { type: 'ref', value: id, span: this.span(start, this.i) };
      if (this.s[this.i] === '@') {
        this.i++;
        const at = this.i;
        const e = this.readItem();
        if (e && (e.type === 'ref' || (e.type === 'bare' && e.value === ''))) {
          this.fail('unexpected-text', { word: this.s.slice(at - 1, this.i) }, at - 1, this.i);
        } else if (e) item.edge = e;
      }
      return item;
    }
    const v = this.readBare();
    return { type: 'bare', value: v, span: this.span(start, this.i) };
  }

  /** `[name=value …]` at `i` (on `[`); undefined for an unclosed bracket. */
  private readAttributes(): Attribute[] | undefined {
    const open = this.i;
    this.i++;
    const out: Attribute[] = [];
    // An unclosed quote or JSON value inside took the rest of the line, `]` included: its
    // own error says so, and "[ is not closed" would only point away from it.
    let swallowed = false;
    for (;;) {
      this.skipSpace();
      if (this.i >= this.s.length || this.atComment()) {
        if (!swallowed) this.fail('unclosed-bracket', {}, open, open + 1);
        this.i = this.s.length;
        return undefined;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      const start = this.i;
      const plus = this.s[this.i] === '+';
      if (plus) this.i++;
      let name: string | undefined;
      const quoted = this.s[this.i] === '"';
      if (quoted) name = this.readQuoted();
      else name = this.readBare();
      if (name === undefined) return undefined;
      // `+""=…` is a field whose name is empty (JSON allows it); anything else needs a name.
      if (name === '' && !(plus && quoted)) {
        // No name: `""`, a lone `+`, or a character no name starts with (then skip it).
        if (this.i === start) this.i++;
        this.fail('unexpected-text', { word: this.s.slice(start, this.i) }, start, this.i);
        continue;
      }
      this.skipSpace();
      const attr: Attribute = { name, plus, items: [], bare: true, span: this.span(start, this.i) };
      if (this.s[this.i] === '=') {
        attr.bare = false;
        this.i++;
        this.skipSpace();
        let broken = false;
        for (;;) {
          const item = this.readItem();
          // A value that could not be read has its error already: the attribute is left
          // out, so no second error ("has no value") follows it.
          if (item === undefined) {
            broken = true;
            if (this.i >= this.s.length) swallowed = true;
          } else if (!(item.type === 'bare' && item.value === '')) attr.items.push(item);
          if (this.s[this.i] !== ',') break;
          this.i++;
        }
        attr.span = this.span(start, this.i);
        if (broken) continue;
      }
      out.push(attr);
    }
  }

  /**
   * After the kind word: a label (quoted, or the rest of the line up to `[`, ` #` or
   * `%%`), an optional `#id`, attributes, a comment.
   */
  private readRest(opts: { allowed: readonly string[] }): {
    label: string | undefined;
    labelQuoted: boolean;
    id?: { value: string; span: StackSpan };
    attrs: Attribute[];
  } {
    const attrs: Attribute[] = [];
    let label: string | undefined;
    let labelQuoted = false;
    let id: { value: string; span: StackSpan } | undefined;
    this.skipSpace();
    if (this.s[this.i] === '"') {
      label = this.readQuoted();
      labelQuoted = true;
    } else {
      const start = this.i;
      let j = start;
      while (j < this.s.length) {
        const c = this.s[j];
        if (c === '[' || this.s.startsWith('%%', j)) break;
        if (c === '#' && (j === start || isSpace(this.s[j - 1]))) break;
        j++;
      }
      const text = this.s.slice(start, j).replace(/[ \t]+$/, '');
      if (text !== '') label = text;
      this.i = j;
    }
    for (;;) {
      this.skipSpace();
      if (this.i >= this.s.length || this.atComment()) break;
      const c = this.s[this.i];
      if (c === '#') {
        const at = this.i;
        this.i++;
        const v = this.readId(at);
        if (v === undefined) continue;
        if (id) this.fail('duplicate-attribute', { word: '#id' }, at, this.i);
        else id = { value: v, span: this.span(at, this.i) };
      } else if (c === '[') {
        const list = this.readAttributes();
        if (list) attrs.push(...list);
      } else {
        const start = this.i;
        const rest = this.s
          .slice(start)
          .split('%%')[0]
          .replace(/[ \t]+$/, '');
        this.fail('unexpected-text', { word: short(rest) }, start, start + rest.length);
        this.i = start + rest.length;
      }
    }
    // Unknown and repeated attributes (on= may repeat).
    const seen = new Map<string, Attribute>();
    for (const a of attrs) {
      if (a.plus) continue;
      if (!opts.allowed.includes(a.name)) {
        this.failAt(
          'unknown-attribute',
          { word: a.name, suggestion: closest(a.name, opts.allowed), allowed: opts.allowed },
          a.span
        );
        continue;
      }
      if (seen.has(a.name) && a.name !== 'on') {
        this.failAt('duplicate-attribute', { word: a.name }, a.span);
        continue;
      }
      seen.set(a.name, a);
    }
    return { label, labelQuoted, id, attrs };
  }

  // ---- lines ----

  private readSetting(keyText: string, afterNode: boolean): void {
    const keyStart = this.i;
    this.i += keyText.length + 1;
    const plus = keyText.startsWith('+');
    let key = plus ? keyText.slice(1) : keyText;
    if (key.startsWith('"')) {
      const save = this.i;
      this.i = keyStart + (plus ? 1 : 0);
      key = this.readQuoted() ?? key;
      this.i = save;
    }
    const keySpan = this.span(keyStart, keyStart + keyText.length + 1);
    const word = `${keyText}:`;
    if (afterNode) this.failAt('setting-after-node', { word }, keySpan);
    this.skipSpace();
    let value: Json;
    const valueStart = this.i;
    const c = this.s[this.i];
    if (c === '"') {
      value = this.readQuoted();
      if (value === undefined) return;
    } else if (key !== 'title' && (c === '{' || c === '[')) {
      const item = this.readJson();
      if (!item) return;
      value = item.value;
    } else {
      const text = this.s
        .slice(this.i)
        .split('%%')[0]
        .replace(/[ \t]+$/, '');
      this.i += text.length;
      value =
        key === 'title' && !plus
          ? text
          : text === 'true' || text === 'false' || text === 'null' || NUMBER.test(text)
            ? JSON.parse(text)
            : text;
    }
    this.skipSpace();
    if (this.i < this.s.length && !this.atComment()) {
      const rest = this.s
        .slice(this.i)
        .split('%%')[0]
        .replace(/[ \t]+$/, '');
      this.fail('unexpected-text', { word: short(rest) }, this.i, this.i + rest.length);
    }
    const span = this.span(keyStart, Math.max(this.i, valueStart));
    const name = plus ? `+${key}` : key;
    const known = ['title', 'version', 'clusters'];
    if (plus ? KNOWN_DOCUMENT_KEYS.has(key) : !known.includes(key)) {
      this.failAt(
        'unknown-setting',
        { word: name, suggestion: closest(plus ? key : name, known) },
        keySpan
      );
      return;
    }
    if (key === 'clusters' && !plus && !(Array.isArray(value) && value.length === 0)) {
      this.failAt('bad-value', { word: 'clusters:', allowed: ['[]'] }, span);
      return;
    }
    const before = this.settings.get(key);
    if (before) {
      this.failAt('duplicate-setting', { word, otherLine: before.span.line }, keySpan);
      return;
    }
    this.settings.set(key, { value, span });
  }

  /** Take an id for a line (explicit, or generated from the path), reporting a clash. */
  private claimId(
    explicit: { value: string; span: StackSpan } | undefined,
    parent: string | undefined,
    label: string,
    kind: NodeKind | 'cluster',
    lineSpan: StackSpan
  ): string {
    const { id: candidate, base } = this.gen.candidate(parent, label, kind);
    const id = explicit?.value ?? candidate;
    if (id === candidate) this.gen.take(base);
    const other = this.ids.get(id);
    if (other !== undefined) {
      this.failAt(
        'duplicate-id',
        { word: id, otherLine: other, generated: explicit === undefined },
        explicit?.span ?? lineSpan
      );
    } else this.ids.set(id, this.lineNo);
    return id;
  }

  private readNode(
    kind: NodeKind,
    parent: { id: string | undefined } | undefined,
    span: StackSpan
  ): string {
    const { label = '', id: explicit, attrs } = this.readRest({ allowed: NODE_ATTRIBUTES });
    const parentId = parent?.id;
    const id = this.claimId(explicit, parent ? (parentId ?? '?') : undefined, label, kind, span);
    const node: Record<string, Json> = {};
    put(node, 'id', id);
    put(node, 'kind', kind);
    put(node, 'label', label);
    const spans = new Map<string, StackSpan>();
    const index = this.rawNodes.length;
    const byName = new Map<string, Attribute>();
    for (const a of attrs) if (!a.plus && !byName.has(a.name)) byName.set(a.name, a);

    const single = (a: Attribute): Item | undefined => {
      if (a.bare || a.items.length === 0) {
        this.failAt('missing-value', { word: a.name }, a.span);
        return undefined;
      }
      if (a.items.length > 1) {
        const extra = a.items[1].span;
        this.failAt(
          'unexpected-text',
          { word: ',' },
          { ...extra, column: extra.column - 1, from: extra.from - 1 }
        );
        return undefined;
      }
      return a.items[0];
    };
    const oneOf = (a: Attribute, allowed: readonly string[], numbers = false): Json => {
      const item = single(a);
      if (!item) return undefined;
      const text = item.type === 'json' ? undefined : String(item.value);
      if (text === undefined || !allowed.includes(text)) {
        this.failAt('bad-value', { word: a.name, allowed }, item.span);
        return undefined;
      }
      return numbers ? Number(text) : text;
    };
    const number = (a: Attribute, min: number, range: string): number | undefined => {
      const item = single(a);
      if (!item) return undefined;
      const text = item.type === 'bare' ? String(item.value) : '';
      const v = NUMBER.test(text) ? Number(text) : NaN;
      if (!(Number.isFinite(v) && v >= min && (min >= 0 || v <= -min))) {
        this.failAt('bad-number', { word: a.name, range }, item.span);
        return undefined;
      }
      return v;
    };
    const field = (name: string, a: Attribute, v: Json) => {
      spans.set(name, a.span);
      if (v !== undefined) put(node, name, v);
    };

    for (const name of NODE_FIELDS) {
      const a = byName.get(name);
      if (!a) continue;
      if (name === 'product') {
        const item = single(a);
        if (item && item.type !== 'string' && item.type !== 'bare') {
          this.failAt('bad-value', { word: 'product', allowed: ['"text"'] }, item.span);
        } else if (item) field(name, a, String(item.value));
      } else if (name === 'hypervisorType') field(name, a, oneOf(a, ['1', '2'], true));
      else if (name === 'expect') field(name, a, oneOf(a, ['type1', 'type2', 'dedicated']));
      else if (name === 'protection') field(name, a, oneOf(a, ['ha', 'ft']));
      else if (name === 'replicaOf') {
        const item = single(a);
        if (item && item.type !== 'json' && !item.edge) {
          field(name, a, String(item.value));
          this.replicaRefs.push({ node: index, id: String(item.value), span: item.span });
        } else if (item)
          this.failAt('bad-value', { word: 'replicaOf', allowed: ['#id'] }, item.span);
      } else field(name, a, number(a, 0, '≥ 0'));
    }
    const x = byName.get('x');
    const y = byName.get('y');
    const position = byName.get('position');
    if (x || y) {
      if (!x || !y) this.failAt('half-position', { word: x ? 'x' : 'y' }, (x ?? y)!.span);
      else {
        const range = '-1000000 … 1000000';
        const px = number(x, -1_000_000, range);
        const py = number(y, -1_000_000, range);
        if (px !== undefined && py !== undefined) field('position', x, { x: px, y: py });
      }
      if (position) this.failAt('duplicate-attribute', { word: 'position' }, position.span);
    } else if (position) {
      const item = single(position);
      if (item && item.type === 'json') field('position', position, item.value);
      else if (item)
        this.failAt('bad-value', { word: 'position', allowed: ['{"x": …, "y": …}'] }, item.span);
    }
    for (const a of attrs) {
      if (!a.plus) continue;
      const item = single(a);
      if (!item) continue;
      if (KNOWN_NODE_FIELD_NAMES.has(a.name)) {
        this.failAt(
          'unknown-attribute',
          { word: `+${a.name}`, suggestion: a.name, allowed: NODE_ATTRIBUTES },
          a.span
        );
        continue;
      }
      if (Object.hasOwn(node, a.name)) {
        this.failAt('duplicate-attribute', { word: `+${a.name}` }, a.span);
        continue;
      }
      spans.set(a.name, a.span);
      put(node, a.name, looseValue(item));
    }

    // Edges: the line it is indented under, then on=, in order.
    if (parent && parentId !== undefined) {
      const e = byName.get('edge');
      this.edges.push({
        source: parentId,
        target: id,
        spec: e ? single(e) : undefined,
        span: e?.span ?? span
      });
    } else if (byName.has('edge')) {
      const e = byName.get('edge')!;
      this.failAt('unexpected-text', { word: 'edge' }, e.span);
    }
    const hosts = new Set<string>(parentId !== undefined ? [parentId] : []);
    for (const a of attrs) {
      if (a.plus || a.name !== 'on') continue;
      if (a.bare || a.items.length === 0) {
        this.failAt('missing-value', { word: 'on' }, a.span);
        continue;
      }
      for (const item of a.items) {
        if (item.type === 'json') {
          this.failAt('bad-value', { word: 'on', allowed: ['#id'] }, item.span);
          continue;
        }
        const host = String(item.value);
        if (host === id) {
          this.failAt('self-host', { word: host }, item.span);
          continue;
        }
        if (hosts.has(host)) {
          this.failAt('duplicate-host', { word: host }, item.span);
          continue;
        }
        hosts.add(host);
        this.edges.push({
          source: host,
          target: id,
          spec: item.edge,
          span: a.span,
          refSpan: item.span
        });
      }
    }
    this.rawNodes.push(node);
    this.nodeSpans.push(span);
    this.fieldSpans.push(spans);
    if (!this.nodeMap.has(id)) this.nodeMap.set(id, span);
    return id;
  }

  private readCluster(span: StackSpan): string {
    const { label, id: explicit, attrs } = this.readRest({ allowed: CLUSTER_ATTRIBUTES });
    const id = this.claimId(explicit, undefined, label ?? '', 'cluster', span);
    const cluster: Record<string, Json> = {};
    put(cluster, 'id', id);
    if (label !== undefined) put(cluster, 'label', label);
    const members: string[] = [];
    const memberSpans: StackSpan[] = [];
    put(cluster, 'members', members);
    for (const a of attrs) {
      if (a.plus) {
        if (a.bare || a.items.length !== 1) {
          this.failAt('missing-value', { word: `+${a.name}` }, a.span);
        } else if (['id', 'label', 'members', 'ha'].includes(a.name)) {
          this.failAt(
            'unknown-attribute',
            { word: `+${a.name}`, suggestion: a.name, allowed: CLUSTER_ATTRIBUTES },
            a.span
          );
        } else put(cluster, a.name, looseValue(a.items[0]));
      } else if (a.name === 'members') {
        if (a.items.length === 0) this.failAt('missing-value', { word: 'members' }, a.span);
        for (const item of a.items) {
          if (item.type === 'json' || item.edge) {
            this.failAt('bad-value', { word: 'members', allowed: ['#id'] }, item.span);
            continue;
          }
          members.push(String(item.value));
          memberSpans.push(item.span);
          this.memberRefs.push({ id: String(item.value), span: item.span });
        }
      } else if (a.name === 'ha') {
        const v = a.bare ? 'true' : a.items.length === 1 ? String(a.items[0].value) : '';
        if (v !== 'true' && v !== 'false')
          this.failAt('bad-value', { word: 'ha', allowed: ['true', 'false'] }, a.span);
        else put(cluster, 'ha', v === 'true');
      }
    }
    this.rawClusters.push(cluster);
    this.clusterSpans.push(span);
    this.memberSpans.push(memberSpans);
    if (!this.clusterMap.has(id)) this.clusterMap.set(id, span);
    return id;
  }

  // ---- after the last line ----

  /** References to ids, now that every line has its id. */
  private resolve(): void {
    const nodeIds = new Set(this.rawNodes.map((n) => n.id as string));
    const missing = (id: string, span: StackSpan, role: 'host' | 'replica' | 'member') => {
      if (nodeIds.has(id)) return false;
      this.failAt('missing-ref', { word: id, role, suggestion: closest(id, nodeIds) }, span);
      return true;
    };
    for (const e of this.edges) {
      if (e.refSpan && e.source !== undefined) missing(e.source, e.refSpan, 'host');
    }
    for (const r of this.replicaRefs) missing(r.id, r.span, 'replica');
    for (const m of this.memberRefs) missing(m.id, m.span, 'member');
  }

  /** Build the document and hold it to the JSON reader's checks. */
  private check(): StackParseResult {
    const doc: Record<string, Json> = {};
    put(doc, 'version', this.settings.get('version')?.value ?? 1);
    const title = this.settings.get('title');
    if (title) put(doc, 'title', title.value);
    for (const [key, { value }] of this.settings) {
      if (key !== 'version' && key !== 'title' && key !== 'clusters') put(doc, key, value);
    }
    put(doc, 'nodes', this.rawNodes);
    const edges: Record<string, Json>[] = this.edges.map((e, k) => {
      const edge: Record<string, Json> = {};
      const spec = e.spec;
      const fields = spec?.type === 'json' ? spec.value : undefined;
      if (fields !== undefined && !isObject(fields)) {
        this.failAt('bad-value', { word: 'edge', allowed: ['id', '{"id": …}'] }, spec!.span);
      }
      const object = isObject(fields) ? fields : undefined;
      const id = object ? object.id : spec ? String(spec.value) : undefined;
      put(edge, 'id', id ?? edgeId(k + 1));
      put(edge, 'source', e.source);
      put(edge, 'target', e.target);
      for (const [key, v] of Object.entries(object ?? {})) {
        if (key === 'source' || key === 'target') {
          this.failAt('bad-value', { word: 'edge', allowed: ['{"id": …}'] }, spec!.span);
        } else if (key !== 'id') put(edge, key, v);
      }
      return edge;
    });
    put(doc, 'edges', edges);
    if (this.settings.has('clusters') || this.rawClusters.length)
      put(doc, 'clusters', this.rawClusters);
    if (this.errors.length) return this.result();

    const read = checkDocument(doc, true);
    if (read.ok) return this.result(read.document);
    for (const e of read.errors) this.readerError(e);
    return this.result();
  }

  /** Point a reader error back to the text. */
  private readerError(e: InputError): void {
    const params = { reader: e.msg };
    const m = /^\$\.(nodes|edges|clusters)\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?/.exec(e.path);
    let span: StackSpan | undefined;
    if (m) {
      const i = Number(m[2]);
      if (m[1] === 'nodes') span = this.fieldSpans[i]?.get(m[3] ?? '') ?? this.nodeSpans[i];
      else if (m[1] === 'edges') span = this.edges[i]?.refSpan ?? this.edges[i]?.span;
      else if (m[3] === 'members' && m[4] !== undefined) span = this.memberSpans[i]?.[Number(m[4])];
      span ??= this.clusterSpans[i];
    } else {
      const key = /^\$(?:\.(\w+)|\["(.*)"\])/.exec(e.path);
      span = key ? this.settings.get(key[1] ?? key[2])?.span : undefined;
    }
    this.failAt('document', params, span ?? this.span(0, 0, 1, this.bom));
  }
}

const KNOWN_NODE_FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'label',
  ...NODE_FIELDS,
  'position'
]);

/** A `+name` value: quoted text, JSON, or a bare word read as a JSON literal when it is one. */
function looseValue(item: Item): Json {
  if (item.type !== 'bare') return item.value;
  const t = String(item.value);
  return t === 'true' || t === 'false' || t === 'null' || NUMBER.test(t) ? JSON.parse(t) : t;
}

/** Words people write for a kind, and the kind word they mean. */
const KIND_HINTS: Record<string, string> = {
  vm: 'os',
  guest: 'os',
  docker: 'ct',
  app: 'svc',
  bios: 'fw',
  uefi: 'fw',
  server: 'hw',
  machine: 'hw'
};

function suggestKind(word: string): string | undefined {
  return KIND_HINTS[word.toLowerCase()] ?? closest(word, ALL_KIND_WORDS);
}

/** A piece of text for a message, at most 40 characters. */
function short(s: string): string {
  const cp = [...s];
  return cp.length > 40 ? `${cp.slice(0, 40).join('')}…` : s;
}
