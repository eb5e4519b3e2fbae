/**
 * Where the focus of a calendar's days moves on a key, as in the WAI-ARIA date picker dialog pattern: arrows by a day
 * or a week, Home and End to the week's first (Monday) and last day, Page Up and Page Down by a month (with Shift, a
 * year), keeping the day of the month where the other month has it, else its last day. Days are `YYYY-MM-DD`.
 */

const DAY = 86_400_000;

const toTime = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The same day of the month `by` months away, or the last day of that month when it is shorter. */
function monthsAway(day: string, by: number): string {
  const year = +day.slice(0, 4);
  const month = +day.slice(5, 7) - 1 + by;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return toDay(Date.UTC(year, month, Math.min(+day.slice(8, 10), last)));
}

/** The day focused after `key` (a `KeyboardEvent.key`) from `day`, or undefined for a key the calendar leaves alone. */
export function dayAfterKey(day: string, key: string, shift = false): string | undefined {
  const t = toTime(day);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  switch (key) {
    case 'ArrowLeft':
      return toDay(t - DAY);
    case 'ArrowRight':
      return toDay(t + DAY);
    case 'ArrowUp':
      return toDay(t - 7 * DAY);
    case 'ArrowDown':
      return toDay(t + 7 * DAY);
    case 'Home':
      return toDay(t - weekday * DAY);
    case 'End':
      return toDay(t + (6 - weekday) * DAY);
    case 'PageUp':
      return monthsAway(day, shift ? -12 : -1);
    case 'PageDown':
      return monthsAway(day, shift ? 12 : 1);
    default:
      return undefined;
  }
}
