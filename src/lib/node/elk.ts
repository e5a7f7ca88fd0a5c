import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkLike } from '../core/layout/layout';

/** ELK on the current thread, for Node (the browser uses a Web Worker instead). */
export function nodeElk(): ElkLike {
  return new ELK();
}
