import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/integrations/heap.ts';

describe('garbage collected before Pagefind indexes a part', () => {
  // The build only warns when the collection is not available (memory, not pages, depends on it); this canary fails
  // instead, so a Node upgrade that stops it is seen.
  it('takes V8’s gc at run time and frees what nothing holds', () => {
    const warnings: string[] = [];
    // About 8 MB that nothing holds once counted.
    const count = () => Array.from({ length: 200 }, () => Array.from({ length: 5000 }, Math.random)).length;
    expect(count()).toBe(200);
    const before = process.memoryUsage().heapUsed;
    collectGarbage((m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
  });
});
