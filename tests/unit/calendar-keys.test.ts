import { describe, expect, it } from 'vitest';
import { dayAfterKey } from '../../src/lib/calendar-keys.ts';

describe('the calendar’s keys move the focused day as the WAI-ARIA date picker does', () => {
  it('moves by a day and a week, across months and years', () => {
    expect(dayAfterKey('2025-03-01', 'ArrowLeft')).toBe('2025-02-28');
    expect(dayAfterKey('2024-12-31', 'ArrowRight')).toBe('2025-01-01');
    expect(dayAfterKey('2025-03-03', 'ArrowUp')).toBe('2025-02-24');
    expect(dayAfterKey('2025-12-29', 'ArrowDown')).toBe('2026-01-05');
  });

  it('goes to the week’s Monday and Sunday', () => {
    // 2025-03-12 is a Wednesday.
    expect(dayAfterKey('2025-03-12', 'Home')).toBe('2025-03-10');
    expect(dayAfterKey('2025-03-12', 'End')).toBe('2025-03-16');
    expect(dayAfterKey('2025-03-16', 'End')).toBe('2025-03-16');
    expect(dayAfterKey('2025-03-10', 'Home')).toBe('2025-03-10');
  });

  it('moves by a month or, with Shift, a year, keeping the day where the month has it', () => {
    expect(dayAfterKey('2025-03-31', 'PageUp')).toBe('2025-02-28');
    expect(dayAfterKey('2024-01-31', 'PageDown')).toBe('2024-02-29');
    expect(dayAfterKey('2025-12-15', 'PageDown')).toBe('2026-01-15');
    expect(dayAfterKey('2024-02-29', 'PageDown', true)).toBe('2025-02-28');
    expect(dayAfterKey('2025-01-10', 'PageUp', true)).toBe('2024-01-10');
  });

  it('leaves other keys alone', () => {
    expect(dayAfterKey('2025-03-12', 'Enter')).toBeUndefined();
    expect(dayAfterKey('2025-03-12', 'a')).toBeUndefined();
  });
});
