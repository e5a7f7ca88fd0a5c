import type { JosaPair } from '../../i18n/josa';
import type { Lang } from '../../i18n/lang';
import type { NodeKind } from '../../model/kinds';
import type { DiagramNode, Expectation } from '../../model/types';
import type { MessageKey, MessageShapes, ParamsOf } from '../types';

/**
 * The type both message catalogs (English `en.ts`, Korean `ko.ts`) have: one entry per
 * message key, with a message and, for the keys whose shape says `hint: true`, a hint.
 * A key or a hint missing from either language is a compile error.
 */

/** Words about the user's drawing, in one language, for message templates. */
export interface Words {
  /** The node's label (its id when the label is blank). */
  name(id: string): string;
  /** The label in quotes: `"Windows 11"`. */
  q(id: string): string;
  /** The quoted label followed by the right Korean particle (English: no particle). */
  k(id: string, pair: JosaPair): string;
  /** A word followed by the right Korean particle (English: the word). */
  josa(word: string, pair: JosaPair): string;
  /** Quoted labels, at most five, then "and N more". */
  list(ids: readonly string[]): string;
  /** The node's kind in a sentence: "hypervisor" / "하이퍼바이저". */
  noun(id: string): string;
  /** A kind in a sentence. */
  kindNoun(kind: NodeKind): string;
  /** What an expectation asks for: "a Type 1 stack" / "Type 1 스택". */
  expectation(e: Expectation): string;
  /** The complete shape an expectation asks for, bottom-up. */
  shape(e: Expectation): string;
  /** An amount of memory: "12 GiB", "1.5 GiB" (at most two decimals). */
  gib(n: number): string;
}

export type Entry<P, H extends boolean> = H extends true
  ? { message(p: P, w: Words): string; hint(p: P, w: Words): string }
  : { message(p: P, w: Words): string; hint?: never };

export type MessageCatalog = {
  readonly [K in MessageKey]: Entry<ParamsOf<K>, MessageShapes[K]['hint']>;
};

/** Lookup of nodes by id (a Map, or the rules graph's index). */
export type NodeLookup = { get(id: string): DiagramNode | undefined };

/** A finding in words. */
export interface RenderedMessage {
  message: string;
  hint?: string;
}

export type { Lang };
