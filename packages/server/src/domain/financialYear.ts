/**
 * An ERP's financial year, given by the day and month it ends (Xero's FinancialYearEndDay and
 * FinancialYearEndMonth): profit-and-loss figures restart on the day after that end. A day past the
 * month's length ends the year on the month's last day (29 February is 28 February in other years).
 */
export interface FinancialYearEnd {
  /** 1–31. */
  day: number;
  /** 1–12. */
  month: number;
}

export function isFinancialYearEnd(value: { day: unknown; month: unknown }): value is FinancialYearEnd {
  const { day, month } = value;
  return Number.isInteger(day) && Number.isInteger(month) && (month as number) >= 1 && (month as number) <= 12 && (day as number) >= 1 && (day as number) <= 31;
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The year's end in calendar year `year`, as UTC milliseconds. */
function endIn(year: number, end: FinancialYearEnd): number {
  const monthLength = new Date(Date.UTC(year, end.month, 0)).getUTCDate();
  return Date.UTC(year, end.month - 1, Math.min(end.day, monthLength));
}

/** The first day (YYYY-MM-DD) of the financial year that contains `date` (YYYY-MM-DD). */
export function financialYearStart(date: string, end: FinancialYearEnd): string {
  const year = Number(date.slice(0, 4));
  const at = Date.parse(`${date}T00:00:00Z`);
  const day = 86_400_000;
  const endThisYear = endIn(year, end);
  return iso((at > endThisYear ? endThisYear : endIn(year - 1, end)) + day);
}
