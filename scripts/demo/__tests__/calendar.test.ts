import {
  addMonths,
  businessMoment,
  dayOfEpochSeconds,
  dayOfWeek,
  formatDateTime,
  formatIsoDate,
  parseIsoDate,
  SECONDS_PER_DAY,
  workdayOnOrBefore
} from '../calendar';
import { Random } from '../random';

describe('calendar', () => {
  it('round-trips ISO dates', () => {
    for (const text of ['1970-01-01', '2024-02-29', '2026-11-30', '2027-12-31']) {
      expect(formatIsoDate(parseIsoDate(text))).toBe(text);
    }
  });

  it('counts days from 1970-01-01', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('2026-11-30') - parseIsoDate('2025-12-01')).toBe(364);
  });

  it.each(['2026-02-30', '2026-13-01', '30/11/2026', '2026-11-30T00:00:00Z'])('rejects %s', (text) => {
    expect(() => parseIsoDate(text)).toThrow(text);
  });

  it('formats date-times as Data Loader does', () => {
    const moment = parseIsoDate('2026-11-30') * SECONDS_PER_DAY + 14 * 3600 + 3 * 60 + 11;

    expect(formatDateTime(moment)).toBe('2026-11-30T14:03:11.000+0000');
    expect(dayOfEpochSeconds(moment)).toBe(parseIsoDate('2026-11-30'));
  });

  it('names the day of the week', () => {
    expect(dayOfWeek(parseIsoDate('2026-11-30'))).toBe(1);
    expect(dayOfWeek(parseIsoDate('2026-11-29'))).toBe(0);
    expect(dayOfWeek(parseIsoDate('1969-12-31'))).toBe(3);
  });

  it('clamps addMonths to the end of a short month', () => {
    expect(formatIsoDate(addMonths(parseIsoDate('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(parseIsoDate('2026-12-01'), -12))).toBe('2025-12-01');
    expect(formatIsoDate(addMonths(parseIsoDate('2026-11-15'), 3))).toBe('2027-02-15');
  });

  it('moves weekend days back to Friday', () => {
    expect(formatIsoDate(workdayOnOrBefore(parseIsoDate('2026-11-29')))).toBe('2026-11-27');
    expect(formatIsoDate(workdayOnOrBefore(parseIsoDate('2026-11-28')))).toBe('2026-11-27');
    expect(formatIsoDate(workdayOnOrBefore(parseIsoDate('2026-11-30')))).toBe('2026-11-30');
  });

  it('keeps business moments in local business hours', () => {
    const random = new Random(2);
    const day = parseIsoDate('2026-11-30');
    for (let draw = 0; draw < 500; draw++) {
      const localSeconds = businessMoment(random, day, -5) - 5 * 3600 - day * SECONDS_PER_DAY;

      expect(localSeconds).toBeGreaterThanOrEqual(7.5 * 3600);
      expect(localSeconds).toBeLessThan(18 * 3600);
    }
  });
});
