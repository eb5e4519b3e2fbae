import { describe, expect, it } from 'vitest';
import { keptWhileTyping, typedInto, type Typing } from '../../src/cms/typing-state.ts';

/** Type `keys` one by one at the end of the field, as a scanner does. */
const type = (t: Typing, keys: string) => [...keys].reduce((s, k) => typedInto(s, s.shown + k), t);

describe('a field while keys arrive faster than the store answers', () => {
  const start: Typing = { shown: '14-4-', sent: [] };

  it('keeps every key when the store hands back an older value', () => {
    let t = type(start, '03');
    // A render computed before the last key (the case that lost a key: 14-4-0303 saved as 14-4-033).
    t = keptWhileTyping(t, '14-4-0');
    expect(t.shown).toBe('14-4-03');
    t = type(t, '03');
    t = keptWhileTyping(t, '14-4-030');
    expect(t.shown).toBe('14-4-0303');
  });

  it('keeps the first key when the store still holds the value before it', () => {
    const t = keptWhileTyping(type(start, '0'), '14-4-');
    expect(t.shown).toBe('14-4-0');
  });

  it('takes a value set from elsewhere (an import, a default) and forgets its own history', () => {
    const t = keptWhileTyping(type(start, '0303'), '关于推进老旧小区加装电梯的建议');
    expect(t).toEqual({ shown: '关于推进老旧小区加装电梯的建议', sent: [] });
  });

  it('takes a cleared field from elsewhere', () => {
    expect(keptWhileTyping(type({ shown: '', sent: [] }, 'ab'), 'xyz').shown).toBe('xyz');
    expect(keptWhileTyping(type(start, '1'), '').shown).toBe('');
  });

  it('remembers a bounded history', () => {
    const t = type({ shown: '', sent: [] }, 'x'.repeat(1000));
    expect(t.sent.length).toBeLessThanOrEqual(200);
    expect(keptWhileTyping(t, 'x'.repeat(999)).shown).toBe('x'.repeat(1000));
  });
});
