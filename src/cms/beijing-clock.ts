import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

/**
 * Every time Decap itself shows (the collection lists' `{{fields.date | date('YYYY-MM-DD HH:mm')}}`, the workflow
 * board's cards) is formatted by dayjs in the computer's own zone, so an editor abroad, or a computer left on UTC, saw
 * a story of 09:30 as 01:30 or 20:30 the day before. This dayjs plugin (its public extension point) formats every
 * moment in Beijing time (UTC+8, no summer time) unless it was asked for UTC or another offset explicitly. The times
 * our own code shows come from `src/lib/dates.ts`, which is Beijing time already.
 */

/** Beijing's offset from UTC, in minutes. */
const BEIJING_OFFSET = 8 * 60;

interface Moment {
  isValid(): boolean;
  utcOffset(offset: number): Moment;
  $u?: boolean;
  $offset?: number;
}

/** Make dayjs format in Beijing time; once is enough (dayjs is one module shared by Decap and us). */
export function installBeijingClock(): void {
  dayjs.extend(utc);
  dayjs.extend((_options, Dayjs) => {
    const proto = Dayjs.prototype as unknown as { format(this: Moment, template?: string): string };
    const format = proto.format;
    proto.format = function (this: Moment, template?: string) {
      const explicit = this.$u || this.$offset !== undefined || !this.isValid();
      return format.call(explicit ? this : this.utcOffset(BEIJING_OFFSET), template);
    };
  });
}
