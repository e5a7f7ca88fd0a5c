import { CLUSTER_WORDS, KIND_WORDS } from '$lib/core/text/syntax';

/**
 * Telling pasted stack text apart from other text, without loading the stack reader (which
 * comes with the Text panel or the paste that needs it: text/paste.ts).
 */

/** A ```stackdraw (or ~~~stackdraw) fenced block, as Markdown writes it. */
const FENCE =
  /^ {0,3}(`{3,}|~{3,})[ \t]*stackdraw(?:[ \t][^\n]*)?\n([\s\S]*?)^ {0,3}\1[`~]*[ \t]*$/m;

const WORDS = [...Object.values(KIND_WORDS).flat(), ...CLUSTER_WORDS];
/** A first line that only stack text starts with: a setting, a node, a cluster. */
const FIRST_LINE = new RegExp(`^(?:title[ \\t]*:|(?:${WORDS.join('|')})(?:[ \\t]|$))`, 'i');

/**
 * The body of the first ```stackdraw block of a text (line ends made `\n`), or undefined
 * when it has none: what a paste into the Text panel inserts, the fence lines left out.
 */
export function fencedStackText(text: string): string | undefined {
  return FENCE.exec(text.replace(/\r\n?/g, '\n'))?.[2];
}

/**
 * The stack text in a pasted text: the body of its first ```stackdraw block, or the whole
 * text when its first line (after blank and `%%` comment lines) is a `title:` setting or
 * starts with a kind word (`hw`, `hypervisor`, `운영체제` …) or `cluster`; else undefined
 * (JSON, SVG, anything else goes the usual way). `lineShift` is what to add to a line of
 * `text` to get the line of the pasted text (the lines above the block's body).
 */
export function stackTextOf(text: string): { text: string; lineShift: number } | undefined {
  const plain = text.replace(/\r\n?/g, '\n');
  const fenced = FENCE.exec(plain);
  if (fenced)
    return { text: fenced[2], lineShift: plain.slice(0, fenced.index).split('\n').length };
  const first = plain
    .replace(/^\ufeff/, '')
    .split('\n')
    .find((l) => l.trim() !== '' && !l.trimStart().startsWith('%%'));
  return first !== undefined && FIRST_LINE.test(first) ? { text: plain, lineShift: 0 } : undefined;
}
