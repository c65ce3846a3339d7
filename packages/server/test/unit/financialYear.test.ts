/** The start of the financial year containing a date, for year ends at a month's end, mid-month and on 29 February. */
import { describe, expect, it } from 'vitest';
import { financialYearStart, isFinancialYearEnd } from '../../src/domain/financialYear.js';

describe('financialYearStart', () => {
  it('a calendar year (ends 31 December)', () => {
    const end = { day: 31, month: 12 };
    expect(financialYearStart('2026-01-01', end)).toBe('2026-01-01');
    expect(financialYearStart('2026-05-31', end)).toBe('2026-01-01');
    expect(financialYearStart('2026-12-31', end)).toBe('2026-01-01');
  });

  it('a year ending 31 March: the end day belongs to the old year, the next day starts the new one', () => {
    const end = { day: 31, month: 3 };
    expect(financialYearStart('2026-03-31', end)).toBe('2025-04-01');
    expect(financialYearStart('2026-04-01', end)).toBe('2026-04-01');
    expect(financialYearStart('2026-05-31', end)).toBe('2026-04-01');
    expect(financialYearStart('2027-01-15', end)).toBe('2026-04-01');
  });

  it('a year ending 30 June and one ending mid-month (15 July)', () => {
    expect(financialYearStart('2026-06-30', { day: 30, month: 6 })).toBe('2025-07-01');
    expect(financialYearStart('2026-07-01', { day: 30, month: 6 })).toBe('2026-07-01');
    expect(financialYearStart('2026-07-15', { day: 15, month: 7 })).toBe('2025-07-16');
    expect(financialYearStart('2026-07-16', { day: 15, month: 7 })).toBe('2026-07-16');
  });

  it('a year ending 29 February ends on 28 February in other years', () => {
    const end = { day: 29, month: 2 };
    expect(financialYearStart('2024-02-29', end)).toBe('2023-03-01');
    expect(financialYearStart('2024-03-01', end)).toBe('2024-03-01');
    expect(financialYearStart('2025-02-28', end)).toBe('2024-03-01');
    expect(financialYearStart('2025-03-01', end)).toBe('2025-03-01');
    expect(financialYearStart('2026-01-10', end)).toBe('2025-03-01');
    // 28 February in a leap year: the 29th starts the new year.
    expect(financialYearStart('2024-02-29', { day: 28, month: 2 })).toBe('2024-02-29');
    expect(financialYearStart('2024-02-28', { day: 28, month: 2 })).toBe('2023-03-01');
  });

  it('a year ending 31 December leaves 1 January of the next year in the new year', () => {
    expect(financialYearStart('2027-01-01', { day: 31, month: 12 })).toBe('2027-01-01');
    expect(financialYearStart('2026-12-31', { day: 31, month: 12 })).toBe('2026-01-01');
  });

  it('accepts only a day 1–31 and a month 1–12, whole numbers', () => {
    expect(isFinancialYearEnd({ day: 31, month: 3 })).toBe(true);
    for (const bad of [{ day: 0, month: 3 }, { day: 32, month: 3 }, { day: 31, month: 0 }, { day: 31, month: 13 }, { day: '31', month: 3 }, { day: 31.5, month: 3 }, { day: undefined, month: 12 }]) {
      expect(isFinancialYearEnd(bad)).toBe(false);
    }
  });
});
