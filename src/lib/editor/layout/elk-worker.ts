import type { ElkLike } from '$lib/core/index';

/**
 * ELK in a Web Worker, never on the main thread. Loaded on first use (or warmed up after
 * the first paint), so neither ELK's code nor its work delays the editor.
 */
let elk: Promise<ElkLike> | undefined;

export function browserElk(): Promise<ElkLike> {
  elk ??= (async () => {
    const [{ default: ELK }, { default: ElkWorker }] = await Promise.all([
      import('elkjs/lib/elk-api.js'),
      import('elkjs/lib/elk-worker.min.js?worker')
    ]);
    return new ELK({ workerFactory: () => new ElkWorker() }) as unknown as ElkLike;
  })();
  return elk;
}

/** Start the worker early, so the first real layout does not wait for it. */
export function warmUpElk(): void {
  void browserElk()
    .then((e) =>
      e.layout({ id: 'warm-up', children: [{ id: 'a', width: 10, height: 10 }], edges: [] })
    )
    .catch(() => {});
}
