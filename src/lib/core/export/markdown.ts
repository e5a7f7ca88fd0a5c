import { graphemes } from '../layout/text';

/**
 * A Markdown image line for an exported picture, and the file name it points at. Written
 * for CommonMark (https://spec.commonmark.org/0.31.2/, sections 6.3 "Links" and 6.4
 * "Images"), so any title gives exactly one image whose description and destination are
 * the intended ones: no heading, HTML block, link or emphasis can come out of it.
 */

/** White space, controls and line or paragraph separators: folded to one space. */
const FOLD = /[\s\p{Cc}\p{Zl}\p{Zp}]+/gu;

/**
 * Image description (alt text) as Markdown source: white space folded to single spaces
 * (a newline would end the paragraph and start a heading or an HTML block), and every
 * character that could start inline syntax backslash-escaped: `\` `` ` `` `*` `_` `[` `]`
 * `<` `>` `~`, and `&` where it would start an entity. Rendered, it reads as `alt` folded.
 */
export function markdownAlt(alt: string): string {
  return alt
    .toWellFormed()
    .replace(FOLD, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/**
 * A link destination for a relative file name: `%`, `#` and `?` (which would start an
 * escape, a fragment or a query), `&` where it would start an entity, `<`, `>`, `\`,
 * controls and white space other than a plain space are percent-encoded (UTF-8); the rest
 * stays readable, Hangul included. A name with spaces or parentheses is written in angle
 * brackets, where CommonMark allows both.
 */
export function markdownDestination(file: string): string {
  const encoded = file
    .toWellFormed()
    .replace(/[%#?<>\\\p{Cc}\p{Zl}\p{Zp}]|(?! )\s|&(?=#?[0-9A-Za-z]+;)/gu, (ch) =>
      encodeURIComponent(ch)
    );
  return encoded === '' || /[ ()]/.test(encoded) ? `<${encoded}>` : encoded;
}

/**
 * `![alt](file)` with the description and the destination escaped for CommonMark
 * (markdownAlt, markdownDestination): one line, exactly one image.
 */
export function markdownImage(alt: string, file: string): string {
  return `![${markdownAlt(alt)}](${markdownDestination(file)})`;
}

/** Characters Windows (and macOS, for `:` and `/`) refuse in file names, and what they become. */
const ILLEGAL: [RegExp, string][] = [
  // "Lab: Type 2" → "Lab - Type 2"; "10:30" → "10-30".
  [/ *: +/g, ' - '],
  // "A/B" → "A-B", "A / B" → "A - B", "C:\\Users" → "C-Users".
  [/[:/\\|]+/g, '-'],
  [/"/g, "'"],
  [/</g, '('],
  [/>/g, ')'],
  [/[?*]/g, '']
];

/** Device names Windows reserves, with any extension ("CON", "nul.txt", "COM1"). */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?=\.|$)/i;

/** Longest file name base, in UTF-8 bytes: 255 is the limit on common file systems, with room for ".svg" and a " (1)" a browser may add. */
const MAX_BYTES = 200;

/** Length in UTF-8 bytes of well-formed text. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * A file name base (no extension) from a diagram's title that every common file system
 * accepts and that still reads like the title: composed to NFC, white space and controls
 * folded to one space, characters Windows or macOS refuse replaced by look-alikes (`:` →
 * ` - ` or `-`, `/` `\` `|` → `-`, `"` → `'`, `<` `>` → `(` `)`, `?` `*` dropped), no
 * leading or trailing dots and spaces, Windows device names (CON, NUL, COM1…) followed by
 * `_`, at most 200 UTF-8 bytes (cut between grapheme clusters). `fallback` when nothing is
 * left.
 */
export function safeFileName(title: string | undefined, fallback = 'stackdraw'): string {
  let name = (title ?? '').toWellFormed().normalize('NFC').replace(FOLD, ' ');
  for (const [re, to] of ILLEGAL) name = name.replace(re, to);
  const tidy = (s: string) => s.replace(/ {2,}/g, ' ').replace(/^[. ]+|[. ]+$/g, '');
  name = tidy(name);
  if (utf8Length(name) > MAX_BYTES) {
    let bytes = 0;
    let cut = '';
    for (const g of graphemes(name)) {
      bytes += utf8Length(g);
      if (bytes > MAX_BYTES) break;
      cut += g;
    }
    name = tidy(cut);
  }
  name = name.replace(RESERVED, '$1_');
  return name === '' ? fallback : name;
}
