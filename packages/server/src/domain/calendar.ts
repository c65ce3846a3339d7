/** Accounting dates are calendar days (`YYYY-MM-DD`, no time zone); periods are months (`YYYY-MM`). */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPeriod(text: string): boolean {
  const match = PERIOD.exec(text);
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2999;
}

export function periodOf(date: string): string {
  return date.slice(0, 7);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The last day of a month `YYYY-MM`. */
export function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A month has ended once its last day is before today (UTC). */
export function hasEnded(period: string, today = todayUtc()): boolean {
  return lastDayOf(period) < today;
}

/** The twelve months `YYYY-01` … `YYYY-12` of a year. */
export function monthsOf(year: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
