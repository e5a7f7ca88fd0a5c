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

/**
 * A label as it is measured and drawn: composed to NFC (text typed decomposed, as macOS
 * file names give it, measures and wraps like the composed text), every run of white space
 * (tabs, line breaks, U+2028, no-break spaces…) folded to one space, and trimmed. The
 * document keeps the label as typed.
 */
export function cleanLabel(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/**
 * The grapheme clusters of `text` (Intl.Segmenter, Unicode UAX #29): a Hangul syllable, an
 * emoji sequence, a flag or a letter with its combining marks is one cluster. Printable
 * ASCII takes a shortcut (each character is a cluster).
 */
export function graphemes(text: string): string[] {
  if (/^[\x20-\x7e]*$/.test(text)) return text.split('');
  const segmenter = (graphemeSegmenter ??= new Intl.Segmenter('und', {
    granularity: 'grapheme'
  }));
  // In windows: iterating one long string's segments takes time that grows with its length
  // at every step (V8). A window's last cluster may be cut: it starts the next window (a
  // cluster boundary, from which segmenting gives the same clusters).
  const out: string[] = [];
  let window = 256;
  for (let at = 0; at < text.length;) {
    const end = Math.min(text.length, at + window);
    const parts = Array.from(segmenter.segment(text.slice(at, end)), (s) => s.segment);
    if (end < text.length) {
      if (parts.length < 2) {
        window *= 2; // one cluster longer than the window
        continue;
      }
      parts.pop();
    }
    for (const p of parts) {
      out.push(p);
      at += p.length;
    }
  }
  return out;
}

/** Clusters that are letters of words wrapped at spaces only (CSS `word-break: keep-all`). */
const HANGUL = /^\p{Script=Hangul}/u;
/**
 * Ideographs, kana and emoji (emoji presentation: not ©, ™ or ‼ in running text): a line may
 * break between two of them, as CSS does.
 */
const IDEOGRAPHIC =
  /^(?:\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator})/u;
/** No break before these: closing punctuation, small kana, prolonged sound marks. */
const NO_BREAK_BEFORE =
  /^(?:\p{Pe}|\p{Pf}|[!%),.:;?\]}、。，．：；！？‼⁇⁈⁉・ー〜゛゜ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ…‥])/u;
/** No break after these: opening punctuation. */
const NO_BREAK_AFTER = /^(?:\p{Ps}|\p{Pi}|[$£¥₩€#])$/u;
const HYPHEN = /^[-\u2010\u2013]$/;
const LETTER = /^\p{L}/u;

/**
 * Where a line may break, between cluster `i - 1` and cluster `i` of a cleaned label: after
 * a space; between ideographs, kana and emoji (not next to Hangul, which breaks between
 * words only, and not before closing or after opening punctuation); after a hyphen between
 * letters. A simplified UAX #14 (Unicode line breaking) with CSS `word-break: keep-all` for
 * Korean.
 */
function breakBefore(clusters: readonly string[], i: number): boolean {
  const a = clusters[i - 1];
  const b = clusters[i];
  if (b === ' ') return false;
  if (a === ' ') return true;
  if (HYPHEN.test(a)) return i >= 2 && LETTER.test(clusters[i - 2]) && LETTER.test(b);
  if (!IDEOGRAPHIC.test(a) && !IDEOGRAPHIC.test(b)) return false;
  if (HANGUL.test(a) || HANGUL.test(b)) return false;
  return !NO_BREAK_BEFORE.test(b) && !NO_BREAK_AFTER.test(a);
}

/**
 * Split a label into at most `maxLines` lines no wider than `width` px, with an ellipsis
 * when cut. The label is cleaned first (cleanLabel: NFC, white space folded), lines break
 * only between grapheme clusters (never inside a Hangul syllable, an emoji sequence or a
 * letter with its marks), at the opportunities of breakBefore, and a word wider than a line
 * is broken between clusters as a last resort. A space a line broke at is not part of
 * either line (breakSpaces in the SVG export finds it again). Returns `['']` for an empty
 * label.
 */
export function wrapText(
  text: string,
  width: number,
  font: FontSpec,
  measure: MeasureText,
  maxLines: number = NODE.maxLines
): string[] {
  const clean = cleanLabel(text);
  if (clean === '') return [''];
  const clusters = graphemes(clean);
  // Pieces between break opportunities, each with its clusters; a piece ends with the
  // space after it, if any.
  const pieces: string[][] = [[]];
  clusters.forEach((c, i) => {
    if (i > 0 && breakBefore(clusters, i)) pieces.push([]);
    pieces[pieces.length - 1].push(c);
  });
  const trimEnd = (s: string) => (s.endsWith(' ') ? s.slice(0, -1) : s);
  // A trailing space is not drawn at the end of a line: it never makes a line too wide.
  const fits = (s: string) => measure(trimEnd(s), font) <= width;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const chunk = piece.join('');
    if (fits(line + chunk)) {
      line += chunk;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      line = '';
    }
    if (fits(chunk)) {
      line = chunk;
      continue;
    }
    // Last resort: break the piece between clusters.
    for (const c of piece) {
      if (c !== ' ' && line !== '' && !fits(line + c)) {
        lines.push(line);
        line = '';
        if (lines.length > maxLines) break;
      }
      line += c;
    }
    // Lines past maxLines are cut anyway: stop measuring (labels may be huge).
    if (lines.length > maxLines) break;
  }
  if (line !== '') lines.push(line);
  const out = lines.map(trimEnd);
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  const last = graphemes(kept[maxLines - 1]);
  while (last.length > 0 && measure(`${last.join('')}…`, font) > width) last.pop();
  kept[maxLines - 1] = `${trimEnd(last.join(''))}…`;
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
