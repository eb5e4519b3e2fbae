import { describe, expect, test } from 'vitest';
import { displayValue, monthGrid, nowValue, parseTyped, partsOf, shiftMonth } from '../../src/lib/beijing-input.ts';

describe('what an editor types in a date-time field', () => {
  test.each([
    ['2025-03-12 09:30', '2025-03-12T09:30:00+08:00'],
    ['2025-3-12 9:30', '2025-03-12T09:30:00+08:00'],
    ['2025/03/12 21:05', '2025-03-12T21:05:00+08:00'],
    ['2025年3月12日 9:30', '2025-03-12T09:30:00+08:00'],
    ['2025年3月12日9时30分', '2025-03-12T09:30:00+08:00'],
    ['2025年3月12日 14点', '2025-03-12T14:00:00+08:00'],
    ['２０２５－０３－１２　０９：３０', '2025-03-12T09:30:00+08:00'],
    ['2025-03-12T09:30', '2025-03-12T09:30:00+08:00'],
    // A moment pasted from a file in another offset is stored as the same moment in Beijing time.
    ['2025-03-12T01:30:00Z', '2025-03-12T09:30:00+08:00'],
    ['2025-03-11T23:30:00-02:00', '2025-03-12T09:30:00+08:00'],
    ['', ''],
  ])('%s', (typed, stored) => {
    expect(parseTyped(typed, 'datetime')).toEqual({ ok: true, value: stored });
  });

  test.each([
    ['2025-02-30 09:30', '没有2025年2月30日这一天'],
    ['2025-03-12 24:00', '时间“24:00”不存在，请用 24 小时制（0:00 至 23:59）'],
    ['2025-03-12 9:75', '时间“9:75”不存在，请用 24 小时制（0:00 至 23:59）'],
    ['2025-03-12', '请同时填写时间（24 小时制），如 2025-03-12 09:30'],
    ['03/12/2025 9:30 AM', '无法识别“03/12/2025 9:30 AM”，请按 2025-03-12 09:30 的格式填写'],
    ['2025-03-123', '无法识别“2025-03-123”，请按 2025-03-12 09:30 的格式填写'],
  ])('%s is refused', (typed, message) => {
    expect(parseTyped(typed, 'datetime')).toEqual({ ok: false, message });
  });
});

describe('what an editor types in a date field', () => {
  test('a day in any of the usual forms', () => {
    for (const t of ['2025-03-01', '2025-3-1', '2025年3月1日', '2025.3.1', '2025/03/01']) {
      expect(parseTyped(t, 'date'), t).toEqual({ ok: true, value: '2025-03-01' });
    }
  });
  test('a time is refused rather than dropped', () => {
    expect(parseTyped('2025-03-01 09:30', 'date')).toEqual({ ok: false, message: '只填日期，不填时间，如 2025-03-12' });
  });
});

describe('what a field shows', () => {
  test('a stored moment in Beijing time, 24-hour clock, whatever offset it was written with', () => {
    expect(displayValue('2025-03-12T21:30:00+08:00', 'datetime')).toBe('2025-03-12 21:30');
    expect(displayValue('2025-03-12T13:30:00Z', 'datetime')).toBe('2025-03-12 21:30');
    expect(displayValue(new Date('2025-03-12T16:30:00Z'), 'datetime')).toBe('2025-03-13 00:30');
  });
  test('a day, also when YAML read it as a date at UTC midnight', () => {
    expect(displayValue('2025-03-01', 'date')).toBe('2025-03-01');
    expect(displayValue(new Date('2025-03-01T00:00:00Z'), 'date')).toBe('2025-03-01');
  });
  test('nothing, or something unreadable as it is', () => {
    expect(displayValue(undefined, 'datetime')).toBe('');
    expect(displayValue('明天上午', 'datetime')).toBe('明天上午');
    expect(partsOf('明天上午')).toBeUndefined();
  });
  test('now by Beijing’s clock', () => {
    expect(nowValue('datetime', new Date('2025-12-31T16:05:00Z'))).toBe('2026-01-01T00:05:00+08:00');
    expect(nowValue('date', new Date('2025-12-31T16:05:00Z'))).toBe('2026-01-01');
  });
});

describe('the calendar', () => {
  test('weeks start on Monday and are whole', () => {
    const march = monthGrid(2025, 3);
    expect(march[0]![0]).toEqual({ day: '2025-02-24', date: 24, inMonth: false });
    expect(march[0]![5]).toEqual({ day: '2025-03-01', date: 1, inMonth: true });
    expect(march.at(-1)!.at(-1)).toEqual({ day: '2025-04-06', date: 6, inMonth: false });
    expect(march.flat().filter((d) => d.inMonth)).toHaveLength(31);
    expect(march.every((w) => w.length === 7)).toBe(true);
  });
  test('a month that starts on Monday has no leading days', () => {
    expect(monthGrid(2025, 9)[0]![0]).toEqual({ day: '2025-09-01', date: 1, inMonth: true });
  });
  test('months roll over years', () => {
    expect(shiftMonth(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(shiftMonth(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
  });
});
