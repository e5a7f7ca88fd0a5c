import { EXPECTATIONS, type Expectation, type Lang } from '../lib/core/index';
import { parseArgs, UsageError, type OptionSpec, type Parsed } from './args';
import { EX_IOERR, processIO, type CliIO } from './io';
import type { LoadOptions } from './load';
import { terminalSafe } from './terminal';
import { runValidate } from './validate';

declare const __STACKDRAW_VERSION__: string;
const VERSION = typeof __STACKDRAW_VERSION__ === 'string' ? __STACKDRAW_VERSION__ : '0.0.0-dev';

const USAGE = `Usage: stackdraw <command> [options]

Commands:
  validate FILE...    Check documents against the Type 1 / Type 2 hypervisor rules.
  export FILE         Draw a document as SVG or PNG.
  layout FILE         Arrange a document's stacks automatically (ELK) and write the
                      document with positions.
  analyze FILE        Machines, VMs, services and memory; what each machine's failure
                      stops; with --fail, what happens (HA restarts, FT copies).
  convert FILE -o OUT Convert between .json, .stack (stack text) and .svg.
  md NOTES.md         Draw every \`\`\`stackdraw block of a Markdown file as an image
                      and link it in place of the block.

FILE is a stackdraw .json document, stack text (.stack) or an .svg exported by stackdraw;
- reads standard input (JSON or SVG; stack text with --input-format stack).

validate options:
  --expect type1|type2|dedicated   What every stack should be, unless its hardware
                                   node says otherwise with "expect".
  --format text|json               Output format (default text). json prints one
                                   JSON object per file, one per line.
  --lang en|ko                     Language of the messages (default en).

export options:
  -o, --output OUT.svg|OUT.png|-   Where to write; the format follows the extension
                                   (default: SVG on standard output).
  --to svg|png                     The format when OUT has no such extension (a device
                                   such as /dev/stdout, or standard output).
  --view graph|blocks              Nodes and edges, or the textbook layer blocks.
  --theme light|dark
  --no-markers                     Leave out the validation badges.
  --text embed|outline             Embed a font subset (default), or draw text as paths.
  --padding N                      Space around the drawing, in px (default 24).
  --scale N                        PNG pixels per SVG unit (default 2; a PNG is at most
                                   16,384 px a side and 100 megapixels: the default
                                   scale shrinks to fit, an explicit one is refused).
  --lang en|ko                     Language of the description and badges.
  --expect type1|type2|dedicated   As for validate.
  --fail ID                        Draw the failure view: what stops is dimmed, HA
                                   restarts and FT copies are marked (repeatable).

layout options:
  -o, --output OUT|-               Where to write the document (default: standard output).
  --lang en|ko                     Language of the node captions the boxes are measured
                                   with (as the export that will draw them).

analyze options:
  --fail ID                        Fail this node (and what runs on it); repeat for
                                   several. An unknown id exits 2.
  --format text|json               Output format (default text).
  --lang en|ko                     Language of the text report (default en).

convert options:
  -o, --output OUT|-               .json, .stack or .svg (the SVG carries the document).
  --to json|stack|svg              The output format when OUT has no such extension.

md options:
  -o, --output OUT.md|-            Where to write the Markdown (default: standard output).
  --assets DIR                     Where the images go (default: OUT's folder); an image
                                   is named after its block's content hash and written
                                   only when it is not there yet.
  --format svg|png                 Image format (default svg).
  --check                          Only validate the blocks; write nothing.
  --allow-invalid                  Exit 0 even when a block breaks the rules.
  --lang, --expect, --view, --theme  As for export.

All commands:
  --input-format json|stack        How to read FILE (default: stack text for .stack files).
  -h, --help       Show this help.
  -v, --version    Show the version.

Limits (all commands): files over 10 MB or with over 50,000 nodes are refused;
  --max-size MB and --max-nodes N change the limits.

Exit status: 0 valid (warnings allowed; analyze: it ran), 1 invalid, 2 unreadable
input, an unknown --fail id or bad usage,
74 the output could not be written (a full disk, a -o file that cannot be created;
not a closed pipe), 70 internal error.
A document without positions is laid out before it is exported.
`;

const COMMON: OptionSpec[] = [
  { name: 'input-format', values: ['json', 'stack'] },
  { name: 'max-nodes', takesValue: true },
  { name: 'max-size', takesValue: true },
  { name: 'help', short: 'h' },
  { name: 'version', short: 'v' }
];

/** --max-nodes N and --max-size MB raise (or lower) the reader's limits; --input-format. */
function limitsOf(options: Parsed['options']): LoadOptions {
  const one = (v: Parsed['options'][string]) => (Array.isArray(v) ? v[v.length - 1] : v);
  const limits: LoadOptions = {};
  const format = one(options['input-format']);
  if (format) limits.inputFormat = format as 'json' | 'stack';
  const nodes = numberOption(one(options['max-nodes']), 'max-nodes', 1, 1e9);
  const size = numberOption(one(options['max-size']), 'max-size', 0.001, 1e6);
  if (nodes !== undefined) limits.maxNodes = Math.floor(nodes);
  if (size !== undefined) limits.maxBytes = Math.floor(size * 1024 * 1024);
  return limits;
}
const EXPECT: OptionSpec = { name: 'expect', values: EXPECTATIONS };
const LANG: OptionSpec = { name: 'lang', values: ['en', 'ko'] };
const OUTPUT: OptionSpec = { name: 'output', short: 'o', takesValue: true };
const FAIL: OptionSpec = { name: 'fail', takesValue: true, repeatable: true };

const COMMANDS: Record<
  string,
  { options: OptionSpec[]; run: (io: CliIO, p: Parsed) => Promise<number> }
> = {
  validate: {
    options: [EXPECT, LANG, { name: 'format', values: ['text', 'json'] }, ...COMMON],
    run: (io, { options, positionals }) => {
      if (positionals.length === 0)
        throw new UsageError('validate needs at least one FILE (or - for standard input)');
      return runValidate(io, {
        files: positionals,
        expect: options.expect as Expectation | undefined,
        format: (options.format as 'text' | 'json' | undefined) ?? 'text',
        lang: (options.lang as Lang | undefined) ?? 'en',
        limits: limitsOf(options)
      });
    }
  },
  export: {
    options: [
      OUTPUT,
      { name: 'view', values: ['graph', 'blocks'] },
      { name: 'theme', values: ['light', 'dark'] },
      { name: 'no-markers' },
      { name: 'text', values: ['embed', 'outline'] },
      { name: 'padding', takesValue: true },
      { name: 'scale', takesValue: true },
      { name: 'to', values: ['svg', 'png'] },
      LANG,
      EXPECT,
      FAIL,
      ...COMMON
    ],
    run: async (io, { options, positionals }) => {
      const file = single(positionals, 'export');
      const limits = limitsOf(options);
      // ELK, the font and resvg load only for the commands that need them.
      const { runExport } = await import('./export');
      return runExport(io, {
        file,
        out: options.output as string | undefined,
        to: options.to as 'svg' | 'png' | undefined,
        view: (options.view as 'graph' | 'blocks' | undefined) ?? 'graph',
        theme: (options.theme as 'light' | 'dark' | undefined) ?? 'light',
        markers: !options['no-markers'],
        text: (options.text as 'embed' | 'outline' | undefined) ?? 'embed',
        lang: (options.lang as Lang | undefined) ?? 'en',
        padding: numberOption(options.padding as string | undefined, 'padding', 0, 1000),
        scale: numberOption(options.scale as string | undefined, 'scale', 0.1, 16),
        fail: (options.fail as string[] | undefined) ?? [],
        expect: options.expect as Expectation | undefined,
        limits
      });
    }
  },
  analyze: {
    options: [FAIL, LANG, { name: 'format', values: ['text', 'json'] }, ...COMMON],
    run: async (io, { options, positionals }) => {
      const file = single(positionals, 'analyze');
      const { runAnalyze } = await import('./analyze');
      return runAnalyze(io, {
        file,
        fail: (options.fail as string[] | undefined) ?? [],
        format: (options.format as 'text' | 'json' | undefined) ?? 'text',
        lang: (options.lang as Lang | undefined) ?? 'en',
        limits: limitsOf(options)
      });
    }
  },
  layout: {
    options: [OUTPUT, LANG, ...COMMON],
    run: async (io, { options, positionals }) => {
      const file = single(positionals, 'layout');
      const limits = limitsOf(options);
      const { runLayout } = await import('./layout');
      return runLayout(
        io,
        file,
        options.output as string | undefined,
        (options.lang as Lang | undefined) ?? 'en',
        limits
      );
    }
  }
};

// Stack text: convert between formats, and draw the ```stackdraw blocks of Markdown.
const VIEW: OptionSpec = { name: 'view', values: ['graph', 'blocks'] };
const THEME: OptionSpec = { name: 'theme', values: ['light', 'dark'] };
COMMANDS.convert = {
  options: [OUTPUT, { name: 'to', values: ['json', 'stack', 'svg'] }, LANG, ...COMMON],
  run: async (io, { options, positionals }) => {
    const { runConvert } = await import('./convert');
    return runConvert(io, {
      file: single(positionals, 'convert'),
      out: options.output as string | undefined,
      to: options.to as 'json' | 'stack' | 'svg' | undefined,
      lang: (options.lang as Lang | undefined) ?? 'en',
      limits: limitsOf(options)
    });
  }
};
COMMANDS.md = {
  options: [
    OUTPUT,
    { name: 'assets', takesValue: true },
    { name: 'format', values: ['svg', 'png'] },
    { name: 'check' },
    { name: 'allow-invalid' },
    LANG,
    EXPECT,
    VIEW,
    THEME,
    ...COMMON
  ],
  run: async (io, { options, positionals }) => {
    const { runMd } = await import('./md');
    return runMd(io, {
      file: single(positionals, 'md'),
      out: options.output as string | undefined,
      assets: options.assets as string | undefined,
      format: (options.format as 'svg' | 'png' | undefined) ?? 'svg',
      check: options.check === true,
      allowInvalid: options['allow-invalid'] === true,
      lang: (options.lang as Lang | undefined) ?? 'en',
      expect: options.expect as Expectation | undefined,
      view: (options.view as 'graph' | 'blocks' | undefined) ?? 'graph',
      theme: (options.theme as 'light' | 'dark' | undefined) ?? 'light',
      limits: limitsOf(options)
    });
  }
};

function single(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? `${command} needs a FILE (or - for standard input)`
        : `${command} takes one FILE, not ${positionals.length}`
    );
  }
  return positionals[0];
}

function numberOption(
  v: string | boolean | undefined,
  name: string,
  min: number,
  max: number
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(
      `option --${name} must be a number from ${min} to ${max}, not ${JSON.stringify(v)}`
    );
  }
  return n;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const usageError = (message: string) => {
    io.stderr(`stackdraw: ${terminalSafe(message)}\nRun 'stackdraw --help' for usage.\n`);
    return 2;
  };
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const spec = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) {
    return usageError(
      command.startsWith('-')
        ? `a command comes first, e.g. 'stackdraw validate FILE'`
        : `unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')})`
    );
  }
  try {
    const parsed = parseArgs(rest, spec.options);
    if (parsed.options.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (parsed.options.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    return await spec.run(io, parsed);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
}

/** Entry point of the built CLI. */
export async function main(): Promise<void> {
  const io = processIO();
  let status: number;
  try {
    status = await run(process.argv.slice(2), io);
  } catch (e) {
    io.stderr(
      `stackdraw: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    status = 70;
  }
  // A report that did not reach standard output (a full disk) must not look like a verdict.
  const failure = await io.flushStdout();
  if (failure !== undefined) {
    io.stderr(`stackdraw: cannot write standard output: ${failure}\n`);
    status = EX_IOERR;
  }
  process.exitCode = status;
}
