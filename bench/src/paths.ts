import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where things are. The bench's sources (bench/src/*.ts) and its bundle
 * (bench/tmp/bench.mjs) sit at the same depth, so the repository root is two levels up
 * from either.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const root = (path: string) => ROOT + path;

/** Scratch space for generated documents, builds and outputs (gitignored). */
export const TMP = root('bench/tmp/');
export function tmp(path: string): string {
  mkdirSync(TMP, { recursive: true });
  return TMP + path;
}
