/**
 * Text metrics shared by the canvas, the layout and the export, so that a box measured
 * for layout is the box that is drawn. Measuring is injected: in Node from the shipped
 * font's metrics, in the browser with canvas `measureText` once the font has loaded.
 */

export interface FontSpec {
  size: number;
  weight: 400 | 600;
}

/** Width in px of `text` in the shipped font at `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

/** The font family the app and the export use (self-hosted, covers Latin and Hangul). */
export const FONT_FAMILY = 'Pretendard';
/** Fallbacks that name Korean fonts, for viewers that do not load the embedded subset. */
export const FONT_STACK = `${FONT_FAMILY}, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', NanumGothic, sans-serif`;

export const LABEL_FONT: FontSpec = { size: 14, weight: 600 };
export const KIND_FONT: FontSpec = { size: 11, weight: 400 };

export const NODE = {
  minWidth: 132,
  maxWidth: 232,
  padX: 12,
  padY: 9,
  kindLine: 14,
  gap: 3,
  lineHeight: 18,
  maxLines: 3,
  /** The kind icon before the caption (12 px and a 4 px gap). */
  icon: 16
} as const;

/** Split a label into at most `maxLines` lines no wider than `width`, with an ellipsis if cut. */
export function wrapText(
  text: string,
  width: number,
  font: FontSpec,
  measure: MeasureText,
  maxLines: number = NODE.maxLines
): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [''];
  const lines: string[] = [];
  let line = '';
  // Tokens: words with their following space; a word too long for a line is broken by
  // characters (code points, so no surrogate pair is split).
  const words = clean.split(' ');
  const push = (l: string) => {
    lines.push(l);
  };
  for (let wi = 0; wi < words.length; wi++) {
    const word = words[wi];
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') {
      push(line);
      line = '';
    }
    if (measure(word, font) <= width) {
      line = word;
      continue;
    }
    let part = '';
    for (const ch of Array.from(word)) {
      if (part !== '' && measure(part + ch, font) > width) {
        push(part);
        part = '';
      }
      part += ch;
    }
    line = part;
  }
  if (line !== '') push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 0 && measure(`${last}…`, font) > width)
    last = Array.from(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

export interface NodeBox {
  width: number;
  height: number;
  /** The label, wrapped. */
  lines: string[];
}

/** The size of a node's box from its label and kind line. */
export function measureNode(label: string, kindLine: string, measure: MeasureText): NodeBox {
  const inner = NODE.maxWidth - 2 * NODE.padX;
  const lines = wrapText(label, inner, LABEL_FONT, measure);
  const textWidth = Math.max(
    NODE.icon + measure(kindLine, KIND_FONT),
    ...lines.map((l) => measure(l, LABEL_FONT))
  );
  const width = Math.ceil(
    Math.min(NODE.maxWidth, Math.max(NODE.minWidth, textWidth + 2 * NODE.padX))
  );
  const height = Math.ceil(
    NODE.padY * 2 + NODE.kindLine + NODE.gap + lines.length * NODE.lineHeight
  );
  return { width, height, lines };
}
