/**
 * A remark plugin that draws ```stackdraw blocks as inline SVG, with the same core as the
 * editor and the CLI (`exportSvg`), in Node (no browser):
 *
 *     import { remark } from 'remark';
 *     import remarkHtml from 'remark-html';
 *     import stackdraw from 'stackdraw/remark';
 *
 *     const html = String(await remark().use(stackdraw).use(remarkHtml, { sanitize: false }).process(md));
 *
 * Each block becomes an `html` node holding the picture (so the HTML step must let raw
 * HTML through: remark-html with `sanitize: false`, or remark-rehype with
 * `allowDangerousHtml` and rehype-raw). A block that is not stack text is left as a code
 * block, and its errors are reported on the file (`file.messages`) at their Markdown line
 * and column; a block that breaks the rules is drawn with its problems marked, and each
 * error is reported too. The transformer is asynchronous: use `process`, not `processSync`.
 */
import { createHash } from 'node:crypto';
import {
  exportSvg,
  nodeMap,
  renderDiagnostic,
  validate,
  type Expectation,
  type Lang
} from '../lib/core/index';
import { parseStack } from '../lib/core/text/index';
import type { OutlineText, SvgOptions } from '../lib/core/export/svg';
import type { FontSources } from '../lib/core/export/pipeline';
import { nodeElk } from '../lib/node/elk';
import { fontOutliner, loadFontSources } from '../lib/node/fonts';

export interface RemarkStackdrawOptions {
  /** Language of the pictures' captions, badges and descriptions, and of the messages. */
  lang?: Lang;
  /** What every stack should be, unless its hardware says otherwise. */
  expect?: Expectation;
  view?: 'graph' | 'blocks';
  theme?: 'light' | 'dark';
  /**
   * `outline` (default): text drawn as paths, so pictures on one page share no font and
   * no style. `embed`: a font subset inside each picture (smaller; every picture's
   * `@font-face` then applies to the whole page).
   */
  text?: 'outline' | 'embed';
}

/** The parts of an mdast tree and a vfile the plugin touches. */
interface MdNode {
  type: string;
  lang?: string | null;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: MdNode[];
}
interface MessageSink {
  message?: (reason: string, place?: { line: number; column: number }) => unknown;
}

/** Ids inside an SVG made unique on a page that holds several (suffix `-<n>-<hash>`). */
function uniqueIds(svg: string, suffix: string): string {
  return svg
    .replace(/ id="([^"]+)"/g, ` id="$1-${suffix}"`)
    .replace(/ aria-labelledby="([^"]+)"/g, (_m, ids: string) => {
      const unique = ids
        .split(' ')
        .map((id) => `${id}-${suffix}`)
        .join(' ');
      return ` aria-labelledby="${unique}"`;
    });
}

/** The remark plugin (unified attacher): `remark().use(remarkStackdraw, options)`. */
export default function remarkStackdraw(options: RemarkStackdrawOptions = {}) {
  const lang = options.lang ?? 'en';
  let outline: OutlineText | undefined;
  let fonts: Promise<FontSources> | undefined;
  return async function transform(tree: MdNode, file?: MessageSink): Promise<void> {
    const found: { parent: MdNode; index: number; node: MdNode }[] = [];
    const stack: MdNode[] = [tree];
    while (stack.length) {
      const parent = stack.pop()!;
      parent.children?.forEach((node, index) => {
        if (node.type === 'code' && node.lang?.toLowerCase() === 'stackdraw') {
          found.push({ parent, index, node });
        } else if (node.children) stack.push(node);
      });
    }
    let count = 0;
    for (const { parent, index, node } of found) {
      const text = node.value ?? '';
      // Stack line N is Markdown line `fence + N` (columns: as in the block's text).
      const fence = node.position?.start.line ?? 0;
      const column = (node.position?.start.column ?? 1) - 1;
      const parsed = parseStack(text, { lang });
      if (!parsed.ok) {
        for (const e of parsed.errors) {
          const hint = e.hint ? ` (${e.hint})` : '';
          file?.message?.(`${e.message}${hint}`, {
            line: fence + e.line,
            column: column + e.column
          });
        }
        continue;
      }
      const doc = parsed.document!;
      const report = validate(doc, { expect: options.expect });
      const nodes = nodeMap(doc);
      for (const d of report.diagnostics) {
        if (d.severity !== 'error') continue;
        const span = parsed.nodes.get(d.nodes[0]);
        file?.message?.(`${d.rule}: ${renderDiagnostic(d, nodes, lang).message}`, {
          line: fence + (span?.line ?? 0),
          column: column + (span?.column ?? 1)
        });
      }
      const draw = { doc, elk: nodeElk(), report, expect: options.expect };
      const svgOptions: Partial<SvgOptions> = { lang };
      if (options.view) svgOptions.view = options.view;
      if (options.theme) svgOptions.theme = options.theme;
      let svg: string;
      if (options.text === 'embed') {
        fonts ??= loadFontSources();
        svg = await exportSvg({ ...draw, options: svgOptions, fonts: await fonts });
      } else {
        outline ??= fontOutliner();
        svg = await exportSvg({ ...draw, options: svgOptions, outline });
        // No <text> is left: the page-wide `text{font-family}` rule would only restyle others.
        if (!/<text[\s>]/.test(svg)) svg = svg.replace(/<style>text\{[^}]*\}<\/style>/, '');
      }
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
      parent.children![index] = { type: 'html', value: uniqueIds(svg, `${++count}-${hash}`) };
    }
  };
}
