import { analysisJson, analysisText, analyze, type Lang } from '../lib/core/index';
import type { CliIO } from './io';
import { loadDocument, reportUnknownFailIds, type LoadOptions } from './load';
import { jsonSafe, textSafe } from './terminal';

export interface AnalyzeArgs {
  file: string;
  /** Node ids to fail together (`--fail ID`, repeatable). */
  fail: string[];
  format: 'text' | 'json';
  lang: Lang;
  /** --max-size, --max-nodes and --input-format. */
  limits?: LoadOptions;
}

/**
 * `stackdraw analyze`: the consolidation figures, memory per machine, what each machine's
 * failure alone stops and, with `--fail`, what happens when those nodes fail. Exit 0 when
 * it ran (findings are not failures), 2 for unreadable input or an unknown id.
 */
export async function runAnalyze(io: CliIO, args: AnalyzeArgs): Promise<number> {
  const doc = await loadDocument(io, args.file, { lang: args.lang, ...args.limits });
  if (!doc) return 2;
  if (reportUnknownFailIds(io, args.file, doc, args.fail, args.lang)) return 2;
  const a = analyze(doc, args.fail);
  if (args.format === 'json') io.stdout(jsonSafe(analysisJson(a)) + '\n');
  else for (const line of analysisText(a, doc, args.lang)) io.stdout(`${textSafe(line)}\n`);
  return 0;
}
