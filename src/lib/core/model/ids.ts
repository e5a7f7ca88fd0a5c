/**
 * Natural order of ids ("n2" before "n10"), used wherever the engine lists nodes, so that
 * a report never depends on the order of nodes and edges in the file. A plain character
 * loop (no regular expressions, no allocation): sorting is on the validator's hot path.
 */
const isDigit = (c: number) => c >= 48 && c <= 57;

export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare the two numbers: skip leading zeros, then longer is larger, then digit by digit.
      let si = i;
      while (si < a.length && a.charCodeAt(si) === 48) si++;
      let sj = j;
      while (sj < b.length && b.charCodeAt(sj) === 48) sj++;
      let ei = si;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = sj;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      // Same value: fewer leading zeros first.
      if (ei - i !== ej - j) return ei - i - (ej - j);
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareIds);
}

/**
 * A fresh object to key by node or edge ids: it has no prototype, so ids that are
 * JavaScript's own names (`__proto__`, `constructor`, `toString` …) are plain keys.
 */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The value stored under an id, reading own keys only (safe for any object or Map). */
export function byId<T>(
  table: Readonly<Record<string, T>> | ReadonlyMap<string, T>,
  id: string
): T | undefined {
  if (table instanceof Map) return table.get(id);
  const record = table as Readonly<Record<string, T>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
