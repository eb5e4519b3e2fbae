import { expect, test } from 'vitest';
import { limiter } from '../../src/lib/limit.ts';

test('a limiter runs at most n tasks at once, in order, and passes results and failures through', async () => {
  const limit = limiter(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const task = (i: number) => async () => {
    started.push(i);
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    if (i === 3) throw new Error('task 3 failed');
    return i * 10;
  };
  const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => limit(task(i))));
  expect(most).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
    0,
    10,
    20,
    'task 3 failed',
    40,
    50,
  ]);
  // Every slot is free again.
  expect(await Promise.all([limit(async () => 'a'), limit(async () => 'b')])).toEqual(['a', 'b']);
});
