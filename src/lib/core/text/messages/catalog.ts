/**
 * The errors of the stack text, and the shape of their message catalogs (English `en.ts`,
 * Korean `ko.ts`): one entry per code, each a message (what is wrong, with the words the
 * user wrote) and a hint (how to fix it). A code missing from either language is a compile
 * error.
 */

import type { JsonProblem, ReaderMessage } from '../../model/read-messages';

export const STACK_ERROR_CODES = [
  'odd-indent',
  'deep-indent',
  'indented-first',
  'indented-setting',
  'mixed-indent',
  'under-cluster',
  'unknown-kind',
  'unknown-attribute',
  'unclosed-quote',
  'unclosed-bracket',
  'bad-json',
  'missing-ref',
  'duplicate-id',
  'duplicate-attribute',
  'bad-value',
  'bad-number',
  'missing-value',
  'unexpected-text',
  'empty-id',
  'unknown-setting',
  'setting-after-node',
  'duplicate-setting',
  'self-host',
  'duplicate-host',
  'half-position',
  'document',
  'more-errors'
] as const;

export type StackErrorCode = (typeof STACK_ERROR_CODES)[number];

/** What a message may say; each code uses some of these. */
export interface StackErrorParams {
  /** The word, attribute, setting or id the line has at the error. */
  word?: string;
  /** A close match of `word` ("did you mean"). */
  suggestion?: string;
  /** The values or names allowed there. */
  allowed?: readonly string[];
  /** A number: spaces of indentation, levels, a count. */
  count?: number;
  /** Another line the error concerns (1-based). */
  otherLine?: number;
  /** `bad-number`: the range allowed, in symbols (`≥ 0`). */
  range?: string;
  /** `tab` or `space`: what the block indents with. */
  style?: 'tab' | 'space';
  /** What a reference names: a host, the primary of a replica, a cluster member. */
  role?: 'host' | 'replica' | 'member';
  /** `duplicate-id`: the id was generated from the label (no #id on the line). */
  generated?: boolean;
  /** `document`: the JSON reader's error, as its catalog key and parameters. */
  reader?: ReaderMessage;
  /** `bad-json`: why the value is not JSON, or that it is not closed on its line. */
  json?: JsonProblem;
  unclosed?: boolean;
}

export interface StackMessageEntry {
  message(p: StackErrorParams): string;
  hint?(p: StackErrorParams): string;
}

export type StackMessageCatalog = { readonly [K in StackErrorCode]: StackMessageEntry };
