/**
 * Where in JSON text is the value at a JSON path (`$.nodes[3].kind`, `$["a b"].x`)? For input
 * errors that name a path, so the CLI can give a line and column. The text must be valid JSON
 * (a byte-order mark is skipped). One linear scan, no recursion. When the path leads to a
 * value that is not there (a missing field), the deepest value found on the way is returned.
 */

type Step = string | number;

/** `$.nodes[3]["a b"].kind` → ['nodes', 3, 'a b', 'kind']; undefined when it is not a path. */
function stepsOf(path: string): Step[] | undefined {
  const steps: Step[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  if (!path.startsWith('$')) return undefined;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
  }
  return steps;
}

/**
 * The 1-based line and column (in UTF-16 code units from the line start, 1-based) of the value
 * at `path` in `text`, or of its deepest existing parent; undefined for a path it cannot read.
 */
export function locateJsonPath(
  text: string,
  path: string
): { line: number; column: number } | undefined {
  const steps = stepsOf(path);
  if (!steps) return undefined;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const ws = () => {
    while (i < n && /\s/.test(text[i])) i++;
  };
  const skipString = () => {
    i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    ws();
    if (text[i] === '"') return skipString();
    if (text[i] !== '{' && text[i] !== '[') {
      while (i < n && !/[,\]}\s]/.test(text[i])) i++;
      return;
    }
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        skipString();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      i++;
    } while (i < n && depth > 0);
  };
  ws();
  let found = i;
  outer: for (const step of steps) {
    ws();
    if (typeof step === 'number') {
      if (text[i] !== '[') break;
      i++;
      for (let k = 0; ; k++) {
        ws();
        if (text[i] === ']') break outer;
        if (k === step) {
          found = i;
          continue outer;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
    } else {
      if (text[i] !== '{') break;
      i++;
      for (;;) {
        ws();
        if (text[i] !== '"') break outer;
        const start = i;
        skipString();
        const key = JSON.parse(text.slice(start, i)) as string;
        ws();
        i++; // ':'
        ws();
        if (key === step) {
          found = i;
          continue outer;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
    }
  }
  let line = 1;
  let last = -1;
  for (let k = 0; k < found; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      last = k;
    }
  }
  return { line, column: found - last };
}
