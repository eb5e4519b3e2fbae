import { describe, expect, it } from 'vitest';
import {
  beijingDay,
  beijingParts,
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

describe('the fast path of beijingParts', () => {
  const viaIntl = (d: Date) => {
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, Number(x.value)]));
    return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
  };

  it('agrees with the time-zone database on every hour around each New Year and on 5,000 moments from 1992 to 2060', () => {
    const moments: Date[] = [];
    for (let y = 1992; y <= 2060; y++)
      for (let h = -30; h <= 30; h++) moments.push(new Date(Date.UTC(y, 0, 1) + h * 3_600_000 - 8 * 3_600_000));
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const from = Date.UTC(1992, 0, 1);
    const to = Date.UTC(2060, 0, 1);
    for (let i = 0; i < 5000; i++) moments.push(new Date(from + Math.floor(next() * (to - from))));
    for (const d of moments) expect(beijingParts(d), d.toISOString()).toEqual(viaIntl(d));
  });

  it('still honours the daylight saving China kept until 1991', () => {
    const summer1988 = new Date('1988-07-01T12:00:00Z');
    expect(beijingParts(summer1988).hour).toBe(21);
    expect(beijingParts(summer1988)).toEqual(viaIntl(summer1988));
  });
});
