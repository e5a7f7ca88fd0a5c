/**
 * Every error of the stack text: its line and column, and its message and hint in English
 * and Korean.
 */
import { describe, expect, it } from 'vitest';
import { STACK_ERROR_CODES, type StackErrorCode } from './messages/catalog';
import { parse, parseStack, StackTextError } from './index';

interface Case {
  code: StackErrorCode;
  text: string;
  line: number;
  column: number;
  /** Words the English message quotes from the text. */
  says?: string;
}

const CASES: Case[] = [
  { code: 'odd-indent', text: 'hw A\n   os B', line: 2, column: 1, says: '3 spaces' },
  { code: 'deep-indent', text: 'hw A\n    os B', line: 2, column: 1, says: '2 levels' },
  { code: 'indented-first', text: '  hw A', line: 1, column: 1 },
  { code: 'indented-setting', text: 'hw A\n  cluster C', line: 2, column: 1, says: 'cluster' },
  { code: 'mixed-indent', text: 'hw A\n  os B\n\thv C', line: 3, column: 1, says: 'line 2' },
  { code: 'under-cluster', text: 'hw A\ncluster C\n  hw B', line: 3, column: 1 },
  { code: 'unknown-kind', text: 'hw A\n  vm Ubuntu', line: 2, column: 3, says: 'did you mean os' },
  {
    code: 'unknown-attribute',
    text: 'hw A [expext=type1]',
    line: 1,
    column: 7,
    says: 'did you mean expect'
  },
  { code: 'unclosed-quote', text: 'hw "Dell R740', line: 1, column: 4 },
  { code: 'unclosed-bracket', text: 'hw A [cores=2', line: 1, column: 6 },
  { code: 'bad-json', text: 'hw A [+x={bad}]', line: 1, column: 10, says: '{bad}' },
  { code: 'missing-ref', text: 'hw A #a\nos B [on=#nope]', line: 2, column: 10, says: '#nope' },
  { code: 'duplicate-id', text: 'hw A #x\nhw B #x', line: 2, column: 6, says: 'line 1' },
  { code: 'duplicate-attribute', text: 'hw A [cores=1 cores=2]', line: 1, column: 15 },
  { code: 'bad-value', text: 'hw A [expect=type3]', line: 1, column: 14, says: 'type1' },
  { code: 'bad-number', text: 'hw A [cores=-1]', line: 1, column: 13, says: '≥ 0' },
  { code: 'missing-value', text: 'hw A [cores]', line: 1, column: 7, says: 'cores' },
  { code: 'unexpected-text', text: 'os "Windows" Server', line: 1, column: 14, says: 'Server' },
  { code: 'empty-id', text: 'hw A # [cores=1]', line: 1, column: 6 },
  { code: 'unknown-setting', text: 'titel: Lab', line: 1, column: 1, says: 'did you mean title' },
  { code: 'setting-after-node', text: 'hw A\ntitle: Lab', line: 2, column: 1 },
  { code: 'duplicate-setting', text: 'title: A\ntitle: B', line: 2, column: 1, says: 'line 1' },
  { code: 'self-host', text: 'hw A #a [on=#a]', line: 1, column: 13 },
  { code: 'duplicate-host', text: 'hw A #a\n  os B [on=#a]', line: 2, column: 12 },
  { code: 'half-position', text: 'hw A [x=10]', line: 1, column: 7, says: 'without y' },
  // The JSON reader's own checks, pointed back to the attribute they concern.
  {
    code: 'document',
    text: 'hw A #a\n  os B [replicaOf=#a]',
    line: 2,
    column: 9,
    says: 'FT copy'
  },
  {
    code: 'document',
    text: 'hw A #a\n  os B #b\ncluster C [members=#b]',
    line: 3,
    column: 20,
    says: 'machines'
  }
];

describe('stack text errors: line, column, English and Korean', () => {
  for (const c of CASES) {
    it(`${c.code}: ${JSON.stringify(c.text)}`, () => {
      const en = parseStack(c.text);
      const ko = parseStack(c.text, { lang: 'ko' });
      expect(en.ok).toBe(false);
      expect(en.document).toBeUndefined();
      const e = en.errors.find((x) => x.code === c.code);
      expect(e, JSON.stringify(en.errors)).toBeDefined();
      expect([e!.line, e!.column]).toEqual([c.line, c.column]);
      expect(e!.endColumn).toBeGreaterThan(e!.column);
      // Offsets point at the same place in the text.
      const lineStart = c.text
        .split('\n')
        .slice(0, c.line - 1)
        .join('\n').length;
      expect(e!.from).toBe((c.line > 1 ? lineStart + 1 : 0) + c.column - 1);
      if (c.says) expect(e!.message).toContain(c.says);
      expect(e!.hint).toMatch(/\S/);
      const k = ko.errors.find((x) => x.code === c.code)!;
      expect([k.line, k.column]).toEqual([c.line, c.column]);
      expect(k.message).toMatch(/[\uac00-\ud7a3]/);
      expect(k.hint).toMatch(/[\uac00-\ud7a3]/);
      expect(k.message).not.toBe(e!.message);
      // The reader's own words are Korean too (its catalog), not English in brackets.
      if (c.code === 'document') expect(k.message).not.toMatch(/\b(is|are|must|names|which)\b/);
    });
  }

  it('covers every error code but the summary line', () => {
    const covered = new Set(CASES.map((c) => c.code));
    expect(STACK_ERROR_CODES.filter((c) => !covered.has(c))).toEqual(['more-errors']);
  });

  it('lists 50 errors, then says how many more', () => {
    const text = Array.from({ length: 60 }, (_, i) => `vm guest${i}`).join('\n');
    const { errors } = parseStack(text);
    expect(errors).toHaveLength(51);
    expect(errors[50].code).toBe('more-errors');
    expect(errors[50].message).toBe('… and 10 more errors');
    expect(parseStack(text, { lang: 'ko' }).errors[50].message).toBe('… 그 밖의 오류 10개');
  });

  it('reports every error of a text at once, in text order', () => {
    const { errors } = parseStack('hw A [cores=x]\n  vm B\n  os "C\n  os D [on=#zz]');
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'bad-number'],
      [2, 'unknown-kind'],
      [3, 'unclosed-quote'],
      [4, 'missing-ref']
    ]);
  });

  it('the reader’s errors about replicas and cluster members say how to write them', () => {
    const replica = parseStack('hw A #a\n  os B [replicaOf=#a]');
    expect(replica.errors[0].hint).toMatch(/replicaOf=#vm1/);
    expect(parseStack('hw A #a\n  os B [replicaOf=#a]', { lang: 'ko' }).errors[0].hint).toMatch(
      /주 사본인 게스트 OS/
    );
    const member = parseStack('hw A #a\n  os B #b\ncluster C [members=#b]');
    expect(member.errors[0].hint).toMatch(/members=#srv1,#srv2/);
  });

  it('an attribute without a name is marked where it stands, never past the line', () => {
    // Found by the property test: `hw[""` marked a column after the end of the text, and
    // `hw[""]` swallowed the closing bracket.
    const cases: [string, string, number, number][] = [
      ['hw[""', '""', 4, 6],
      ['hw[""]', '""', 4, 6],
      ['hw A [+', '+', 7, 8],
      ['hw A [=x]', '=', 7, 8],
      ['hw A ["" cores=2]', '""', 7, 9]
    ];
    for (const [text, word, column, endColumn] of cases) {
      const { errors } = parseStack(text);
      const named = errors.find((e) => e.code === 'unexpected-text')!;
      expect(named, text).toMatchObject({ line: 1, column, endColumn });
      expect(named.message, text).toContain(word);
      for (const e of errors) expect(e.to, text).toBeLessThanOrEqual(text.length);
      expect(
        errors.some((e) => e.code === 'unclosed-bracket'),
        text
      ).toBe(!text.endsWith(']'));
    }
  });

  it('a value that cannot be read gives its own error only, not a second one after it', () => {
    const cases: [string, string, number][] = [
      ['hw A [+note={bad}]', 'bad-json', 13],
      ['hw A [+note=[bad]]', 'bad-json', 13],
      ['hw A [+note={"a":}]', 'bad-json', 13],
      ['hw A [+note={"a":1', 'bad-json', 13],
      ['hw A [+note="x', 'unclosed-quote', 13],
      ['hw A [cores=2 +note={bad} expect=type1]', 'bad-json', 21],
      ['hw A\n  os B [on=#]', 'empty-id', 12]
    ];
    for (const [text, code, column] of cases) {
      const { errors } = parseStack(text);
      expect(
        errors.map((e) => [e.code, e.column]),
        text
      ).toEqual([[code, column]]);
    }
    // Why the JSON is bad, in the text's language (not JSON.parse's English and positions).
    expect(parseStack('hw A [+note={bad}]').errors[0].message).toBe(
      '"{bad}" is not valid JSON: expected a property name in double quotes, found "b"'
    );
    const ko = parseStack('hw A [+note={bad}]', { lang: 'ko' }).errors[0].message;
    expect(ko).toBe(
      '"{bad}"는 올바른 JSON이 아닙니다: 큰따옴표로 감싼 속성 이름이 와야 하는데 "b"입니다'
    );
  });

  it('a tab-indented block is fine; a space after it is the mistake', () => {
    expect(parseStack('hw A\n\tos B\n\t\tsvc C').ok).toBe(true);
    const { errors } = parseStack('hw A\n\tos B\n    svc C');
    expect(errors[0]).toMatchObject({ code: 'mixed-indent', line: 3, column: 1, endColumn: 5 });
    expect(errors[0].message).toContain('indents with tabs (line 2)');
  });

  it('settings: title:Lab without a space is a title; a kind never ends with a colon', () => {
    expect(parse('title:Lab #2 %% a comment\nhw A').title).toBe('Lab #2');
    expect(parse('+source: {"page": 12}\nhw A').source).toEqual({ page: 12 });
    expect(parseStack('hw: A').errors[0]).toMatchObject({ code: 'unknown-setting', column: 1 });
  });

  it('a generated id that clashes with a #id names both lines', () => {
    const { errors } = parseStack('hw A #b\nhw B');
    expect(errors[0]).toMatchObject({ code: 'duplicate-id', line: 2, column: 1 });
    expect(errors[0].message).toBe(`this line's id "b" (from its label) is already used on line 1`);
  });

  it('the node limit names the first node over it', () => {
    const { errors } = parseStack('hw A\nhw B\nhw C', { limits: { maxNodes: 2 } });
    expect(errors).toMatchObject([{ code: 'document', line: 3, column: 1 }]);
    expect(errors[0].message).toBe('the document has 3 nodes, over the limit of 2');
    expect(
      parseStack('hw A\nhw B\nhw C', { limits: { maxNodes: 2 }, lang: 'ko' }).errors[0].message
    ).toBe('문서의 노드가 3개로 한도 2개를 넘습니다');
  });

  it('parse() throws a StackTextError that lists the errors with their lines', () => {
    expect(() => parse('hw A\n  vm B')).toThrow(StackTextError);
    expect(() => parse('hw A\n  vm B')).toThrow(/line 2, column 3: unknown kind "vm"/);
  });

  it('line breaks: CRLF and CR count as one, a byte-order mark is not a column', () => {
    for (const nl of ['\r\n', '\r']) {
      const { errors } = parseStack(`\ufeffhw A${nl}  vm B`);
      expect(errors[0]).toMatchObject({ line: 2, column: 3 });
    }
    const r = parseStack('\ufeffhw A');
    expect(r.nodes.get('a')).toMatchObject({ line: 1, column: 1, from: 1 });
  });
  it('deep-indent counts from the line above as written, even after an earlier error', () => {
    const { errors } = parseStack('hw A\n  hv B\n      os C\n            svc D');
    expect(errors.map((e) => [e.line, e.code, e.params.count])).toEqual([
      [3, 'deep-indent', 2],
      [4, 'deep-indent', 3]
    ]);
    expect(errors[1].message).toBe('indented 3 levels deeper than the line above');
    // One level below a line that was itself too deep: that line's error only.
    const once = parseStack('hw A\n      hv B\n        os C');
    expect(once.errors.map((e) => [e.line, e.code])).toEqual([[2, 'deep-indent']]);
  });

  it('bad-value hints name the values allowed there, in English and Korean', () => {
    const en = parseStack('hw A [expect=type3]').errors[0];
    expect(en.hint).toBe(
      'Write type1, type2 or dedicated right after the =, with no space: [expect=type1].'
    );
    const ko = parseStack('hw A [expect=type3]', { lang: 'ko' }).errors[0];
    expect(ko.hint).toContain('type1, type2 또는 dedicated');
    expect(parseStack('hw A [protection=x]').errors[0].hint).toContain('ha or ft');
  });

  it('a missing cluster member asks for a hardware line and suggests ids with their #', () => {
    const text = 'hw Server A #a\ncluster C [members=#a,#b]';
    const en = parseStack(text).errors[0];
    expect(en).toMatchObject({ code: 'missing-ref', line: 2 });
    expect(en.message).toBe('no node has the id #b (did you mean #a?)');
    expect(en.hint).toContain('hw Server #b');
    expect(en.hint).not.toContain('os ');
    const ko = parseStack(text, { lang: 'ko' }).errors[0];
    expect(ko.message).toContain('#a를');
    expect(ko.hint).toContain('hw Server #b');
  });
});
