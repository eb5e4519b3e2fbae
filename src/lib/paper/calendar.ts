/**
 * The calendar of past issues: one month as a grid of weeks (Monday first, as Chinese calendars print it), the days
 * with an issue linked, and the list of months that have issues, so a reader can move to any month without script.
 */

export interface CalendarDay {
  day: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Address of the issue of that day, if there is one. */
  href?: string | undefined;
}

export interface CalendarMonth {
  year: number;
  month: number;
  /** Rows of seven cells, Monday to Sunday; `null` pads the first and last weeks. */
  weeks: (CalendarDay | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The grid of `year`-`month`; `issues` maps `YYYY-MM-DD` to the address of that day's issue. */
export function monthGrid(year: number, month: number, issues: ReadonlyMap<string, string>): CalendarMonth {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: Sunday 0 … Saturday 6; Monday-first offset of the 1st.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    cells.push({ day: d, date, href: issues.get(date) });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}

/** Months that have issues, newest first, each with the address of its newest issue (where its calendar opens). */
export function issueMonths(
  issues: readonly { date: string; href: string }[],
): { year: number; month: number; href: string }[] {
  const months = new Map<string, { year: number; month: number; href: string; date: string }>();
  for (const i of issues) {
    const key = i.date.slice(0, 7);
    const seen = months.get(key);
    if (!seen || seen.date < i.date)
      months.set(key, { year: +i.date.slice(0, 4), month: +i.date.slice(5, 7), href: i.href, date: i.date });
  }
  return [...months.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([, { year, month, href }]) => ({ year, month, href }));
}
