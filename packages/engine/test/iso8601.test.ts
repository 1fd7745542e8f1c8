import { describe, expect, it } from 'vitest';
import { addDuration, durationToMs, parseCycle, parseDateTime, parseDuration, toMs } from '../src/iso8601.js';

const invalidArgument = expect.objectContaining({ code: 'INVALID_ARGUMENT' });
const utc = (text: string) => Date.parse(text);
const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseDuration', () => {
  it('reads each component as written', () => {
    // given / when / then
    expect(parseDuration('PT5M')).toEqual({ ...zero, minutes: 5 });
    expect(parseDuration('P1DT2H')).toEqual({ ...zero, days: 1, hours: 2 });
    expect(parseDuration('P2W')).toEqual({ ...zero, weeks: 2 });
    expect(parseDuration('PT0.5S')).toEqual({ ...zero, seconds: 0.5 });
    expect(parseDuration('P1Y2M3DT4H5M6,25S')).toEqual({ years: 1, months: 2, weeks: 0, days: 3, hours: 4, minutes: 5, seconds: 6.25 });
  });

  it('ignores surrounding whitespace and letter case', () => {
    // given text from an XML element
    const text = '\n  pt1h  \n';
    // when / then
    expect(parseDuration(text)).toEqual({ ...zero, hours: 1 });
  });

  it.each(['-PT1H', 'P', 'PT', 'P1DT', 'PT1.5M', 'P1.5D', '1H', 'PT1H ago', '', 'P99999999999999999999D'])(
    'rejects %j with INVALID_ARGUMENT',
    (text) => {
      // when / then
      expect(() => parseDuration(text)).toThrow(invalidArgument);
    },
  );
});

describe('addDuration', () => {
  it('adds a time duration exactly', () => {
    // given
    const start = utc('2026-01-05T10:00:00Z');
    // when / then
    expect(addDuration(start, parseDuration('PT90M'))).toBe(utc('2026-01-05T11:30:00Z'));
    expect(addDuration(start, parseDuration('P1DT2H'))).toBe(utc('2026-01-06T12:00:00Z'));
    expect(addDuration(start, parseDuration('PT0.25S'))).toBe(start + 250);
  });

  it('clamps to the end of a shorter month like java.time', () => {
    // given the last day of January
    const jan31 = utc('2026-01-31T08:00:00Z');
    // when / then
    expect(addDuration(jan31, parseDuration('P1M'))).toBe(utc('2026-02-28T08:00:00Z'));
    expect(addDuration(utc('2024-01-31T00:00:00Z'), parseDuration('P1M'))).toBe(utc('2024-02-29T00:00:00Z'));
    expect(addDuration(utc('2024-02-29T00:00:00Z'), parseDuration('P1Y'))).toBe(utc('2025-02-28T00:00:00Z'));
  });

  it('adds months before days', () => {
    // given
    const jan31 = utc('2026-01-31T00:00:00Z');
    // when / then: Feb 28 + 1 day, not Jan 31 + 1 day + 1 month
    expect(addDuration(jan31, parseDuration('P1M1D'))).toBe(utc('2026-03-01T00:00:00Z'));
    expect(addDuration(utc('2026-11-15T00:00:00Z'), parseDuration('P1Y3M'))).toBe(utc('2028-02-15T00:00:00Z'));
  });
});

describe('durationToMs and toMs', () => {
  it('counts weeks, days as 24 hours, and fractional seconds', () => {
    // given / when / then
    expect(durationToMs(parseDuration('P1W1DT1H1M1.5S'))).toBe(8 * 86_400_000 + 3_600_000 + 60_000 + 1_500);
    expect(toMs('PT2H')).toBe(7_200_000);
    expect(toMs(1_234)).toBe(1_234);
  });

  it('refuses durations with years or months, and non-finite numbers', () => {
    // when / then
    expect(() => durationToMs(parseDuration('P1M'))).toThrow(invalidArgument);
    expect(() => toMs('P1Y')).toThrow(invalidArgument);
    expect(() => toMs(Number.NaN)).toThrow(invalidArgument);
    expect(() => toMs('soon')).toThrow(invalidArgument);
  });
});

describe('parseDateTime', () => {
  it('reads UTC, offsets, fractions and date-only text', () => {
    // given / when / then
    expect(parseDateTime('2026-01-05T10:00:00Z')).toBe(Date.UTC(2026, 0, 5, 10));
    expect(parseDateTime('2026-01-05T10:00:00+02:00')).toBe(Date.UTC(2026, 0, 5, 8));
    expect(parseDateTime('2026-01-05T10:00:00-0530')).toBe(Date.UTC(2026, 0, 5, 15, 30));
    expect(parseDateTime('2026-01-05T10:00:00.123456Z')).toBe(Date.UTC(2026, 0, 5, 10, 0, 0, 123));
    expect(parseDateTime('2026-01-05T10:00')).toBe(Date.UTC(2026, 0, 5, 10));
    expect(parseDateTime('2026-01-05')).toBe(Date.UTC(2026, 0, 5));
    expect(parseDateTime(' 2026-01-05T10:00:00 ')).toBe(Date.UTC(2026, 0, 5, 10));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-01-05T24:00:00Z', '2026-01-05 10:00:00', 'tomorrow', '2026-01-05T10:00:00[Europe/Paris]', '26-01-05'])(
    'rejects %j with INVALID_ARGUMENT',
    (text) => {
      // when / then
      expect(() => parseDateTime(text)).toThrow(invalidArgument);
    },
  );
});

describe('parseCycle', () => {
  it('reads bounded, unbounded and anchored cycles', () => {
    // given / when / then
    expect(parseCycle('R3/PT1H')).toEqual({ repetitions: 3, interval: { ...zero, hours: 1 } });
    expect(parseCycle('R/PT1H')).toEqual({ repetitions: null, interval: { ...zero, hours: 1 } });
    expect(parseCycle('R2/2026-01-01T00:00:00Z/P1D')).toEqual({
      repetitions: 2,
      start: Date.UTC(2026, 0, 1),
      interval: { ...zero, days: 1 },
    });
  });

  it.each(['PT1H', 'R3', 'R-1/PT1H', 'R/PT0S', 'R3/PT1H/2026-01-01T00:00:00Z', 'R3/x/PT1H', 'R3/a/b/c'])(
    'rejects %j with INVALID_ARGUMENT',
    (text) => {
      // when / then
      expect(() => parseCycle(text)).toThrow(invalidArgument);
    },
  );
});
