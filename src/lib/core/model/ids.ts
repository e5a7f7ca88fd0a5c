/**
 * Natural order of ids ("n2" before "n10"), used wherever the engine lists nodes, so that
 * a report never depends on the order of nodes and edges in the file.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const ra = /(\d+)|(\D+)/g;
  const rb = /(\d+)|(\D+)/g;
  for (;;) {
    const ma = ra.exec(a);
    const mb = rb.exec(b);
    if (!ma || !mb) return ma ? 1 : mb ? -1 : a < b ? -1 : 1;
    if (ma[1] !== undefined && mb[1] !== undefined) {
      const na = ma[1].replace(/^0+/, '');
      const nb = mb[1].replace(/^0+/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      if (ma[1] !== mb[1]) return ma[1].length - mb[1].length;
    } else if (ma[0] !== mb[0]) {
      return ma[0] < mb[0] ? -1 : 1;
    }
  }
}

export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareIds);
}
