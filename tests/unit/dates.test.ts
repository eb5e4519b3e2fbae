import { describe, expect, it } from 'vitest';
import {
  beijingDay,
  beijingYear,
  formatChineseDate,
  formatChineseDateTime,
  parseDateTime,
  parseDay,
  toBeijingIso,
} from '../../src/lib/dates.ts';

describe('dates are Beijing time', () => {
  it('reads a story written at 07:30 in Beijing as that day, not the UTC day before', () => {
    const d = parseDateTime('2025-01-01T07:30:00+08:00')!;
    expect(d.toISOString()).toBe('2024-12-31T23:30:00.000Z');
    expect(beijingDay(d)).toBe('2025-01-01');
    expect(beijingYear(d)).toBe(2025);
    expect(formatChineseDate(d)).toBe('2025年1月1日');
    expect(formatChineseDateTime(d)).toBe('2025年1月1日 07:30');
  });

  it('formats calendar days without leading zeros', () => {
    expect(formatChineseDate('2025-02-23')).toBe('2025年2月23日');
  });

  it('writes ISO 8601 with +08:00', () => {
    expect(toBeijingIso(new Date('2025-02-23T01:30:05Z'))).toBe('2025-02-23T09:30:05+08:00');
  });

  it('rejects malformed moments and impossible days', () => {
    expect(parseDateTime('2025-02-23 09:30')).toBeUndefined();
    expect(parseDateTime('2025-02-23T09:30:00')).toBeUndefined(); // no offset: ambiguous
    expect(parseDateTime('2025-02-30T09:30:00+08:00')).toBeUndefined();
    expect(parseDateTime('2025-02-23T24:30:00+08:00')).toBeUndefined();
    expect(parseDay('2025-13-01')).toBeUndefined();
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeUndefined();
  });
});
