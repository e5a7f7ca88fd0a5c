import type { Lang } from '../i18n/lang';

/**
 * The reader's input-error messages, in English and Korean. A reader error carries its message
 * as a key and parameters (`InputError.msg`); `renderInputError` renders it in a language. Both
 * catalogs have the type `ReaderCatalog`, so a message missing from either is a compile error.
 * Errors without a key (rare shapes: clusters, protection, capacity) keep their English text.
 */

/** A value the reader found where it wanted another, described for a message. */
export type Got =
  | { t: 'null' }
  | { t: 'array' }
  | { t: 'object' }
  | { t: 'empty' }
  | { t: 'string'; s: string }
  | { t: 'number' | 'boolean' | 'other'; s: string; type: string };

/** The node or edge an error is about: ` (node "x")`. */
export type Owner = { what: 'node' | 'edge'; id: string } | undefined;

/** Every message with a key, with its parameters. */
export type ReaderMessage =
  | { key: 'notJson'; empty?: boolean; line?: number; column?: number; reason?: string }
  | { key: 'rootNotObject'; got: Got }
  | { key: 'versionNotNumber'; expected: number; got: Got }
  | { key: 'unsupportedVersion'; version: number; expected: number }
  | { key: 'nodesMissing' }
  | { key: 'notArray'; field: string; got: Got }
  | { key: 'itemNotObject'; what: 'node' | 'edge'; got: Got }
  | { key: 'fieldMissing'; field: string; owner: Owner }
  | { key: 'fieldNotString'; field: string; got: Got; owner: Owner }
  | { key: 'fieldEmpty'; field: string; owner: Owner }
  | { key: 'unknownKind'; kind: string; owner: Owner; kinds: readonly string[] }
  | { key: 'duplicateId'; what: 'node' | 'edge'; id: string; first: number }
  | { key: 'missingNode'; field: 'source' | 'target'; ref: string; owner: Owner }
  | { key: 'selfLoop'; node: string; owner: Owner }
  | { key: 'tooLarge'; size?: string; limit: string; bytes?: number; maxBytes?: number }
  | { key: 'tooManyNodes'; count: number; limit: number }
  | { key: 'tooDeep'; max: number; path: string; owner: Owner }
  | { key: 'svgWithoutDocument' }
  | { key: 'notUtf8'; offset: number; line: number; reason: string }
  | { key: 'noBom'; offset: number }
  | { key: 'utf32' }
  | { key: 'moreErrors'; rest: number };

export type ReaderMessageKey = ReaderMessage['key'];

/** One language's messages: one function per key, plus how values and owners are named. */
export type ReaderCatalog = {
  [K in ReaderMessageKey]: (m: Extract<ReaderMessage, { key: K }>) => string;
} & { got(g: Got): string; who(o: Owner): string };

const q = (s: string) => JSON.stringify(s);

const en: ReaderCatalog = {
  got: (g) =>
    g.t === 'null'
      ? 'null'
      : g.t === 'array'
        ? 'an array'
        : g.t === 'object'
          ? 'an object'
          : g.t === 'empty'
            ? 'an empty string'
            : g.t === 'string'
              ? `the string ${q(g.s)}`
              : `${g.type} ${g.s}`,
  who: (o) => (o ? ` (${o.what} ${q(o.id)})` : ''),
  notJson: (m) =>
    m.empty
      ? 'not valid JSON: the input is empty'
      : m.line !== undefined
        ? `not valid JSON at line ${m.line}, column ${m.column}: ${m.reason}`
        : 'not valid JSON',
  rootNotObject: (m) =>
    `the document must be a JSON object with "nodes" and "edges", but it is ${en.got(m.got)}`,
  versionNotNumber: (m) => `"version" must be the number ${m.expected}, but it is ${en.got(m.got)}`,
  unsupportedVersion: (m) =>
    `unsupported version ${m.version}: this stackdraw reads version ${m.expected}${
      m.version > m.expected ? ' (the file was written by a newer stackdraw)' : ''
    }`,
  nodesMissing: () => '"nodes" is missing: a document needs a "nodes" array',
  notArray: (m) => `"${m.field}" must be an array, but it is ${en.got(m.got)}`,
  itemNotObject: (m) => `each ${m.what} must be an object, but this one is ${en.got(m.got)}`,
  fieldMissing: (m) => `"${m.field}" is missing${en.who(m.owner)}`,
  fieldNotString: (m) =>
    `"${m.field}" must be a string, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  fieldEmpty: (m) => `"${m.field}" is empty${en.who(m.owner)}`,
  unknownKind: (m) =>
    `unknown kind ${q(m.kind)}${en.who(m.owner)}: use one of ${m.kinds.join(', ')}`,
  duplicateId: (m) => `duplicate ${m.what} id ${q(m.id)}: $.${m.what}s[${m.first}] already uses it`,
  missingNode: (m) => `${m.field} ${q(m.ref)}${en.who(m.owner)} names a node that does not exist`,
  selfLoop: (m) =>
    `edge${en.who(m.owner)} goes from node ${q(m.node)} to itself: a layer cannot run on itself`,
  tooLarge: (m) =>
    m.size === undefined
      ? `the input is larger than the limit of ${m.limit}`
      : `the input is ${m.size}${m.bytes !== undefined ? ` (${m.bytes} bytes)` : ''}, over the limit of ${m.limit}${m.maxBytes !== undefined ? ` (${m.maxBytes} bytes)` : ''}`,
  tooManyNodes: (m) => `the document has ${m.count} nodes, over the limit of ${m.limit}`,
  tooDeep: (m) =>
    `nested more than ${m.max} levels deep${m.owner ? ` (in ${m.owner.what} ${q(m.owner.id)})` : ''}: stackdraw reads documents nested up to ${m.max} levels`,
  svgWithoutDocument: () =>
    'this SVG holds no stackdraw document (no <metadata id="stackdraw-document">): only SVGs exported by stackdraw can be opened',
  notUtf8: (m) =>
    `not valid UTF-8 at byte offset ${m.offset} (line ${m.line}): ${m.reason}; the file may be in another encoding (Latin-1, Windows-1252, EUC-KR…): save it as UTF-8`,
  noBom: (m) =>
    `a NUL byte at byte offset ${m.offset} (line 1): this file looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8`,
  utf32: () => 'this file is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8',
  moreErrors: (m) => `… and ${m.rest} more input errors`
};

const ko: ReaderCatalog = {
  got: (g) =>
    g.t === 'null'
      ? 'null'
      : g.t === 'array'
        ? '배열'
        : g.t === 'object'
          ? '객체'
          : g.t === 'empty'
            ? '빈 문자열'
            : g.t === 'string'
              ? `문자열 ${q(g.s)}`
              : g.t === 'number'
                ? `숫자 ${g.s}`
                : g.t === 'boolean'
                  ? `참/거짓 값 ${g.s}`
                  : `${g.type} ${g.s}`,
  who: (o) => (o ? ` (${o.what === 'node' ? '노드' : '연결선'} ${q(o.id)})` : ''),
  notJson: (m) =>
    m.empty
      ? '올바른 JSON이 아닙니다: 입력이 비어 있습니다'
      : m.line !== undefined
        ? `올바른 JSON이 아닙니다 (${m.line}행 ${m.column}열): ${m.reason}`
        : '올바른 JSON이 아닙니다',
  rootNotObject: (m) =>
    `문서는 "nodes"와 "edges"가 있는 JSON 객체여야 하는데 ${ko.got(m.got)}입니다`,
  versionNotNumber: (m) => `"version"은 숫자 ${m.expected}이어야 하는데 ${ko.got(m.got)}입니다`,
  unsupportedVersion: (m) =>
    `지원하지 않는 버전 ${m.version}: 이 stackdraw는 버전 ${m.expected}을 읽습니다${
      m.version > m.expected ? ' (더 새로운 stackdraw로 만든 파일입니다)' : ''
    }`,
  nodesMissing: () => '"nodes"가 없습니다: 문서에는 "nodes" 배열이 있어야 합니다',
  notArray: (m) => `"${m.field}"는 배열이어야 하는데 ${ko.got(m.got)}입니다`,
  itemNotObject: (m) =>
    `${m.what === 'node' ? '노드' : '연결선'}는 객체여야 하는데 이것은 ${ko.got(m.got)}입니다`,
  fieldMissing: (m) => `"${m.field}"가 없습니다${ko.who(m.owner)}`,
  fieldNotString: (m) =>
    `"${m.field}"는 문자열이어야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  fieldEmpty: (m) => `"${m.field}"가 비어 있습니다${ko.who(m.owner)}`,
  unknownKind: (m) =>
    `알 수 없는 종류 ${q(m.kind)}${ko.who(m.owner)}: ${m.kinds.join(', ')} 중 하나를 쓰세요`,
  duplicateId: (m) =>
    `${m.what === 'node' ? '노드' : '연결선'} id ${q(m.id)}가 중복됩니다: $.${m.what}s[${m.first}]가 이미 쓰고 있습니다`,
  missingNode: (m) => `${m.field} ${q(m.ref)}${ko.who(m.owner)}: 그런 노드가 없습니다`,
  selfLoop: (m) =>
    `연결선${ko.who(m.owner)}이 노드 ${q(m.node)}에서 자기 자신으로 갑니다: 계층은 자기 위에서 실행될 수 없습니다`,
  tooLarge: (m) =>
    m.size === undefined
      ? `입력이 한도 ${m.limit}보다 큽니다`
      : `입력이 ${m.size}${m.bytes !== undefined ? ` (${m.bytes}바이트)` : ''}로 한도 ${m.limit}${m.maxBytes !== undefined ? ` (${m.maxBytes}바이트)` : ''}를 넘습니다`,
  tooManyNodes: (m) => `문서의 노드가 ${m.count}개로 한도 ${m.limit}개를 넘습니다`,
  tooDeep: (m) =>
    `${m.max}단계보다 깊게 중첩되어 있습니다${m.owner ? ` (${m.owner.what === 'node' ? '노드' : '연결선'} ${q(m.owner.id)})` : ''}: stackdraw는 ${m.max}단계까지 읽습니다`,
  svgWithoutDocument: () =>
    '이 SVG에는 stackdraw 문서가 없습니다 (<metadata id="stackdraw-document"> 없음): stackdraw로 내보낸 SVG만 열 수 있습니다',
  notUtf8: (m) =>
    `바이트 위치 ${m.offset} (${m.line}행)이 올바른 UTF-8이 아닙니다: ${m.reason}; 다른 인코딩(Latin-1, Windows-1252, EUC-KR…)일 수 있습니다: UTF-8로 저장하세요`,
  noBom: (m) =>
    `바이트 위치 ${m.offset} (1행)에 NUL 바이트가 있습니다: 바이트 순서 표시 없는 UTF-16이나 UTF-32 파일로 보입니다; UTF-8로 저장하세요`,
  utf32: () => '이 파일은 UTF-32입니다 (UTF-32 바이트 순서 표시로 시작합니다): UTF-8로 저장하세요',
  moreErrors: (m) => `… 그 밖의 입력 오류 ${m.rest}개`
};

export const READER_CATALOGS: Readonly<Record<Lang, ReaderCatalog>> = { en, ko };

/** A message in one language. */
export function renderReaderMessage(m: ReaderMessage, lang: Lang): string {
  const render = READER_CATALOGS[lang][m.key] as (m: ReaderMessage) => string;
  return render(m);
}

/** The message and its key: `{ msg, message }` with the English text (for an InputError). */
export function keyed(m: ReaderMessage): { msg: ReaderMessage; message: string } {
  return { msg: m, message: renderReaderMessage(m, 'en') };
}

/** A parsed JSON value described for a message (strings over 80 characters shortened). */
export function gotOf(v: unknown): Got {
  if (v === null) return { t: 'null' };
  if (Array.isArray(v)) return { t: 'array' };
  if (typeof v === 'string')
    return v === '' ? { t: 'empty' } : { t: 'string', s: v.length > 80 ? `${v.slice(0, 80)}…` : v };
  if (typeof v === 'object') return { t: 'object' };
  const type = typeof v;
  return { t: type === 'number' || type === 'boolean' ? type : 'other', type, s: String(v) };
}
