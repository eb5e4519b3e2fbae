import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBeijingClock } from '../../src/cms/beijing-clock.ts';

describe('dayjs in the admin formats in Beijing time, whatever the computer’s zone', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    // Twelve hours behind Beijing in winter: a morning moment there is the evening before here.
    process.env.TZ = 'America/New_York';
    installBeijingClock();
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('shows a stored moment as written', () => {
    expect(dayjs('2025-02-23T09:30:00+08:00').format('YYYY-MM-DD HH:mm')).toBe('2025-02-23 09:30');
    expect(dayjs('2025-02-23T01:10:00Z').format('YYYY-MM-DD HH:mm Z')).toBe('2025-02-23 09:10 +08:00');
  });

  it('shows a moment near midnight on its Beijing day, in summer and winter', () => {
    expect(dayjs('2024-12-31T23:50:00+08:00').format('YYYY年M月D日 HH:mm')).toBe('2024年12月31日 23:50');
    expect(dayjs('2025-07-01T00:05:00+08:00').format('YYYY-MM-DD HH:mm')).toBe('2025-07-01 00:05');
    expect(dayjs(new Date(Date.UTC(2025, 6, 1, 16, 5))).format('MM-DD HH:mm')).toBe('07-02 00:05');
  });

  it('leaves UTC asked for explicitly, and an invalid date, as dayjs has them', () => {
    expect(dayjs.utc('2025-02-23T01:10:00Z').format('HH:mm')).toBe('01:10');
    expect(dayjs('不是日期').format('YYYY')).toBe('Invalid Date');
  });
});
