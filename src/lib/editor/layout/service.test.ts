/**
 * The editor's layout service when ELK hangs: the layout times out, its worker is
 * terminated, and the next layout runs on a fresh ELK. Fake ELKs stand in for the Web
 * Worker; the one that works is the real ELK (elk.bundled) on this thread.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measureDocument, type ElkLike } from '$lib/core/index';
import { doc as makeDoc } from '$lib/core/testing';
import { nodeElk } from '$lib/node/elk';
import { ElkSource, type WorkerElk } from './elk-worker';
import { LayoutService, LayoutTimeout } from './service';

/** A stand-in for elkjs over a worker: answers with the real ELK, or never when `hang`. */
class FakeElk implements WorkerElk {
  terminated = false;
  calls = 0;
  constructor(
    private hang: boolean,
    private real: ElkLike = engine
  ) {}
  layout(graph: Parameters<ElkLike['layout']>[0]) {
    this.calls++;
    if (this.hang || this.terminated) return new Promise<never>(() => {});
    return this.real.layout(graph);
  }
  terminateWorker() {
    this.terminated = true;
  }
}

/**
 * A service whose first ELK hangs and whose second works, and how many ELKs it has made
 * (the source hands them out in turn).
 */
function hangingThenWorking() {
  const hung = new FakeElk(true);
  const fresh = new FakeElk(false);
  let made = 0;
  const source = new ElkSource(async () => {
    const next = [hung, fresh][made++];
    if (!next) throw new Error('no more fake ELKs');
    return next;
  });
  return { hung, fresh, made: () => made, service: new LayoutService(source, TIMEOUT_MS) };
}

const stack = () =>
  makeDoc(
    ['hw hardware Server', 'hv hypervisor ESXi 8', 'vm1 os Ubuntu', 'vm2 os Windows'],
    ['hw>hv', 'hv>vm1', 'hv>vm2'],
    { hv: { product: 'VMware ESXi' } }
  );

/** Short for a test (the editor's is 10 s), long enough for a warm ELK on a busy machine. */
const TIMEOUT_MS = 2_000;
const engine = nodeElk();
beforeAll(() => engine.layout({ id: 'warm-up', children: [{ id: 'a', width: 1, height: 1 }] }));

describe('LayoutService: a layout that hangs', () => {
  it('times out, terminates its worker, and the next layout runs on a fresh ELK', async () => {
    const { hung, fresh, made, service } = hangingThenWorking();
    const d = stack();
    const { sizes } = measureDocument(d);

    await expect(service.layout(d, sizes)).rejects.toBeInstanceOf(LayoutTimeout);
    expect(hung.calls).toBeGreaterThan(0);
    expect(hung.terminated).toBe(true);
    expect(made()).toBe(1);

    // The same document again, now on a new ELK: every node placed, the guests above their host.
    const l = await service.layout(d, sizes);
    expect(made()).toBe(2);
    expect(fresh.calls).toBeGreaterThan(0);
    expect(fresh.terminated).toBe(false);
    expect(Object.keys(l.nodes).sort()).toEqual(['hv', 'hw', 'vm1', 'vm2']);
    for (const vm of ['vm1', 'vm2'])
      expect(l.nodes.hv.y).toBeGreaterThan(l.nodes[vm].y + l.nodes[vm].height);

    // And it stays: a later layout uses the same ELK.
    d.nodes.push({ id: 'vm3', kind: 'os', label: 'Debian' });
    d.edges.push({ id: 'e9', source: 'hv', target: 'vm3' });
    const again = await service.layout(d, measureDocument(d).sizes);
    expect(made()).toBe(2);
    expect(again.nodes.vm3).toBeDefined();
  });

  it('a layout waiting behind the one that hangs is run again on the fresh ELK', async () => {
    const { hung, made, service } = hangingThenWorking();
    const first = stack();
    const second = stack();
    second.nodes[2].label = 'Ubuntu Server 24.04 LTS';
    const firstRun = service.layout(first, measureDocument(first).sizes);
    // Started a little later, on the same (hung) ELK.
    await new Promise((r) => setTimeout(r, TIMEOUT_MS / 4));
    const secondRun = service.layout(second, measureDocument(second).sizes);

    await expect(firstRun).rejects.toBeInstanceOf(LayoutTimeout);
    const l = await secondRun;
    expect(hung.terminated).toBe(true);
    expect(made()).toBe(2);
    expect(Object.keys(l.nodes)).toHaveLength(4);
  });

  it('a worker that failed to start is started again on the next layout', async () => {
    const fresh = new FakeElk(false);
    let attempts = 0;
    const source = new ElkSource(async () => {
      if (attempts++ === 0) throw new Error('worker script failed to load');
      return fresh;
    });
    const service = new LayoutService(source, TIMEOUT_MS);
    const d = stack();
    const { sizes } = measureDocument(d);
    await expect(service.layout(d, sizes)).rejects.toThrow('worker script failed to load');
    const l = await service.layout(d, sizes);
    expect(attempts).toBe(2);
    expect(Object.keys(l.nodes)).toHaveLength(4);
  });
});
