import type { JsonProblem } from './read-messages';

/**
 * Where is JSON text broken? `JSON.parse` on Node 20 does not always say, so this scanner
 * walks the text (iteratively: deep nesting cannot overflow) and returns the offset of
 * the first character that cannot be there, with the problem (said in words by the reader's
 * catalogs, read-messages.ts).
 */
export function locateJsonError(
  text: string
): { offset: number; problem: JsonProblem } | undefined {
  let i = 0;
  const n = text.length;
  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  // What may come next.
  type Want =
    'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let want = 'value' as Want;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (problem: JsonProblem) => ({ offset: i, problem });

  const string = (): JsonProblem | undefined => {
    // text[i] === '"'
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c < 0x20) return { t: 'controlChar' };
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { t: 'badUnicodeEscape' };
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return { t: 'badEscape' };
      } else i++;
    }
    return { t: 'unclosedString' };
  };

  const afterValue = () => {
    want = stack.length === 0 ? 'end' : 'comma-or-close';
  };

  for (;;) {
    ws();
    if (i >= n) {
      if (want === 'end') return undefined;
      return fail(
        stack.length
          ? { t: 'endsInside', in: stack[stack.length - 1] === '{' ? 'object' : 'array' }
          : { t: 'empty' }
      );
    }
    const ch = text[i];
    switch (want) {
      case 'end':
        return fail({ t: 'afterEnd', ch });
      case 'colon':
        if (ch !== ':') return fail({ t: 'expectedColon', ch });
        i++;
        want = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (ch === ',') {
          i++;
          want = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        return fail({ t: 'expectedCommaOrClose', close: top === '{' ? '}' : ']', ch });
      }
      case 'key':
      case 'key-or-close':
        if (want === 'key-or-close' && ch === '}') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (ch !== '"') {
          return fail(
            want === 'key' && ch === '}' ? { t: 'trailingCommaKey' } : { t: 'expectedKey', ch }
          );
        }
        {
          const bad = string();
          if (bad) return fail(bad);
        }
        want = 'colon';
        continue;
      case 'value':
      case 'value-or-close': {
        if (want === 'value-or-close' && ch === ']') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (ch === '{') {
          stack.push('{');
          i++;
          want = 'key-or-close';
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          want = 'value-or-close';
          continue;
        }
        if (ch === '"') {
          const bad = string();
          if (bad) return fail(bad);
          afterValue();
          continue;
        }
        const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
          text.slice(i, i + 400)
        );
        if (lit) {
          i += lit[0].length;
          afterValue();
          continue;
        }
        if (ch === ']' || ch === '}') return fail({ t: 'trailingCommaValue', ch });
        return fail({ t: 'unexpected', ch });
      }
    }
  }
}
