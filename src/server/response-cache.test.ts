import { describe, expect, it } from 'vitest';
import { DatasetVersion } from './response-cache.js';

/** Settles pending promise callbacks. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A probe whose answers the test gives by hand, one per call, in call order. */
function manualProbe() {
  const pending: Array<{ resolve: (v: string | null) => void; reject: (e: Error) => void }> = [];
  return {
    probe: () => new Promise<string | null>((resolve, reject) => pending.push({ resolve, reject })),
    /** Probes sent so far. */
    get sent() {
      return pending.length;
    },
    answer: (index: number, value: string | null) => pending[index]!.resolve(value),
    fail: (index: number) => pending[index]!.reject(new Error('unreachable')),
  };
}

describe('DatasetVersion', () => {
  it('never answers a caller with a probe sent before it asked: it waits for the next one', async () => {
    const m = manualProbe();
    const version = new DatasetVersion(m.probe);
    const first = version.current();
    expect(m.sent).toBe(1);
    // Arrives while probe 0 runs (a write may have committed just before): probe 0 could miss it.
    const second = version.current();
    expect(m.sent).toBe(1);
    m.answer(0, 'v1');
    expect(await first).toBe('v1');
    await settle();
    expect(m.sent).toBe(2);
    m.answer(1, 'v2');
    expect(await second).toBe('v2');
  });

  it('shares one probe among the callers that arrive while another runs', async () => {
    const m = manualProbe();
    const version = new DatasetVersion(m.probe);
    const first = version.current();
    const waiting = [version.current(), version.current(), version.current()];
    m.answer(0, 'v1');
    await first;
    await settle();
    expect(m.sent).toBe(2);
    m.answer(1, 'v2');
    expect(await Promise.all(waiting)).toEqual(['v2', 'v2', 'v2']);
    // Nothing running: the next caller starts a probe of its own at once.
    const later = version.current();
    expect(m.sent).toBe(3);
    m.answer(2, 'v3');
    expect(await later).toBe('v3');
  });

  it('answers null when the probe fails, and probes again for the next caller', async () => {
    const m = manualProbe();
    const version = new DatasetVersion(m.probe);
    const first = version.current();
    m.fail(0);
    expect(await first).toBeNull();
    const second = version.current();
    expect(m.sent).toBe(2);
    m.answer(1, 'v1');
    expect(await second).toBe('v1');
  });
});
