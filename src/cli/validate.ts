import {
  stackIsValid,
  countDiagnostics,
  countsText,
  nodeMap,
  readDocument,
  renderDiagnostic,
  reportToJson,
  stackLine,
  validate,
  type Expectation,
  type InputError,
  type Lang,
  type ReadLimits,
  type Severity
} from '../lib/core/index';
import { describeFsError, type CliIO } from './io';

export interface ValidateArgs {
  files: string[];
  expect?: Expectation;
  format: 'text' | 'json';
  lang: Lang;
  limits?: ReadLimits;
}

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', info: 'note' },
  ko: { error: '오류', warning: '경고', info: '참고' }
};

const paint = (on: boolean, code: string, text: string) =>
  on ? `\x1b[${code}m${text}\x1b[0m` : text;
const SEVERITY_COLOR: Record<Severity, string> = { error: '1;31', warning: '1;33', info: '1;36' };

/** Read one input: a file, or stdin for `-`. Returns the text or a reason it failed. */
export async function readInput(
  io: CliIO,
  file: string
): Promise<{ text: string } | { error: string }> {
  try {
    return { text: file === '-' ? await io.readStdin() : await io.readFile(file) };
  } catch (e) {
    return { error: describeFsError(e) };
  }
}

export const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

export function reportInputErrors(io: CliIO, file: string, errors: readonly InputError[]): void {
  for (const e of errors) {
    const raise =
      e.code === 'too-large'
        ? e.path === '$.nodes'
          ? ' (--max-nodes N raises the limit)'
          : ' (--max-size MB raises the limit)'
        : '';
    io.stderr(`stackdraw: ${displayName(file)}: ${e.path}: ${e.message}${raise}\n`);
  }
}

/** `stackdraw validate`: exit 0 valid, 1 invalid, 2 unreadable input. */
export async function runValidate(io: CliIO, args: ValidateArgs): Promise<number> {
  let status = 0;
  for (const file of args.files) {
    const input = await readInput(io, file);
    if ('error' in input) {
      io.stderr(`stackdraw: ${displayName(file)}: ${input.error}\n`);
      status = 2;
      continue;
    }
    const read = readDocument(input.text, args.limits);
    if (!read.ok) {
      reportInputErrors(io, file, read.errors);
      status = 2;
      continue;
    }
    const doc = read.document;
    const report = validate(doc, { expect: args.expect });
    if (!report.valid && status === 0) status = 1;
    const nodes = nodeMap(doc);

    if (args.format === 'json') {
      io.stdout(JSON.stringify(reportToJson(report, doc, args.lang, nodes)) + '\n');
      continue;
    }
    const name = displayName(file);
    const c = io.color;
    for (const d of report.diagnostics) {
      const labels = d.nodes.map((id) => nodes.get(id)?.label || id).join(', ');
      const sev = paint(c, SEVERITY_COLOR[d.severity], SEVERITY_WORD[args.lang][d.severity]);
      const { message, hint } = renderDiagnostic(d, nodes, args.lang);
      io.stdout(`${name}: ${sev} ${d.rule} [${labels}]: ${message}\n`);
      if (hint) io.stdout(`    ${args.lang === 'ko' ? '힌트' : 'hint'}: ${hint}\n`);
    }
    for (const s of report.stacks) {
      const line = stackLine(s, nodes, args.lang);
      const ok = stackIsValid(s);
      io.stdout(`${name}: ${paint(c, ok ? '32' : '31', line)}\n`);
    }
    if (report.stacks.length === 0) {
      io.stdout(
        `${name}: ${args.lang === 'ko' ? '스택 없음 (하드웨어 노드가 없습니다)' : 'no stacks (no hardware node without a host)'}\n`
      );
    }
    const counts = countsText(countDiagnostics(report), args.lang);
    const verdict = report.valid
      ? args.lang === 'ko'
        ? '유효'
        : 'valid'
      : args.lang === 'ko'
        ? '오류 있음'
        : 'invalid';
    io.stdout(`${name}: ${paint(c, report.valid ? '1;32' : '1;31', verdict)} (${counts})\n`);
  }
  return status;
}
