import {
  stackIsValid,
  countDiagnostics,
  countsText,
  nodeMap,
  renderDiagnostic,
  reportToJson,
  stackLine,
  validate,
  type DiagramDocument,
  type Expectation,
  type Lang,
  type Severity,
  type ValidationReport
} from '../lib/core/index';
import type { CliIO } from './io';
import { displayName, loadDocumentLines, type LoadOptions } from './load';
import { jsonSafe, terminalSafe, textSafe as safe } from './terminal';

export interface ValidateArgs {
  files: string[];
  expect?: Expectation;
  format: 'text' | 'json';
  lang: Lang;
  limits?: LoadOptions;
}

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', info: 'note' },
  ko: { error: '오류', warning: '경고', info: '참고' }
};

const paint = (on: boolean, code: string, text: string) =>
  on ? `\x1b[${code}m${text}\x1b[0m` : text;
const SEVERITY_COLOR: Record<Severity, string> = { error: '1;31', warning: '1;33', info: '1;36' };

/** `stackdraw validate`: exit 0 valid, 1 invalid, 2 unreadable input. */
export async function runValidate(io: CliIO, args: ValidateArgs): Promise<number> {
  let status = 0;
  const json = (value: object) => io.stdout(jsonSafe(JSON.stringify(value)) + '\n');
  for (const file of args.files) {
    // A refused file prints nothing on stdout: its errors are on stderr, with line and column.
    const loaded = await loadDocumentLines(io, file, { lang: args.lang, ...args.limits });
    if (!loaded) {
      status = 2;
      continue;
    }
    const { doc, lines } = loaded;
    const report = validate(doc, { expect: args.expect });
    if (!report.valid && status === 0) status = 1;

    if (args.format === 'json') {
      json({ file: displayName(file), ...reportToJson(report, doc, args.lang, nodeMap(doc)) });
      continue;
    }
    // Stack text: each problem names the line of the first node it concerns.
    const name = terminalSafe(displayName(file)); // as typed: NFC is for labels only
    const line = (id: string | undefined) => (id === undefined ? undefined : lines?.get(id));
    printReport(io, doc, report, args.lang, (id) => {
      const n = line(id);
      return n === undefined ? name : `${name}:${n}`;
    });
  }
  return status;
}

/**
 * The text report of one document, as `validate` prints it: one line per problem (with its
 * hint), one per stack, then the verdict. `where(id)` is the prefix of a line: the file
 * name, with a line number where one is known for the node `id` (undefined: the verdict).
 */
export function printReport(
  io: CliIO,
  doc: DiagramDocument,
  report: ValidationReport,
  lang: Lang,
  where: (id: string | undefined) => string,
  out: (text: string) => void = io.stdout
): void {
  // Labels, ids and file names are shown terminal-safe: no control character reaches it.
  const nodes = nodeMap(doc);
  const c = io.color && out === io.stdout;
  for (const d of report.diagnostics) {
    const labels = safe(d.nodes.map((id) => nodes.get(id)?.label || id).join(', '));
    const sev = paint(c, SEVERITY_COLOR[d.severity], SEVERITY_WORD[lang][d.severity]);
    const { message, hint } = renderDiagnostic(d, nodes, lang);
    out(`${where(d.nodes[0])}: ${sev} ${d.rule} [${labels}]: ${safe(message)}\n`);
    if (hint) out(`    ${lang === 'ko' ? '힌트' : 'hint'}: ${safe(hint)}\n`);
  }
  for (const s of report.stacks) {
    const line = safe(stackLine(s, nodes, lang));
    const ok = stackIsValid(s);
    out(`${where(s.root)}: ${paint(c, ok ? '32' : '31', line)}\n`);
  }
  if (report.stacks.length === 0) {
    out(
      `${where(undefined)}: ${lang === 'ko' ? '스택 없음 (하드웨어 노드가 없습니다)' : 'no stacks (no hardware node without a host)'}\n`
    );
  }
  const counts = countsText(countDiagnostics(report), lang);
  const verdict = report.valid
    ? lang === 'ko'
      ? '유효'
      : 'valid'
    : lang === 'ko'
      ? '오류 있음'
      : 'invalid';
  out(`${where(undefined)}: ${paint(c, report.valid ? '1;32' : '1;31', verdict)} (${counts})\n`);
}
