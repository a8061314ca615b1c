/**
 * Front-matter dates. One rule: the calendar date as written, never converted
 * between timezones. `2024-03-01T23:30:00-05:00` is `2024-03-01`, whatever the
 * build machine's `TZ`.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The `YYYY-MM-DD` a written date stands for, or null when it is not a real date.
 *
 * @example
 *   checkDate('2016-09-12T23:30:00-05:00') // '2016-09-12'
 *   checkDate('soon') // null
 *   checkDate('2023-02-29') // null
 */
export function checkDate(written: string): string | null {
  const match = DATE.exec(written.trim());
  if (match === null) return null;
  const [, y, m, d, hh, mm, ss] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return null;
  return `${y}-${m}-${d}`;
}
