import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import {
  decodeInput,
  DEFAULT_LIMITS,
  markdownImage,
  validate,
  type Expectation,
  type Lang
} from '../lib/core/index';
import { parseStack } from '../lib/core/text/index';
import { drawPicture } from './export';
import { describeWriteError, EX_IOERR, writeOutput, type CliIO } from './io';
import {
  displayName,
  readInput,
  reportInputErrors,
  reportStackErrors,
  type LoadOptions
} from './load';
import { terminalSafe } from './terminal';
import { printReport } from './validate';

declare const __STACKDRAW_VERSION__: string;
const VERSION = typeof __STACKDRAW_VERSION__ === 'string' ? __STACKDRAW_VERSION__ : '0.0.0-dev';

export interface MdArgs {
  /** The Markdown file, or - for standard input. */
  file: string;
  /** Where the Markdown goes: a file, or standard output ('-' or undefined). */
  out?: string;
  /** Where the images go (default: the output's folder, or the current one for stdout). */
  assets?: string;
  format: 'svg' | 'png';
  /** Only validate: no image, no Markdown is written. */
  check: boolean;
  /** A block that breaks the rules does not make the exit status 1. */
  allowInvalid: boolean;
  lang: Lang;
  expect?: Expectation;
  view: 'graph' | 'blocks';
  theme: 'light' | 'dark';
  limits?: LoadOptions;
}

/** A fenced ```stackdraw block of a Markdown file. */
export interface StackBlock {
  /** Its text (the container's prefixes, such as `> `, taken off each line). */
  value: string;
  /** Offsets of the whole block, opening fence to closing fence, in the Markdown text. */
  start: number;
  end: number;
  /** 1-based line of the opening fence: stack line N is Markdown line `line + N`. */
  line: number;
  /** Per stack line (0-based), how many characters precede it on its Markdown line. */
  indent: number[];
}

interface MdNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

/**
 * The ```stackdraw (or ~~~stackdraw) fenced blocks of a Markdown text, in order, found by a
 * CommonMark parser (mdast-util-from-markdown), in lists and block quotes too. The info
 * string's first word is compared without regard to case.
 */
export function findStackBlocks(markdown: string): StackBlock[] {
  const tree = fromMarkdown(markdown) as MdNode;
  const lines = markdown.split(/\r\n|\r|\n/);
  const blocks: StackBlock[] = [];
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    if (n.type !== 'code' || n.lang?.toLowerCase() !== 'stackdraw' || !n.position) continue;
    const value = n.value ?? '';
    const line = n.position.start.line;
    const indent = value.split(/\r\n|\r|\n/).map((text, i) => {
      const source = lines[line + i] ?? '';
      return source.endsWith(text) ? source.length - text.length : 0;
    });
    blocks.push({
      value,
      start: n.position.start.offset ?? 0,
      end: n.position.end.offset ?? markdown.length,
      line,
      indent
    });
  }
  return blocks;
}

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false
  );

/**
 * `stackdraw md NOTES.md [-o OUT.md] [--assets DIR] [--format svg|png] [--check]`: each
 * ```stackdraw block is drawn to an image named after a hash of its text and the drawing
 * options (`stackdraw-<16 hex>.svg`; an image already there is not written again) and
 * replaced by an image line, `![title](path)`, escaped for CommonMark, with the path
 * relative to OUT's folder. Everything else in the file is kept byte for byte. Each
 * block's validation report is printed as `validate` prints it, with the Markdown file's
 * line numbers (on stdout, or on stderr when the Markdown goes to stdout); stack text
 * errors go to stderr as `FILE:LINE:COLUMN: message`, and their block is left as it is.
 *
 * Exit 0; 1 when a block breaks the rules (not with `allowInvalid`); 2 when the file or a
 * block cannot be read; 74 when an image or OUT cannot be written.
 */
export async function runMd(io: CliIO, args: MdArgs): Promise<number> {
  const limits = args.limits ?? {};
  // The output replaces every block by an image link: written over the notes themselves,
  // the stack text would be gone for good.
  if (!args.check && args.file !== '-' && args.out !== undefined && args.out !== '-') {
    if (await sameFile(args.file, args.out)) {
      io.stderr(
        `stackdraw: ${terminalSafe(displayName(args.out))}: this is the input file; writing the result over it would replace its \`\`\`stackdraw blocks for good. Choose another -o (for example ${terminalSafe(args.out.replace(/(\.md)?$/i, '.out.md'))}).\n`
      );
      return 2;
    }
  }
  const input = await readInput(
    io,
    args.file,
    limits.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    args.lang
  );
  if ('error' in input) {
    io.stderr(`stackdraw: ${terminalSafe(displayName(args.file))}: ${input.error}\n`);
    return 2;
  }
  if ('inputError' in input) {
    reportInputErrors(io, args.file, [input.inputError], args.lang);
    return 2;
  }
  const decoded = decodeInput(input.bytes);
  if (!decoded.ok) {
    reportInputErrors(io, args.file, [decoded.error], args.lang);
    return 2;
  }
  const bytes = input.bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  const markdown = decoded.text;

  const toStdout = args.out === undefined || args.out === '-';
  const report = !args.check && toStdout ? io.stderr : io.stdout;
  const outDir = toStdout ? resolve('.') : dirname(resolve(args.out!));
  const assets = args.assets === undefined ? outDir : resolve(args.assets);
  const name = terminalSafe(displayName(args.file));

  let status = 0;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const block of findStackBlocks(markdown)) {
    const place = (line: number) => ({
      line: block.line + line,
      column: block.indent[line - 1] ?? 0
    });
    const parsed = parseStack(block.value, { lang: args.lang, limits });
    if (!parsed.ok) {
      reportStackErrors(io, args.file, parsed.errors, args.lang, place);
      status = 2;
      continue;
    }
    const doc = parsed.document!;
    const result = validate(doc, { expect: args.expect });
    printReport(
      io,
      doc,
      result,
      args.lang,
      (id) => {
        const span = id === undefined ? undefined : parsed.nodes.get(id);
        return `${name}:${span ? block.line + span.line : block.line}`;
      },
      report
    );
    if (!result.valid && !args.allowInvalid && status === 0) status = 1;
    if (args.check) continue;

    const hash = createHash('sha256')
      .update(JSON.stringify([VERSION, args.format, args.lang, args.expect, args.view, args.theme]))
      .update('\n')
      .update(block.value)
      .digest('hex')
      .slice(0, 16);
    const image = join(assets, `stackdraw-${hash}.${args.format}`);
    if (!(await exists(image))) {
      const picture = await drawPicture(
        io,
        doc,
        {
          file: args.file,
          view: args.view,
          theme: args.theme,
          markers: true,
          text: 'embed',
          lang: args.lang,
          expect: args.expect
        },
        result,
        args.format,
        image
      );
      if (picture === undefined) return 2;
      try {
        await mkdir(assets, { recursive: true });
        await io.writeFile(image, picture);
      } catch (e) {
        io.stderr(`stackdraw: ${terminalSafe(image)}: cannot write: ${describeWriteError(e)}\n`);
        return EX_IOERR;
      }
    }
    const link = relative(outDir, image).split(sep).join('/');
    const alt = doc.title?.trim() || 'stackdraw diagram';
    edits.push({ start: block.start, end: block.end, text: markdownImage(alt, link) });
  }
  if (args.check) return status;

  let text = markdown;
  for (const e of edits.reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  const failed = await writeOutput(io, args.out, bom + text);
  return failed ?? status;
}

/** Do two paths name one file (the same device and inode; false when either is missing)? */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
