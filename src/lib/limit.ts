/**
 * Runs tasks at most `n` at a time, in the order they were given; each call returns its task's result. One limiter
 * shared by every caller caps the whole build, not each caller on its own.
 */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((start) => waiting.push(start));
    else running++;
    try {
      return await task();
    } finally {
      // A waiting task takes over this slot; otherwise it is freed.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
