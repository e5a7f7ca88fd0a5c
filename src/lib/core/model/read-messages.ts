import type { Lang } from '../i18n/lang';
import { josa } from '../i18n/josa';
import { KIND_SPECS, type NodeKind } from './kinds';

/**
 * The reader's input-error messages, in English and Korean. A reader error carries its message
 * as a key and parameters (`InputError.msg`); `renderInputError` renders it in a language. Both
 * catalogs have the type `ReaderCatalog`, so a message missing from either is a compile error.
 * Every input error the reader, the decoder and the SVG reader produce has a key, and the
 * parts inside a message (why JSON is broken, why bytes are not UTF-8, a size in bytes) are
 * said in the message's language too.
 */

/** A value the reader found where it wanted another, described for a message. */
export type Got =
  | { t: 'null' }
  | { t: 'array' }
  | { t: 'object' }
  | { t: 'empty' }
  | { t: 'string'; s: string }
  | { t: 'number' | 'boolean' | 'other'; s: string; type: string };

/** The node, edge or cluster an error is about: ` (node "x")`. */
export type Owner = { what: 'node' | 'edge' | 'cluster'; id: string } | undefined;

/** Why JSON text is broken, at the place json-error.ts found (`ch`: the character there). */
export type JsonProblem =
  | {
      t:
        | 'empty'
        | 'trailingCommaKey'
        | 'controlChar'
        | 'badUnicodeEscape'
        | 'badEscape'
        | 'unclosedString';
    }
  | { t: 'endsInside'; in: 'object' | 'array' }
  | {
      t: 'afterEnd' | 'expectedColon' | 'expectedKey' | 'trailingCommaValue' | 'unexpected';
      ch: string;
    }
  | { t: 'expectedCommaOrClose'; close: '}' | ']'; ch: string };

/**
 * Why bytes are not UTF-8 (decode.ts): `byte` the first bad byte; `badFollow`: `next` the byte
 * after it that cannot follow, at byte offset `at`.
 */
export type Utf8Problem =
  | { t: 'continuation' | 'never' | 'truncated'; byte: number }
  | { t: 'badFollow'; byte: number; next: number; at: number }
  | { t: 'other' };

/** What the SVG reader found wrong with the `<metadata id="stackdraw-document">` element. */
export type SvgMetadataProblem =
  { t: 'unclosed' | 'cdata' | 'comment' | 'pi' } | { t: 'element'; tag: string };

/** Every message with a key, with its parameters. */
export type ReaderMessage =
  | { key: 'notJson'; empty?: boolean; line?: number; column?: number; reason?: JsonProblem }
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
  | { key: 'duplicateId'; what: 'node' | 'edge' | 'cluster'; id: string; first: number }
  | { key: 'missingNode'; field: 'source' | 'target' | 'member'; ref: string; owner: Owner }
  | { key: 'selfLoop'; node: string; owner: Owner }
  | { key: 'duplicateEdge'; first: number; source: string; target: string; owner: Owner }
  | { key: 'positionNotObject'; got: Got; owner: Owner }
  | { key: 'fieldNotNumber'; field: string; got: Got; owner: Owner }
  | { key: 'coordinateOutOfRange'; field: string; max: number; value: number; owner: Owner }
  | { key: 'badHypervisorType'; got: Got; owner: Owner }
  | { key: 'badExpect'; values: readonly string[]; got: Got; owner: Owner }
  | { key: 'badProtection'; values: readonly string[]; got: Got; owner: Owner }
  | { key: 'replicaNotId'; got: Got; owner: Owner }
  | { key: 'capacityNotNumber'; field: string; got: Got; owner: Owner }
  | { key: 'replicaMissing'; ref: string; id: string }
  | { key: 'replicaNotOs'; ref: string; id: string; kind: NodeKind }
  | { key: 'replicaOfItself'; id: string }
  | { key: 'replicaChain'; id: string; primary: string; primaryOf: string }
  | { key: 'replicaNodeNotOs'; id: string; kind: NodeKind }
  | { key: 'clusterNotObject'; got: Got }
  | { key: 'clusterIdMissing'; got?: Got }
  | { key: 'clusterIdIsNode'; id: string }
  | { key: 'haNotBoolean'; got: Got; owner: Owner }
  | { key: 'membersNotArray'; got: Got; owner: Owner }
  | { key: 'memberNotId'; got: Got; owner: Owner }
  | { key: 'memberNotHardware'; ref: string; kind: NodeKind; owner: Owner }
  | { key: 'memberHosted'; ref: string; owner: Owner }
  | { key: 'memberInTwoClusters'; ref: string; first: string; second: string }
  | { key: 'tooLarge'; bytes?: number; maxBytes: number }
  | { key: 'tooManyNodes'; count: number; limit: number }
  | { key: 'tooDeep'; max: number; path: string; owner: Owner }
  | { key: 'svgWithoutDocument' }
  | { key: 'notUtf8'; offset: number; line: number; reason: Utf8Problem }
  | { key: 'noBom'; offset: number }
  | {
      key: 'notUtf16';
      encoding: 'UTF-16 LE' | 'UTF-16 BE';
      offset: number;
      line: number;
      problem: 'high' | 'low' | 'truncated';
    }
  | { key: 'svgMetadataBroken'; problem: SvgMetadataProblem }
  | { key: 'utf32' }
  | { key: 'moreErrors'; rest: number };

export type ReaderMessageKey = ReaderMessage['key'];

/**
 * One language's messages: one function per key, plus how values, owners, broken JSON, bad
 * UTF-8 and a number of bytes are said.
 */
export type ReaderCatalog = {
  [K in ReaderMessageKey]: (m: Extract<ReaderMessage, { key: K }>) => string;
} & {
  got(g: Got): string;
  who(o: Owner): string;
  json(p: JsonProblem): string;
  utf8(p: Utf8Problem): string;
  bytes(n: number): string;
};

const q = (s: string) => JSON.stringify(s);
const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;

/** A size in words: "12.3 MB", "512 KB", or under 1 KB `unit(bytes)` (1 MB = 1,048,576 bytes). */
function sizeIn(bytes: number, unit: (n: number) => string): string {
  const round = (x: number) => Math.round(x * 10) / 10;
  if (bytes >= 1048576) return `${round(bytes / 1048576)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return unit(bytes);
}

/** A size in bytes for a message: `1.5 KB`, `10 MB`, `300 bytes` (`300바이트`). */
export function describeSize(bytes: number, lang: Lang): string {
  return sizeIn(bytes, READER_CATALOGS[lang].bytes);
}

/**
 * The input's size and the limit in words, each with its exact number of bytes when the two
 * look the same rounded ("10 MB (10485761 bytes), over the limit of 10 MB (10485760 bytes)").
 */
function sizes(c: ReaderCatalog, m: { bytes?: number; maxBytes: number }) {
  const limit = sizeIn(m.maxBytes, c.bytes);
  const size = m.bytes === undefined ? undefined : sizeIn(m.bytes, c.bytes);
  if (size !== limit) return { size, limit };
  return { size: `${size} (${c.bytes(m.bytes!)})`, limit: `${limit} (${c.bytes(m.maxBytes)})` };
}

/** `a hypervisor`, `an OS`, `hardware`: a kind after "is". */
const aKind = (k: NodeKind) => (k === 'hardware' ? 'hardware' : k === 'os' ? 'an OS' : `a ${k}`);

/** The Korean name of a kind, as the editor shows it (하드웨어, 운영체제 …). */
const koKind = (k: NodeKind) => KIND_SPECS[k].name.ko;

const koWhat = { node: '노드', edge: '연결선', cluster: '클러스터' } as const;

/** `연결선 "e1"이` (the edge as the subject of a sentence), or `연결선이` without an id. */
const koEdgeSubject = (o: Owner) => (o ? `연결선 ${josa(q(o.id), '이/가')}` : '연결선이');

const UTF16_PROBLEM = {
  en: {
    high: 'a high surrogate without its low half',
    low: 'a low surrogate without its high half',
    truncated: 'the input ends inside a character'
  },
  ko: {
    high: '짝이 되는 하위 서로게이트가 없는 상위 서로게이트',
    low: '짝이 되는 상위 서로게이트가 없는 하위 서로게이트',
    truncated: '문자 중간에서 입력이 끝납니다'
  }
} as const;

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
  json: (p) => {
    switch (p.t) {
      case 'empty':
        return 'the input is empty';
      case 'trailingCommaKey':
        return "a trailing comma before '}'";
      case 'controlChar':
        return 'a control character inside a string (use \\n for a new line)';
      case 'badUnicodeEscape':
        return 'a bad \\u escape';
      case 'badEscape':
        return 'a bad escape in a string';
      case 'unclosedString':
        return 'a string that is never closed';
      case 'endsInside':
        return `the input ends inside ${p.in === 'object' ? 'an object' : 'an array'}`;
      case 'afterEnd':
        return `unexpected ${q(p.ch)} after the end of the document`;
      case 'expectedColon':
        return `expected ':' after a property name, found ${q(p.ch)}`;
      case 'expectedKey':
        return `expected a property name in double quotes, found ${q(p.ch)}`;
      case 'trailingCommaValue':
        return `a trailing comma or a missing value before '${p.ch}'`;
      case 'unexpected':
        return `unexpected ${q(p.ch)} where a value should be`;
      case 'expectedCommaOrClose':
        return `expected ',' or '${p.close}', found ${q(p.ch)}`;
    }
  },
  utf8: (p) =>
    p.t === 'continuation'
      ? `byte ${hex(p.byte)} continues a character that never started`
      : p.t === 'never'
        ? `byte ${hex(p.byte)} never appears in UTF-8`
        : p.t === 'truncated'
          ? `the input ends inside a character (byte ${hex(p.byte)})`
          : p.t === 'badFollow'
            ? `byte ${hex(p.byte)} is not followed by a valid character (${hex(p.next)} at byte offset ${p.at})`
            : 'not UTF-8',
  bytes: (n) => `${n} bytes`,
  notJson: (m) =>
    m.empty
      ? 'not valid JSON: the input is empty'
      : m.line !== undefined
        ? `not valid JSON at line ${m.line}, column ${m.column}: ${m.reason ? en.json(m.reason) : ''}`
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
  duplicateEdge: (m) =>
    `edge${en.who(m.owner)} repeats $.edges[${m.first}]: both say ${q(m.target)} runs on ${q(m.source)}`,
  positionNotObject: (m) =>
    `"position" must be an object {"x": number, "y": number}, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  fieldNotNumber: (m) =>
    `"${m.field}" must be a number, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  coordinateOutOfRange: (m) =>
    `"${m.field}" must be between -${m.max} and ${m.max} px, but it is ${m.value}${en.who(m.owner)}`,
  badHypervisorType: (m) =>
    `"hypervisorType" must be 1 or 2, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  badExpect: (m) =>
    `"expect" must be one of ${m.values.join(', ')}, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  badProtection: (m) =>
    `"protection" must be ${m.values.map(q).join(' or ')}, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  replicaNotId: (m) =>
    `"replicaOf" must be the id of the primary copy, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  capacityNotNumber: (m) =>
    `"${m.field}" must be a number ≥ 0, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  replicaMissing: (m) =>
    `"replicaOf" names ${q(m.ref)} (node ${q(m.id)}), a node that does not exist`,
  replicaNotOs: (m) =>
    `"replicaOf" names ${q(m.ref)} (node ${q(m.id)}), which is ${m.kind === 'hardware' ? 'hardware' : `a ${m.kind}`}: an FT copy is of a guest OS`,
  replicaOfItself: (m) => `node ${q(m.id)} is named as its own primary: a replica is a second node`,
  replicaChain: (m) =>
    `node ${q(m.id)} is a copy of ${q(m.primary)}, which is itself a copy of ${q(m.primaryOf)}: name the primary`,
  replicaNodeNotOs: (m) => `node ${q(m.id)} is a ${m.kind}: only an OS can be an FT copy`,
  clusterNotObject: (m) =>
    `each cluster must be an object {"id", "label", "members"}, but this one is ${en.got(m.got)}`,
  clusterIdMissing: (m) =>
    `a cluster needs an "id" (a non-empty string), but ${m.got ? `it is ${en.got(m.got)}` : 'it has none'}`,
  clusterIdIsNode: (m) => `cluster id ${q(m.id)} is also a node's id: give the cluster its own`,
  haNotBoolean: (m) => `"ha" must be true or false, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  membersNotArray: (m) =>
    `"members" must be an array of hardware ids, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  memberNotId: (m) =>
    `a member must be a hardware id, but it is ${en.got(m.got)}${en.who(m.owner)}`,
  memberNotHardware: (m) =>
    `member ${q(m.ref)}${en.who(m.owner)} is ${aKind(m.kind)}: a cluster's members are machines (hardware with nothing under it)`,
  memberHosted: (m) =>
    `member ${q(m.ref)}${en.who(m.owner)} runs on something: a cluster's members are machines at the bottom of their stacks`,
  memberInTwoClusters: (m) =>
    `hardware ${q(m.ref)} is in two clusters (${q(m.first)} and ${q(m.second)}): a machine belongs to one`,
  tooLarge: (m) => {
    const { size, limit } = sizes(en, m);
    return size === undefined
      ? `the input is larger than the limit of ${limit}`
      : `the input is ${size}, over the limit of ${limit}`;
  },
  tooManyNodes: (m) => `the document has ${m.count} nodes, over the limit of ${m.limit}`,
  tooDeep: (m) =>
    `nested more than ${m.max} levels deep${m.owner ? ` (in ${m.owner.what} ${q(m.owner.id)})` : ''}: stackdraw reads documents nested up to ${m.max} levels`,
  svgWithoutDocument: () =>
    'this SVG holds no stackdraw document (no <metadata id="stackdraw-document">): only SVGs exported by stackdraw can be opened',
  notUtf8: (m) =>
    `not valid UTF-8 at byte offset ${m.offset} (line ${m.line}): ${en.utf8(m.reason)}; the file may be in another encoding (Latin-1, Windows-1252, EUC-KR…): save it as UTF-8`,
  noBom: (m) =>
    `a NUL byte at byte offset ${m.offset} (line 1): this file looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8`,
  notUtf16: (m) =>
    `not valid ${m.encoding} at byte offset ${m.offset} (line ${m.line}): ${UTF16_PROBLEM.en[m.problem]}; save it as UTF-8`,
  svgMetadataBroken: (m) =>
    `the <metadata id="stackdraw-document"> of this SVG ${
      m.problem.t === 'element'
        ? `holds the element <${m.problem.tag}>: it must hold only the document's JSON text`
        : {
            unclosed: 'is never closed',
            cdata: 'ends inside a CDATA section',
            comment: 'ends inside a comment',
            pi: 'ends inside a processing instruction'
          }[m.problem.t]
    }`,
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
  who: (o) => (o ? ` (${koWhat[o.what]} ${q(o.id)})` : ''),
  json: (p) => {
    switch (p.t) {
      case 'empty':
        return '입력이 비어 있습니다';
      case 'trailingCommaKey':
        return "'}' 앞에 불필요한 쉼표가 있습니다";
      case 'controlChar':
        return '문자열 안에 제어 문자가 있습니다 (줄바꿈은 \\n으로 쓰세요)';
      case 'badUnicodeEscape':
        return '잘못된 \\u 이스케이프';
      case 'badEscape':
        return '문자열 안의 잘못된 이스케이프';
      case 'unclosedString':
        return '닫히지 않은 문자열';
      case 'endsInside':
        return `${p.in === 'object' ? '객체' : '배열'} 안에서 입력이 끝납니다`;
      case 'afterEnd':
        return `문서가 끝난 뒤에 ${josa(q(p.ch), '이/가')} 있습니다`;
      case 'expectedColon':
        return `속성 이름 뒤에 ':'이 와야 하는데 ${q(p.ch)}입니다`;
      case 'expectedKey':
        return `큰따옴표로 감싼 속성 이름이 와야 하는데 ${q(p.ch)}입니다`;
      case 'trailingCommaValue':
        return `'${p.ch}' 앞에 불필요한 쉼표가 있거나 값이 빠져 있습니다`;
      case 'unexpected':
        return `값이 와야 할 자리에 ${josa(q(p.ch), '이/가')} 있습니다`;
      case 'expectedCommaOrClose':
        return `',' 또는 '${p.close}'가 와야 하는데 ${q(p.ch)}입니다`;
    }
  },
  utf8: (p) =>
    p.t === 'continuation'
      ? `바이트 ${josa(hex(p.byte), '은/는')} 시작되지 않은 문자를 잇고 있습니다`
      : p.t === 'never'
        ? `바이트 ${josa(hex(p.byte), '은/는')} UTF-8에 나올 수 없습니다`
        : p.t === 'truncated'
          ? `문자 중간에서 입력이 끝납니다 (바이트 ${hex(p.byte)})`
          : p.t === 'badFollow'
            ? `바이트 ${hex(p.byte)} 뒤에 올바른 문자가 오지 않습니다 (바이트 위치 ${p.at}의 ${hex(p.next)})`
            : 'UTF-8이 아닙니다',
  bytes: (n) => `${n}바이트`,
  notJson: (m) =>
    m.empty
      ? '올바른 JSON이 아닙니다: 입력이 비어 있습니다'
      : m.line !== undefined
        ? `올바른 JSON이 아닙니다 (${m.line}행 ${m.column}열): ${m.reason ? ko.json(m.reason) : ''}`
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
  itemNotObject: (m) => `${koWhat[m.what]}는 객체여야 하는데 이것은 ${ko.got(m.got)}입니다`,
  fieldMissing: (m) => `"${m.field}"가 없습니다${ko.who(m.owner)}`,
  fieldNotString: (m) =>
    `"${m.field}"는 문자열이어야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  fieldEmpty: (m) => `"${m.field}"가 비어 있습니다${ko.who(m.owner)}`,
  unknownKind: (m) =>
    `알 수 없는 종류 ${q(m.kind)}${ko.who(m.owner)}: ${m.kinds.join(', ')} 중 하나를 쓰세요`,
  duplicateId: (m) =>
    `${koWhat[m.what]} id ${q(m.id)}가 중복됩니다: $.${m.what}s[${m.first}]가 이미 쓰고 있습니다`,
  missingNode: (m) =>
    `${m.field === 'member' ? '구성원' : m.field} ${q(m.ref)}${ko.who(m.owner)}: 그런 노드가 없습니다`,
  selfLoop: (m) =>
    `${koEdgeSubject(m.owner)} 노드 ${q(m.node)}에서 자기 자신으로 갑니다: 계층은 자기 위에서 실행될 수 없습니다`,
  duplicateEdge: (m) =>
    `${koEdgeSubject(m.owner)} ${josa(`$.edges[${m.first}]`, '과/와')} 같습니다: 둘 다 ${josa(q(m.target), '이/가')} ${q(m.source)} 위에서 실행된다고 합니다`,
  positionNotObject: (m) =>
    `"position"은 {"x": 숫자, "y": 숫자} 모양의 객체여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  fieldNotNumber: (m) =>
    `${josa(`"${m.field}"`, '은/는')} 숫자여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  coordinateOutOfRange: (m) =>
    `${josa(`"${m.field}"`, '은/는')} -${m.max}에서 ${m.max} px 사이여야 하는데 ${m.value}입니다${ko.who(m.owner)}`,
  badHypervisorType: (m) =>
    `"hypervisorType"(하이퍼바이저 유형)은 1이나 2여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  badExpect: (m) =>
    `"expect"는 ${m.values.join(', ')} 중 하나여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  badProtection: (m) =>
    `"protection"(보호)는 ${m.values.map(q).join(', ')} 중 하나여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  replicaNotId: (m) =>
    `"replicaOf"는 주 사본의 id여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  capacityNotNumber: (m) =>
    `"${m.field}"는 0 이상의 숫자여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  replicaMissing: (m) =>
    `"replicaOf"가 ${josa(q(m.ref), '을/를')} 가리키지만 그런 노드가 없습니다 (노드 ${q(m.id)})`,
  replicaNotOs: (m) =>
    `"replicaOf"가 가리키는 ${josa(q(m.ref), '은/는')} ${koKind(m.kind)}입니다 (노드 ${q(m.id)}): FT 사본은 게스트 OS의 사본입니다`,
  replicaOfItself: (m) =>
    `노드 ${josa(q(m.id), '이/가')} 자기 자신을 주 사본으로 가리킵니다: FT 사본은 다른 노드여야 합니다`,
  replicaChain: (m) =>
    `노드 ${josa(q(m.id), '은/는')} ${q(m.primary)}의 사본인데, ${josa(q(m.primary), '은/는')} 다시 ${q(m.primaryOf)}의 사본입니다: 주 사본을 가리키세요`,
  replicaNodeNotOs: (m) =>
    `노드 ${josa(q(m.id), '은/는')} ${koKind(m.kind)}입니다: FT 사본은 운영체제만 될 수 있습니다`,
  clusterNotObject: (m) =>
    `클러스터는 {"id", "label", "members"}가 있는 객체여야 하는데 이것은 ${ko.got(m.got)}입니다`,
  clusterIdMissing: (m) =>
    m.got
      ? `클러스터의 "id"는 비어 있지 않은 문자열이어야 하는데 ${ko.got(m.got)}입니다`
      : '클러스터에 "id"(비어 있지 않은 문자열)가 없습니다',
  clusterIdIsNode: (m) =>
    `클러스터 id ${josa(q(m.id), '은/는')} 노드의 id이기도 합니다: 클러스터에 다른 id를 주세요`,
  haNotBoolean: (m) => `"ha"는 true나 false여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  membersNotArray: (m) =>
    `"members"는 하드웨어 id의 배열이어야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  memberNotId: (m) =>
    `클러스터 구성원은 하드웨어 id여야 하는데 ${ko.got(m.got)}입니다${ko.who(m.owner)}`,
  memberNotHardware: (m) =>
    `구성원 ${josa(q(m.ref), '은/는')} ${koKind(m.kind)}입니다${ko.who(m.owner)}: 클러스터의 구성원은 기계(아래에 아무것도 없는 하드웨어)여야 합니다`,
  memberHosted: (m) =>
    `구성원 ${josa(q(m.ref), '은/는')} 다른 계층 위에서 실행됩니다${ko.who(m.owner)}: 클러스터의 구성원은 스택 맨 아래에 있는 기계여야 합니다`,
  memberInTwoClusters: (m) =>
    `하드웨어 ${josa(q(m.ref), '이/가')} 두 클러스터(${q(m.first)}, ${q(m.second)})에 들어 있습니다: 기계 하나는 한 클러스터에만 속합니다`,
  tooLarge: (m) => {
    const { size, limit } = sizes(ko, m);
    return size === undefined
      ? `입력이 한도 ${limit}보다 큽니다`
      : `입력이 ${size}로 한도 ${limit}를 넘습니다`;
  },
  tooManyNodes: (m) => `문서의 노드가 ${m.count}개로 한도 ${m.limit}개를 넘습니다`,
  tooDeep: (m) =>
    `${m.max}단계보다 깊게 중첩되어 있습니다${ko.who(m.owner)}: stackdraw는 ${m.max}단계까지 읽습니다`,
  svgWithoutDocument: () =>
    '이 SVG에는 stackdraw 문서가 없습니다 (<metadata id="stackdraw-document"> 없음): stackdraw로 내보낸 SVG만 열 수 있습니다',
  notUtf8: (m) =>
    `바이트 위치 ${m.offset} (${m.line}행)이 올바른 UTF-8이 아닙니다: ${ko.utf8(m.reason)}; 다른 인코딩(Latin-1, Windows-1252, EUC-KR…)일 수 있습니다: UTF-8로 저장하세요`,
  noBom: (m) =>
    `바이트 위치 ${m.offset} (1행)에 NUL 바이트가 있습니다: 바이트 순서 표시 없는 UTF-16이나 UTF-32 파일로 보입니다; UTF-8로 저장하세요`,
  notUtf16: (m) =>
    `바이트 위치 ${m.offset} (${m.line}행)이 올바른 ${josa(m.encoding, '이/가')} 아닙니다: ${UTF16_PROBLEM.ko[m.problem]}; UTF-8로 저장하세요`,
  svgMetadataBroken: (m) =>
    `이 SVG의 <metadata id="stackdraw-document">${
      m.problem.t === 'element'
        ? `에 요소 <${m.problem.tag}>가 들어 있습니다: 문서의 JSON 텍스트만 들어 있어야 합니다`
        : {
            unclosed: '가 닫히지 않습니다',
            cdata: '가 CDATA 구역 안에서 끝납니다',
            comment: '가 주석 안에서 끝납니다',
            pi: '가 처리 명령 안에서 끝납니다'
          }[m.problem.t]
    }`,
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
