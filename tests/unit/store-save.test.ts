import { expect, it, vi } from 'vitest';
import { holdingSave } from '../../src/content/loaders.ts';

/** A loader's meta store holding `entry-code`, counting its sets on `counter`. */
function countedMeta(value: string, counter: { sets: number }) {
  const meta = new Map([['entry-code', value]]);
  return {
    meta,
    store: {
      get: (k: string) => meta.get(k),
      set: (k: string, v: string) => {
        counter.sets++;
        meta.set(k, v);
      },
      has: (k: string) => meta.has(k),
      delete: (k: string) => meta.delete(k),
    },
  };
}

it('holdingSave keeps setting the same meta value while a load runs, then stops, leaving the value as it was', async () => {
  vi.useFakeTimers();
  try {
    const counter = { sets: 0 };
    const { meta, store: counted } = countedMeta('abc', counter);
    let finish: (v: string) => void = () => {};
    const loading = holdingSave(counted, 'entry-code', () => new Promise<string>((r) => (finish = r)));
    // Each set resets Astro's 500 ms save timer: at least one in any 500 ms while the load runs.
    vi.advanceTimersByTime(499);
    expect(counter.sets).toBeGreaterThanOrEqual(1);
    vi.advanceTimersByTime(1000);
    expect(counter.sets).toBeGreaterThanOrEqual(5);
    finish('loaded');
    await expect(loading).resolves.toBe('loaded');
    const after = counter.sets;
    // Stopped with the load: no timer keeps setting (or keeps the build alive).
    vi.advanceTimersByTime(5000);
    expect(counter.sets).toBe(after);
    expect(meta.get('entry-code')).toBe('abc');
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});

it('holdingSave holds while any of several loads side by side runs, with one timer, and stops after the last', async () => {
  vi.useFakeTimers();
  try {
    const counter = { sets: 0 };
    const metaOf = (value: string) => countedMeta(value, counter).store;
    const finishers: (() => void)[] = [];
    const load = () => new Promise<void>((r) => finishers.push(r));
    // As Astro starts the collections' loaders: one after the other in the same tick.
    const first = holdingSave(metaOf('a'), 'entry-code', load);
    const second = holdingSave(metaOf('b'), 'entry-code', load);
    expect(vi.getTimerCount()).toBe(1);
    finishers[0]!();
    await first;
    // The other folder is still loading (or checking what it loaded): the store must not be saved yet.
    const before = counter.sets;
    vi.advanceTimersByTime(1000);
    expect(counter.sets).toBeGreaterThanOrEqual(before + 4);
    finishers[1]!();
    await second;
    const after = counter.sets;
    vi.advanceTimersByTime(5000);
    expect(counter.sets).toBe(after);
    expect(vi.getTimerCount()).toBe(0);
  } finally {
    vi.useRealTimers();
  }
});
