import { beijingParts, DATE_RE, isRealDay, parseDateTime } from './dates.ts';

/**
 * What the CMS's date and date-time fields accept as typed, and what they show: always 年-月-日 and a 24-hour 时:分 in
 * Beijing time, whatever the browser's language or time zone (a native `datetime-local` input follows the browser:
 * mm/dd/yyyy and a 12-hour clock under an English locale). Stored values keep the form the content files use:
 * `2025-03-12T09:30:00+08:00` for a moment, `2025-03-12` for a day.
 */

export type DateKind = 'datetime' | 'date';

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The stored form of a Beijing day and time. */
export function storedValue(kind: DateKind, day: string, hour = 0, minute = 0): string {
  return kind === 'date' ? day : `${day}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

/** Full-width digits and punctuation (typed with a Chinese input method) as their ASCII forms. */
function halfWidth(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/[－—／．]/g, (c) => ({ '－': '-', '—': '-', '／': '/', '．': '.' })[c]!)
    .replace(/\u3000/g, ' ')
    .trim();
}

// 2025-03-12, 2025/3/12, 2025.3.12, 2025年3月12日, then optionally 9:30, 09:30:00, 9时30分, 9点30, 9点.
const TYPED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|\s*T\s*|(?<=日))(\d{1,2})\s*[:时点]\s*(?:(\d{1,2})\s*分?(?::(\d{1,2}))?)?)?$/;

export const EXAMPLE: Record<DateKind, string> = { datetime: '2025-03-12 09:30', date: '2025-03-12' };

/** Read what an editor typed; the message says what is wrong, in Chinese, without the field's name. */
export function parseTyped(text: string, kind: DateKind): Parsed {
  const s = halfWidth(text);
  if (s === '') return { ok: true, value: '' };
  // A full ISO moment (pasted from a file) in any offset is taken and shown in Beijing time.
  const iso = parseDateTime(s);
  if (iso) {
    const p = beijingParts(iso);
    return { ok: true, value: storedValue(kind, `${p.year}-${pad(p.month)}-${pad(p.day)}`, p.hour, p.minute) };
  }
  const m = TYPED.exec(s);
  if (!m) return { ok: false, message: `无法识别“${text.trim()}”，请按 ${EXAMPLE[kind]} 的格式填写` };
  const [, y, mo, d, h, mi, sec] = m;
  if (!isRealDay(+y!, +mo!, +d!)) return { ok: false, message: `没有${+y!}年${+mo!}月${+d!}日这一天` };
  const day = `${y}-${pad(+mo!)}-${pad(+d!)}`;
  if (kind === 'date') {
    if (h !== undefined) return { ok: false, message: `只填日期，不填时间，如 ${EXAMPLE.date}` };
    return { ok: true, value: day };
  }
  if (h === undefined) return { ok: false, message: `请同时填写时间（24 小时制），如 ${EXAMPLE.datetime}` };
  if (+h > 23 || +(mi ?? 0) > 59 || +(sec ?? 0) > 59) {
    return { ok: false, message: `时间“${h}:${mi ?? '00'}”不存在，请用 24 小时制（0:00 至 23:59）` };
  }
  return { ok: true, value: storedValue(kind, day, +h, +(mi ?? 0)) };
}

/** The Beijing day, hour and minute of a stored value: an ISO string, a `YYYY-MM-DD` day or a YAML date. */
export function partsOf(stored: unknown): { day: string; hour: number; minute: number } | undefined {
  if (stored instanceof Date) {
    if (Number.isNaN(stored.getTime())) return undefined;
    const p = beijingParts(stored);
    return { day: `${p.year}-${pad(p.month)}-${pad(p.day)}`, hour: p.hour, minute: p.minute };
  }
  if (typeof stored !== 'string' || stored.trim() === '') return undefined;
  const s = stored.trim();
  if (DATE_RE.test(s)) return { day: s, hour: 0, minute: 0 };
  const d = parseDateTime(s);
  return d ? partsOf(d) : undefined;
}

/**
 * How a stored value is shown in the field: `2025-03-12 09:30` or `2025-03-12`. A YAML date of a day-only field was
 * read as UTC midnight, so its UTC day is the day written. Something unreadable is shown as it is, never hidden.
 */
export function displayValue(stored: unknown, kind: DateKind): string {
  if (kind === 'date' && stored instanceof Date && !Number.isNaN(stored.getTime()))
    return stored.toISOString().slice(0, 10);
  const p = partsOf(stored);
  if (!p) return stored === undefined || stored === null ? '' : String(stored);
  return kind === 'date' ? p.day : `${p.day} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** “Now” in the stored form, by Beijing's clock. */
export function nowValue(kind: DateKind, now = new Date()): string {
  const p = beijingParts(now);
  return storedValue(kind, `${p.year}-${pad(p.month)}-${pad(p.day)}`, p.hour, p.minute);
}

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  day: string;
  date: number;
  /** False for the days of the months before and after that fill the first and last week. */
  inMonth: boolean;
}

/** The weeks of a month as a Chinese calendar lays them out: Monday first, whole weeks. */
export function monthGrid(year: number, month: number): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const start = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
  const weeks: CalendarDay[][] = [];
  for (let t = start.getTime(); weeks.length < 6; ) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++, t += 86_400_000) {
      const d = new Date(t);
      const day = d.toISOString().slice(0, 10);
      week.push({ day, date: d.getUTCDate(), inMonth: d.getUTCMonth() === month - 1 });
    }
    if (!week.some((d) => d.inMonth)) break;
    weeks.push(week);
  }
  return weeks;
}

/** The month before or after `year`/`month` (1–12). */
export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}
