import { createRequire } from 'node:module';
import type { ElkLike } from '../core/layout/layout';

// elkjs is CommonJS. Loaded with `require`, Node compiles its 1.4 MB bundle once; an ESM
// `import` first scans it for named exports (cjs-module-lexer), which took about 130 ms of
// every `export` and `layout` run here (docs/performance.md).
const require = createRequire(import.meta.url);

type ElkConstructor = new () => ElkLike;
let ELK: ElkConstructor | undefined;

/** ELK on the current thread, for Node (the browser uses a Web Worker instead). */
export function nodeElk(): ElkLike {
  ELK ??= require('elkjs/lib/elk.bundled.js') as ElkConstructor;
  return new ELK();
}
