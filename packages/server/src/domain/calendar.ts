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
