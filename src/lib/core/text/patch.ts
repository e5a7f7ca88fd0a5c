import type { DiagramDocument } from '../model/types';
import { paneText } from './merge';
import { parseStack, type StackParseResult } from './parse';
import type { StackPrintResult } from './print';
import { CLUSTER_WORDS, kindOfWord } from './syntax';

/**
 * Bringing a user's stack text up to date with a document changed elsewhere (on the canvas)
 * without reprinting it: the lines of what did not change stay byte for byte (comments,
 * blank lines, Korean kind words, quoting), only the lines of what changed are rewritten.
 */

/** A patched text, and the 1-based line of each node in it. */
export interface StackPatch {
  text: string;
  nodes: Map<string, number>;
}

/**
 * `oldText` (a stack text that reads as `oldDoc`, positions aside) changed as little as it
 * takes to read as `newDoc`, or undefined when that is not simple and the caller should
 * reprint (`paneText(newDoc)`).
 *
 * - A node or cluster whose printed line (`paneText`) changed gets that printed line in
 *   place of its own, keeping the line's leading white space, its kind word when it still
 *   names the kind (`하드웨어`), and a trailing `%%` comment.
 * - A deleted node's or cluster's line is removed; an added node is written (with what was
 *   added under it) after the lines indented under its host, one level deeper than the
 *   host; an added root or cluster goes at the end.
 * - The `title:` line is rewritten, added at the top, or removed the same way.
 * - Every other line, blank lines and comment lines included, is kept as it is.
 *
 * The result is read back and must print as `newDoc` does: otherwise (a node moved to
 * another host, an added node under a node indented elsewhere, other document settings
 * changed, a text with CR line ends or that does not read) undefined.
 */
export function patchStackText(
  oldText: string,
  oldDoc: DiagramDocument,
  newDoc: DiagramDocument
): string | undefined {
  return patchStack(oldText, oldDoc, newDoc)?.text;
}

/** `patchStackText`, with the line of each node in the patched text (for an editor). */
export function patchStack(
  oldText: string,
  oldDoc: DiagramDocument,
  newDoc: DiagramDocument
): StackPatch | undefined {
  if (oldText.includes('\r')) return undefined;
  const read = parseStack(oldText);
  if (!read.ok) return undefined;
  const before = paneText(oldDoc);
  const after = paneText(newDoc);
  if (before.text === after.text) return { text: oldText, nodes: lineNumbers(read) };

  const lines = oldText.split('\n');
  const printedBefore = before.text.split('\n');
  const printedAfter = after.text.split('\n');
  /** Replacements by 0-based line (null: remove the line). */
  const replace = new Map<number, string | null>();
  /** Lines to insert after a 0-based line (-1: at the top). */
  const inserts = new Map<number, string[]>();
  const insert = (after: number, block: string[]) => {
    const list = inserts.get(after);
    if (list) list.push(...block);
    else inserts.set(after, [...block]);
  };

  // Settings: only the title is patched.
  const header = (p: string[]) => p.filter((l) => /^(title:|\+|clusters:)/.test(l));
  const headBefore = header(printedBefore);
  const headAfter = header(printedAfter);
  const notTitle = (h: string[]) => h.filter((l) => !l.startsWith('title:')).join('\n');
  if (notTitle(headBefore) !== notTitle(headAfter)) return undefined;
  const titleBefore = headBefore.find((l) => l.startsWith('title:'));
  const titleAfter = headAfter.find((l) => l.startsWith('title:'));
  if (titleBefore !== titleAfter) {
    const at = lines.findIndex((l) => /^title[ \t]*:/.test(l));
    if (titleBefore !== undefined && at < 0) return undefined;
    if (at < 0) insert(-1, [titleAfter!]);
    else replace.set(at, titleAfter === undefined ? null : rewriteLine(lines[at], titleAfter));
  }

  // Nodes and clusters that were there: rewritten where their printed line changed.
  const keep = (
    ids: Iterable<string>,
    spans: StackParseResult['nodes'],
    printed: (p: StackPrintResult) => Map<string, number>,
    alive: Set<string>
  ): boolean => {
    for (const id of ids) {
      const span = spans.get(id);
      if (!span) return false;
      if (!alive.has(id)) {
        replace.set(span.line - 1, null);
        continue;
      }
      const was = printedBefore[(printed(before).get(id) ?? 0) - 1];
      const now = printedAfter[(printed(after).get(id) ?? 0) - 1];
      if (was === undefined || now === undefined) return false;
      if (was.trimStart() !== now.trimStart())
        replace.set(span.line - 1, rewriteLine(lines[span.line - 1], now.trimStart()));
    }
    return true;
  };
  const newNodes = new Set(newDoc.nodes.map((n) => n.id));
  const newClusters = new Set((newDoc.clusters ?? []).map((c) => c.id));
  if (
    !keep(
      oldDoc.nodes.map((n) => n.id),
      read.nodes,
      (p) => p.nodes,
      newNodes
    )
  )
    return undefined;
  const oldClusterIds = (oldDoc.clusters ?? []).map((c) => c.id);
  if (!keep(oldClusterIds, read.clusters, (p) => p.clusters, newClusters)) return undefined;

  // Added nodes: each with what was added under it, as the new print has them.
  const oldNodes = new Set(oldDoc.nodes.map((n) => n.id));
  const hostOf = new Map<string, string>();
  for (const e of newDoc.edges)
    if (!hostOf.has(e.target) && newNodes.has(e.source)) hostOf.set(e.target, e.source);
  const last = lastContentLine(lines);
  for (const n of newDoc.nodes) {
    if (oldNodes.has(n.id)) continue;
    const host = hostOf.get(n.id);
    if (host !== undefined && !oldNodes.has(host)) continue; // written with its host
    const at = after.nodes.get(n.id)! - 1;
    const depth = indentLevel(printedAfter[at]);
    let end = at + 1;
    while (end < printedAfter.length && indentLevel(printedAfter[end]) > depth) end++;
    if (host === undefined) {
      insert(last, reindent(printedAfter.slice(at, end), depth, '', unitOf(lines, '')));
      continue;
    }
    const hostLine = read.nodes.get(host)!.line - 1;
    const ws = leading(lines[hostLine]);
    const unit = unitOf(lines, ws);
    insert(
      subtreeEnd(lines, hostLine),
      reindent(printedAfter.slice(at, end), depth, ws + unit, unit)
    );
  }
  // Added clusters: at the end.
  for (const c of newDoc.clusters ?? []) {
    if (oldClusterIds.includes(c.id)) continue;
    insert(last, [printedAfter[after.clusters.get(c.id)! - 1]]);
  }

  const out: string[] = [...(inserts.get(-1) ?? [])];
  lines.forEach((line, i) => {
    const r = replace.get(i);
    if (r !== null) out.push(r ?? line);
    out.push(...(inserts.get(i) ?? []));
  });
  const text = out.join('\n');
  const check = parseStack(text);
  if (!check.ok || !check.document || paneText(check.document).text !== after.text)
    return undefined;
  return { text, nodes: lineNumbers(check) };
}

function lineNumbers(read: StackParseResult): Map<string, number> {
  return new Map([...read.nodes].map(([id, span]) => [id, span.line]));
}

const leading = (line: string) => /^[ \t]*/.exec(line)![0];

/** A line's level: a tab or two spaces each. */
function indentLevel(line: string): number {
  const ws = leading(line);
  const tabs = ws.replace(/ /g, '').length;
  return tabs + Math.floor((ws.length - tabs) / 2);
}

/** Whether a line says something (not blank, not only a comment). */
const hasContent = (line: string) => {
  const rest = line.slice(leading(line).length);
  return rest !== '' && !rest.startsWith('%%');
};

/** The last line with content (-1 when none): added roots go after it. */
function lastContentLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (hasContent(lines[i])) return i;
  return -1;
}

/** The last line indented under the line at `at` (itself when none). */
function subtreeEnd(lines: string[], at: number): number {
  const level = indentLevel(lines[at]);
  let end = at;
  for (let i = at + 1; i < lines.length; i++) {
    if (!hasContent(lines[i])) continue;
    if (indentLevel(lines[i]) <= level) break;
    end = i;
  }
  return end;
}

/** One level of indentation as the text writes it: a tab when it indents with tabs. */
function unitOf(lines: string[], near: string): string {
  if (near.includes('\t')) return '\t';
  if (near.includes(' ')) return '  ';
  return lines.some((l) => hasContent(l) && l.startsWith('\t')) ? '\t' : '  ';
}

/** Printed lines (two spaces a level, the first at `depth`) indented from `ws` by `unit`s. */
function reindent(block: string[], depth: number, ws: string, unit: string): string[] {
  return block.map((l) => ws + unit.repeat(indentLevel(l) - depth) + l.trimStart());
}

/**
 * `content` (a printed line without its indentation) in place of `line`: the line's own
 * leading white space and trailing `%%` comment are kept, and its kind word when it names
 * the same kind.
 */
function rewriteLine(line: string, content: string): string {
  const ws = leading(line);
  const comment = trailingComment(line);
  const word = /^[^\s[#"]+/.exec(line.slice(ws.length))?.[0];
  const printedWord = /^[^\s[#"]+/.exec(content)?.[0];
  if (word && printedWord && word !== printedWord) {
    const kind = kindOfWord(word);
    const sameKind = kind !== undefined && kind === kindOfWord(printedWord);
    const cluster = (w: string) => CLUSTER_WORDS.includes(w.toLowerCase());
    if (sameKind || (cluster(word) && cluster(printedWord)))
      content = word + content.slice(printedWord.length);
  }
  return ws + content + comment;
}

/** The `%%` comment at the end of a line, with the white space before it ('' when none). */
function trailingComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '%' && line[i + 1] === '%') {
      let from = i;
      while (from > 0 && (line[from - 1] === ' ' || line[from - 1] === '\t')) from--;
      return line.slice(from);
    }
  }
  return '';
}
