import type { ElkLike } from '$lib/core/index';

/**
 * ELK in a Web Worker, never on the main thread. Loaded on first use (or warmed up after
 * the first paint), so neither ELK's code nor its work delays the editor.
 */

/** An ELK whose work can be stopped: elkjs's API object over its Web Worker. */
export interface WorkerElk extends ElkLike {
  /** Stops the worker at once; layouts still running on it never answer. */
  terminateWorker(): void;
}

/** The layouts on a discarded ELK were stopped because an earlier one ran too long. */
export class ElkStopped extends Error {}

/**
 * One ELK at a time, made on first use. ELK cannot be interrupted, so a layout that runs
 * too long has its ELK discarded: the worker is terminated, whatever else was waiting on
 * it is told at once (`stopped`), and the next `get()` makes a fresh one.
 */
export class ElkSource {
  private pending: Promise<WorkerElk> | undefined;
  private ready: WorkerElk | undefined;
  private stops = new WeakMap<WorkerElk, { promise: Promise<never>; stop: () => void }>();

  /** `create`: makes a new ELK (in the browser, a new Web Worker). */
  constructor(private create: () => Promise<WorkerElk>) {}

  get(): Promise<WorkerElk> {
    if (!this.pending) {
      const made = this.create();
      this.pending = made;
      // Registered before any caller's await, so `ready` is set before anyone uses it.
      made.then(
        (elk) => {
          if (this.pending === made) this.ready = elk;
        },
        () => {
          // A worker that failed to load is tried again next time.
          if (this.pending === made) this.pending = undefined;
        }
      );
    }
    return this.pending;
  }

  /** Rejects with `ElkStopped` once `elk` is discarded; never resolves. */
  stopped(elk: WorkerElk): Promise<never> {
    let entry = this.stops.get(elk);
    if (!entry) {
      let stop = () => {};
      const promise = new Promise<never>((_, reject) => {
        stop = () => reject(new ElkStopped('the layout engine was restarted'));
      });
      // Nobody may be waiting on it when it rejects.
      promise.catch(() => {});
      entry = { promise, stop };
      this.stops.set(elk, entry);
    }
    return entry.promise;
  }

  /** Terminate `elk`'s worker; if it is the current ELK, the next `get()` makes a new one. */
  discard(elk: WorkerElk): void {
    elk.terminateWorker();
    this.stops.get(elk)?.stop();
    if (this.ready === elk) {
      this.ready = undefined;
      this.pending = undefined;
    }
  }
}

async function startWorkerElk(): Promise<WorkerElk> {
  const [{ default: ELK }, { default: ElkWorker }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?worker')
  ]);
  return new ELK({ workerFactory: () => new ElkWorker() }) as unknown as WorkerElk;
}

/** The editor's ELK, shared by layout, export and the warm-up. */
export const sharedElk = new ElkSource(startWorkerElk);

export function browserElk(): Promise<WorkerElk> {
  return sharedElk.get();
}

/** Start the worker early, so the first real layout does not wait for it. */
export function warmUpElk(): void {
  void browserElk()
    .then((e) =>
      e.layout({ id: 'warm-up', children: [{ id: 'a', width: 10, height: 10 }], edges: [] })
    )
    .catch(() => {});
}
