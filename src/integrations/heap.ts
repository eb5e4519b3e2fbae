import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of the build's heap, run before Pagefind indexes a part: Pagefind holds a part's whole
 * index in memory beside Astro's heap, and V8 lets garbage pile up while memory is plentiful. Collected first, the
 * build's peak is lower at no measured cost in time (docs/benchmarks.md#heap-before-index). Node has no public call for it without `--expose-gc` on its command line
 * (the build is started by `astro build`), so the flag is set at run time with `v8.setFlagsFromString`, which Node
 * documents as unsafe to rely on after start-up, and `gc` is taken from a fresh context. Only memory depends on it:
 * where it is not available the build goes on, once warned, and tests/unit/heap.test.ts fails.
 */
let gc: (() => void) | null | undefined;

export function collectGarbage(warn: (message: string) => void = console.warn): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    gc = typeof found === 'function' ? (found as () => void) : null;
    if (!gc) warn('无法在建立搜索索引前回收内存（node:v8 --expose-gc 不可用），构建照常进行，内存峰值会略高');
  }
  gc?.();
}
