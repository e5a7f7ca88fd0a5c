import { EXPECTATIONS, type Expectation, type Lang } from '../lib/core/index';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { processIO, type CliIO } from './io';
import { runValidate } from './validate';

declare const __STACKDRAW_VERSION__: string;
const VERSION = typeof __STACKDRAW_VERSION__ === 'string' ? __STACKDRAW_VERSION__ : '0.0.0-dev';

const USAGE = `Usage: stackdraw <command> [options] FILE...

Commands:
  validate FILE...   Check documents against the Type 1 / Type 2 hypervisor rules.
                     FILE may be - to read standard input.

Options for validate:
  --expect type1|type2|dedicated   What every stack should be, unless its hardware
                                   node says otherwise with "expect".
  --format text|json               Output format (default text). json prints one
                                   JSON object per file, one per line.
  --lang en|ko                     Language of the messages (default en).

  -h, --help       Show this help.
  -v, --version    Show the version.

Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable input or bad usage.
`;

const VALIDATE_OPTIONS: OptionSpec[] = [
  { name: 'expect', values: EXPECTATIONS },
  { name: 'format', values: ['text', 'json'] },
  { name: 'lang', values: ['en', 'ko'] },
  { name: 'help', short: 'h' },
  { name: 'version', short: 'v' }
];

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const usageError = (message: string) => {
    io.stderr(`stackdraw: ${message}\nRun 'stackdraw --help' for usage.\n`);
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
  if (command !== 'validate') {
    return usageError(
      command.startsWith('-')
        ? `a command comes first, e.g. 'stackdraw validate FILE'`
        : `unknown command '${command}'`
    );
  }
  try {
    const { options, positionals } = parseArgs(rest, VALIDATE_OPTIONS);
    if (options.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (options.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (positionals.length === 0)
      return usageError('validate needs at least one FILE (or - for standard input)');
    return await runValidate(io, {
      files: positionals,
      expect: options.expect as Expectation | undefined,
      format: (options.format as 'text' | 'json' | undefined) ?? 'text',
      lang: (options.lang as Lang | undefined) ?? 'en'
    });
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
}

/** Entry point of the built CLI. */
export async function main(): Promise<void> {
  const io = processIO();
  try {
    process.exitCode = await run(process.argv.slice(2), io);
  } catch (e) {
    io.stderr(
      `stackdraw: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
    );
    process.exitCode = 70;
  }
}
