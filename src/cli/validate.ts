import {
  stackIsValid,
  countDiagnostics,
  countsText,
  nodeMap,
  renderDiagnostic,
  reportToJson,
  stackLine,
  validate,
  type Expectation,
  type Lang,
  type ReadLimits,
  type Severity
} from '../lib/core/index';
import type { CliIO } from './io';
import { displayName, loadDocument } from './load';
import { terminalSafe as safe } from './terminal';

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

/** `stackdraw validate`: exit 0 valid, 1 invalid, 2 unreadable input. */
export async function runValidate(io: CliIO, args: ValidateArgs): Promise<number> {
  let status = 0;
  for (const file of args.files) {
    const doc = await loadDocument(io, file, args.limits);
    if (!doc) {
      status = 2;
      continue;
    }
    const report = validate(doc, { expect: args.expect });
    if (!report.valid && status === 0) status = 1;
    const nodes = nodeMap(doc);

    if (args.format === 'json') {
      io.stdout(JSON.stringify(reportToJson(report, doc, args.lang, nodes)) + '\n');
      continue;
    }
    // Labels, ids and file names are shown terminal-safe: no control character reaches it.
    const name = safe(displayName(file));
    const c = io.color;
    for (const d of report.diagnostics) {
      const labels = safe(d.nodes.map((id) => nodes.get(id)?.label || id).join(', '));
      const sev = paint(c, SEVERITY_COLOR[d.severity], SEVERITY_WORD[args.lang][d.severity]);
      const { message, hint } = renderDiagnostic(d, nodes, args.lang);
      io.stdout(`${name}: ${sev} ${d.rule} [${labels}]: ${safe(message)}\n`);
      if (hint) io.stdout(`    ${args.lang === 'ko' ? '힌트' : 'hint'}: ${safe(hint)}\n`);
    }
    for (const s of report.stacks) {
      const line = safe(stackLine(s, nodes, args.lang));
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
