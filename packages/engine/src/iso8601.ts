import { EngineError } from './errors.js';

/** An ISO 8601 duration, by component as written (`P1DT2H` -> days 1, hours 2). Seconds may be fractional. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** An ISO 8601 repeating interval: `R3/PT1H`, `R/PT1H` (unbounded: `repetitions` null), `R2/<start>/P1D`. */
export interface IsoCycle {
  repetitions: number | null;
  /** Epoch ms of the first occurrence's start, when the cycle names one. */
  start?: number;
  interval: IsoDuration;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * Parses an ISO 8601 duration such as `PT5M`, `P1DT2H`, `P2W`, `PT0.5S` (case-insensitive, surrounding
 * whitespace ignored). Only seconds may have a fraction. Negative durations (`-PT1H`), empty ones (`P`,
 * `PT`) and components beyond safe integers throw EngineError `INVALID_ARGUMENT`.
 *
 * @example
 * parseDuration('P1DT2H'); // { years: 0, months: 0, weeks: 0, days: 1, hours: 2, minutes: 0, seconds: 0 }
 */
export function parseDuration(text: string): IsoDuration {
  const normalized = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const match = DURATION.exec(normalized);
  if (!match || normalized === 'P' || normalized.endsWith('T')) {
    throw invalid(`'${String(text)}' is not an ISO 8601 duration like 'PT5M' or 'P1DT2H'`, text);
  }
  const [years, months, weeks, days, hours, minutes] = match.slice(1, 7).map((part) => wholeNumber(part, text));
  const seconds = match[7] === undefined ? 0 : Number(match[7].replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds > Number.MAX_SAFE_INTEGER) throw invalid(`'${text}' has too many seconds`, text);
  return { years, months, weeks, days, hours, minutes, seconds };
}

/**
 * Adds a duration to an instant with calendar math in UTC, like java.time: years and months first
 * (clamping the day to the month's end, so Jan 31 + P1M = Feb 28/29), then weeks and days, then the time.
 */
export function addDuration(epochMs: number, duration: IsoDuration): number {
  if (!Number.isFinite(epochMs)) throw invalid(`${epochMs} is not an instant in epoch milliseconds`, epochMs);
  let result = epochMs;
  const totalMonths = duration.years * 12 + duration.months;
  if (totalMonths !== 0) {
    const date = new Date(epochMs);
    const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + totalMonths;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12;
    const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
    const shifted = new Date(epochMs);
    shifted.setUTCFullYear(year, month, day);
    result = shifted.getTime();
  }
  result += timeMs(duration, 'addDuration');
  if (!Number.isFinite(result) || Number.isNaN(new Date(result).getTime())) {
    throw invalid('the resulting instant is out of range', epochMs);
  }
  return result;
}

/**
 * Milliseconds of a duration without years or months (their length depends on the calendar; use
 * `addDuration`). A day counts as 24 hours. Throws `INVALID_ARGUMENT` for years or months.
 */
export function durationToMs(duration: IsoDuration): number {
  if (duration.years !== 0 || duration.months !== 0) {
    throw invalid('a duration with years or months has no fixed length in milliseconds', duration);
  }
  return timeMs(duration, 'durationToMs');
}

/**
 * Parses an ISO 8601 date-time to epoch ms: `2026-01-05T10:00:00Z`, with an offset (`+05:30`, `+0530`,
 * `+05`), with fractional seconds (kept to the millisecond), or a date only (`2026-01-05`, midnight UTC).
 * Without a zone, UTC is assumed. Named zones (`[Europe/Paris]`) are not supported. Throws `INVALID_ARGUMENT`.
 */
export function parseDateTime(text: string): number {
  const match = typeof text === 'string' ? DATE_TIME.exec(text.trim()) : null;
  if (!match) throw invalid(`'${String(text)}' is not an ISO 8601 date-time like '2026-01-05T10:00:00Z'`, text);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part)));
  const millis = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1) || hour > 23 || minute > 59 || second > 59) {
    throw invalid(`'${text}' is not a valid calendar date and time`, text);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offsetMs(match[8], text);
}

/**
 * Parses an ISO 8601 repeating interval: `R3/PT1H`, `R/PT1H` (unbounded), `R2/2026-01-01T00:00:00Z/P1D`.
 * The interval must be longer than zero (a zero interval would fire without end). Throws `INVALID_ARGUMENT`.
 */
export function parseCycle(text: string): IsoCycle {
  const parts = typeof text === 'string' ? text.trim().split('/') : [];
  const count = /^R(\d*)$/i.exec(parts[0] ?? '');
  if (!count || parts.length < 2 || parts.length > 3) {
    throw invalid(`'${String(text)}' is not an ISO 8601 cycle like 'R3/PT1H' or 'R/PT1H'`, text);
  }
  const repetitions = count[1] === '' ? null : wholeNumber(count[1], text);
  const interval = parseDuration(parts[parts.length - 1]);
  const cycle: IsoCycle = { repetitions, interval };
  if (parts.length === 3) cycle.start = parseDateTime(parts[1]);
  const probe = cycle.start ?? 0;
  if (addDuration(probe, interval) <= probe) throw invalid(`'${text}' repeats with a zero interval`, text);
  return cycle;
}

/**
 * Milliseconds from a number (returned as is) or an ISO 8601 duration without years or months
 * (`clock.advance('PT2H')`). Throws `INVALID_ARGUMENT` for non-finite numbers and other text.
 */
export function toMs(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid(`${input} is not a finite number of milliseconds`, input);
    return input;
  }
  return durationToMs(parseDuration(input));
}

function timeMs(duration: IsoDuration, caller: string): number {
  const ms =
    (duration.weeks * 7 + duration.days) * MS_PER_DAY +
    duration.hours * MS_PER_HOUR +
    duration.minutes * MS_PER_MINUTE +
    Math.round(duration.seconds * MS_PER_SECOND);
  if (!Number.isFinite(ms)) throw invalid(`${caller}: the duration is not a finite length`, duration);
  return ms;
}

function offsetMs(zone: string | undefined, text: string): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 18 || minutes > 59) throw invalid(`'${text}' has an invalid zone offset`, text);
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE);
}

function wholeNumber(part: string | undefined, text: unknown): number {
  if (part === undefined) return 0;
  const value = Number(part);
  if (!Number.isSafeInteger(value)) throw invalid(`'${String(text)}' has a component beyond the safe integer range`, text);
  return value;
}

function daysInMonth(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex + 1, 0);
  return date.getUTCDate();
}

function invalid(message: string, input: unknown): EngineError {
  return new EngineError('INVALID_ARGUMENT', message, { details: { input } });
}
