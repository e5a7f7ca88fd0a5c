import {
  decodeInput,
  DEFAULT_LIMITS,
  locateJsonPath,
  looksLikeSvg,
  readDocumentBytes,
  renderInputError,
  tooLargeError,
  unknownIds,
  type DiagramDocument,
  type InputError,
  type Lang,
  type ReadLimits
} from '../lib/core/index';
import { parseStack, type StackError } from '../lib/core/text/index';
import { describeFsError, InputTooLarge, type CliIO } from './io';
import { terminalSafe } from './terminal';

export const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/**
 * Read one input's bytes: a file, or stdin for `-`, never more than `maxBytes` of them.
 * Returns the bytes, an input error (too large), or why the file could not be read.
 */
export async function readInput(
  io: CliIO,
  file: string,
  maxBytes: number,
  lang: Lang = 'en'
): Promise<{ bytes: Uint8Array } | { inputError: InputError } | { error: string }> {
  try {
    return {
      bytes: file === '-' ? await io.readStdin(maxBytes) : await io.readFile(file, maxBytes)
    };
  } catch (e) {
    if (e instanceof InputTooLarge) return { inputError: tooLargeError(e.bytes, e.maxBytes) };
    return { error: describeFsError(e, lang) };
  }
}

/**
 * One stderr line per input error, in `lang`: `stackdraw: FILE: PATH: MESSAGE (line L, column
 * C)`, terminal-safe. The line and column of a JSON path are found in `text` (the input's
 * JSON text, when there is one and it has more than one line); messages that give their own
 * line (broken JSON, bytes that are not text) and size limits are left as they are.
 */
export function reportInputErrors(
  io: CliIO,
  file: string,
  errors: readonly InputError[],
  lang: Lang = 'en',
  text?: string
): void {
  // One-line JSON is written by programs: there the path says more than "line 1, column 9042".
  const multiline = text !== undefined && text.trimEnd().includes('\n');
  for (const e of errors) {
    const flag = e.path === '$.nodes' ? '--max-nodes N' : '--max-size MB';
    const raise =
      e.code === 'too-large'
        ? lang === 'ko'
          ? ` (${flag}로 한도를 올릴 수 있습니다)`
          : ` (${flag} raises the limit)`
        : '';
    const message = renderInputError(e, lang);
    const at =
      multiline && e.line === undefined && e.path !== '$' && e.code !== 'too-large'
        ? locateJsonPath(text, e.path)
        : undefined;
    const where = at
      ? lang === 'ko'
        ? ` (${at.line}행 ${at.column}열)`
        : ` (line ${at.line}, column ${at.column})`
      : '';
    io.stderr(
      `stackdraw: ${terminalSafe(displayName(file))}: ${terminalSafe(e.path)}: ${terminalSafe(message)}${where}${raise}\n`
    );
  }
}

/** How to read an input: the reader's limits, and the stack text's format and language. */
export interface LoadOptions extends ReadLimits {
  /** `stack` reads stack text; default: by the file name (`.stack`), else JSON or SVG. */
  inputFormat?: 'json' | 'stack';
  /** Language of the error messages. */
  lang?: Lang;
}

/** Is this input stack text (`--input-format stack`, or a `.stack` file)? */
export const isStackInput = (file: string, options: LoadOptions): boolean =>
  options.inputFormat === 'stack' || (options.inputFormat === undefined && /\.stack$/i.test(file));

/**
 * Stack text errors on stderr, one per error with its hint:
 * `stackdraw: FILE:LINE:COLUMN: MESSAGE`. `lineOffset` and `columnOffset(line)` place a
 * block of text inside a bigger file (a Markdown file's fenced block).
 */
export function reportStackErrors(
  io: CliIO,
  file: string,
  errors: readonly StackError[],
  lang: Lang = 'en',
  place: (line: number) => { line: number; column: number } = (line) => ({ line, column: 0 })
): void {
  for (const e of errors) {
    const at = place(e.line);
    io.stderr(
      `stackdraw: ${terminalSafe(displayName(file))}:${at.line}:${at.column + e.column}: ${terminalSafe(e.message)}\n`
    );
    if (e.hint) io.stderr(`    ${lang === 'ko' ? '힌트' : 'hint'}: ${terminalSafe(e.hint)}\n`);
  }
}

/**
 * Read and check one input within `options`' limits: JSON or a stackdraw SVG, or stack
 * text (a `.stack` file or `--input-format stack`), UTF-8 or UTF-16 with a byte-order mark.
 * Reports problems on stderr and returns undefined for them. `lines` (stack text only):
 * the line of each node, by id.
 */
export async function loadDocumentLines(
  io: CliIO,
  file: string,
  options: LoadOptions = {}
): Promise<{ doc: DiagramDocument; lines?: Map<string, number> } | undefined> {
  const input = await readInput(
    io,
    file,
    options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    options.lang
  );
  if ('error' in input) {
    io.stderr(`stackdraw: ${terminalSafe(displayName(file))}: ${input.error}\n`);
    return undefined;
  }
  if (!('inputError' in input) && isStackInput(file, options)) {
    const decoded = decodeInput(input.bytes);
    if (!decoded.ok) {
      reportInputErrors(io, file, [decoded.error], options.lang);
      return undefined;
    }
    const parsed = parseStack(decoded.text, { lang: options.lang, limits: options });
    if (!parsed.ok) {
      reportStackErrors(io, file, parsed.errors, options.lang);
      return undefined;
    }
    const lines = new Map([...parsed.nodes].map(([id, span]) => [id, span.line]));
    return { doc: parsed.document!, lines };
  }
  const read =
    'inputError' in input
      ? ({ ok: false, errors: [input.inputError] } as const)
      : readDocumentBytes(input.bytes, options);
  if (!read.ok) {
    // The text, to give the line of a JSON path (JSON input only; not for SVG).
    const decoded = 'bytes' in input ? decodeInput(input.bytes) : undefined;
    const text = decoded?.ok && !looksLikeSvg(decoded.text) ? decoded.text : undefined;
    reportInputErrors(io, file, read.errors, options.lang, text);
    return undefined;
  }
  return { doc: read.document };
}

/** `loadDocumentLines`, the document alone. */
export async function loadDocument(
  io: CliIO,
  file: string,
  options: LoadOptions = {}
): Promise<DiagramDocument | undefined> {
  return (await loadDocumentLines(io, file, options))?.doc;
}

/**
 * `--fail` ids that name no node: one stderr line each (in `lang`), and true when there
 * were any (the command then exits 2).
 */
export function reportUnknownFailIds(
  io: CliIO,
  file: string,
  doc: DiagramDocument,
  failed: readonly string[],
  lang: Lang
): boolean {
  const unknown = unknownIds(doc, failed);
  for (const id of unknown) {
    const what = lang === 'ko' ? '이 id의 노드가 없습니다' : 'no node has this id';
    io.stderr(
      `stackdraw: ${terminalSafe(displayName(file))}: --fail ${terminalSafe(JSON.stringify(id))}: ${what}\n`
    );
  }
  return unknown.length > 0;
}
