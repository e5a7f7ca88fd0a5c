import type { DiagramDocument } from '../model/types';
import { parseStack, type StackError, type StackParseOptions } from './parse';
import { printStack, type StackPrintOptions } from './print';

/**
 * Stacks as text: the `.stack` language (docs/stack-language.md). `parseStack` reads text
 * into a document with every error located; `printStack` writes the canonical text.
 */
export * from './parse';
export * from './print';
export * from './merge';
export * from './patch';
export { STACK_ERROR_CODES, type StackErrorCode, type StackErrorParams } from './messages/catalog';
export { KIND_WORDS, slug as stackSlug } from './syntax';

/** Thrown by `parse` for text that is not a readable document; `errors` says where and why. */
export class StackTextError extends Error {
  constructor(readonly errors: StackError[]) {
    super(
      errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join('\n') ||
        'not a stack document'
    );
    this.name = 'StackTextError';
  }
}

/**
 * The document a stack text describes. Throws `StackTextError` (with every error, its
 * line and column) when the text cannot be read; `parseStack` returns them instead.
 */
export function parse(text: string, options: StackParseOptions = {}): DiagramDocument {
  const r = parseStack(text, options);
  if (!r.ok || !r.document) throw new StackTextError(r.errors);
  return r.document;
}

/** The canonical stack text of a document (see `printStack`). */
export function print(doc: DiagramDocument, options: StackPrintOptions = {}): string {
  return printStack(doc, options);
}
