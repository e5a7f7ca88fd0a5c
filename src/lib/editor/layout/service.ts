import {
  layoutDocument,
  LayoutCache,
  type DiagramDocument,
  type LayoutResult,
  type Size
} from '$lib/core/index';
import { ElkStopped, sharedElk, type ElkSource, type WorkerElk } from './elk-worker';

export const LAYOUT_TIMEOUT_MS = 10_000;

export class LayoutTimeout extends Error {
  override name = 'LayoutTimeout';
}

/**
 * Lays out documents in the worker, reusing unchanged stacks from the last layout.
 * A layout running past the timeout (10 s) is given up (positions stay as they were) and
 * its worker is terminated, so the next layout runs on a fresh one. A layout that was
 * waiting behind it on that worker is run again on the fresh one (once).
 */
export class LayoutService {
  private cache = new LayoutCache();

  /** `source`: where the ELK comes from (tests pass their own); `timeoutMs` in ms. */
  constructor(
    private source: ElkSource = sharedElk,
    private timeoutMs = LAYOUT_TIMEOUT_MS
  ) {}

  async layout(doc: DiagramDocument, sizes: Record<string, Size>): Promise<LayoutResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(await this.source.get(), doc, sizes);
      } catch (e) {
        if (!(e instanceof ElkStopped)) throw e;
        // It was waiting behind a layout that timed out: once more, on the fresh worker.
        if (attempt === 2) throw new LayoutTimeout('layout timed out');
      }
    }
  }

  private async attempt(
    elk: WorkerElk,
    doc: DiagramDocument,
    sizes: Record<string, Size>
  ): Promise<LayoutResult> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new LayoutTimeout('layout timed out'));
        this.source.discard(elk);
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([
        layoutDocument({ doc, sizes, elk, cache: this.cache }),
        timeout,
        this.source.stopped(elk)
      ]);
    } catch (e) {
      // Its own timeout, not the stop that follows it: this layout is not run again.
      throw timedOut ? new LayoutTimeout('layout timed out') : e;
    } finally {
      clearTimeout(timer);
    }
  }
}
