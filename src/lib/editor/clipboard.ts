import { readDocument, type Clip } from '$lib/core/index';

/**
 * Nodes on the system clipboard: plain text, so they travel between tabs and survive a
 * reload. The text is a small JSON object marked `"stackdraw": "clip"`.
 */
export function clipText(clip: Clip): string {
  return JSON.stringify({ stackdraw: 'clip', version: 1, nodes: clip.nodes, edges: clip.edges });
}

/**
 * What pasted text holds: nodes copied in stackdraw, or a whole stackdraw document (JSON, or
 * an SVG exported by stackdraw); undefined for anything else. Everything goes through the
 * document reader, so a pasted text can never put an unchecked node in the diagram.
 */
export function readClip(text: string): Clip | undefined {
  let body = text;
  try {
    const value: unknown = JSON.parse(text);
    if (
      value &&
      typeof value === 'object' &&
      (value as { stackdraw?: unknown }).stackdraw === 'clip'
    ) {
      const { nodes, edges } = value as { nodes?: unknown; edges?: unknown };
      body = JSON.stringify({ version: 1, nodes, edges });
    }
  } catch {
    // Not JSON: perhaps an SVG.
  }
  const read = readDocument(body);
  if (!read.ok || read.document.nodes.length === 0) return undefined;
  return { nodes: read.document.nodes, edges: read.document.edges };
}
