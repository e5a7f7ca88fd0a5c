import type { Clip, Lang } from '$lib/core/index';
// Not through the core's index (see pane.svelte.ts): the reader stays out of the first load.
import { parseStack, type StackError } from '$lib/core/text/index';

/**
 * Pasted stack text as nodes to paste (loaded when a paste holds stack text): everything
 * goes through the stack reader, so a pasted text never puts an unchecked node in the
 * diagram. Clusters are left out, as when a JSON document is pasted.
 */
export function readStackClip(
  text: string,
  lang: Lang
): { ok: true; clip: Clip } | { ok: false; error: StackError } {
  const read = parseStack(text, { lang });
  if (!read.ok || !read.document) return { ok: false, error: read.errors[0] };
  return { ok: true, clip: { nodes: read.document.nodes, edges: read.document.edges } };
}
