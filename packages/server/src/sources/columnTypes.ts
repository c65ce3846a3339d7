/** Column types of a CSV upload, guessed from its values so the user starts from sensible ones. */

export interface SourceColumn {
  column_name: string;
  /** A PostgreSQL type name: text, integer, numeric, boolean, date, timestamp, … */
  data_type: string;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Years below 100 would be shifted to 19xx by Date.UTC.
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
}

/** Most specific first; a column takes the first type every one of its non-empty values fits. */
const CANDIDATES: Array<[string, (value: string) => boolean]> = [
  ['integer', (v) => /^-?\d+$/.test(v)],
  ['numeric', (v) => /^-?(\d+(\.\d+)?|\.\d+)$/.test(v)],
  ['boolean', (v) => /^(true|false|yes|no)$/i.test(v)],
  ['date', isDate],
  ['timestamp', isTimestamp],
];

/** One column per header name, in header order; a column with no values at all is text. */
export function inferColumnTypes(header: string[], rows: Array<Record<string, string>>): SourceColumn[] {
  return header.map((name) => {
    let fitting = CANDIDATES;
    let anyValue = false;
    for (const row of rows) {
      const value = row[name] ?? '';
      if (value === '') continue;
      anyValue = true;
      fitting = fitting.filter(([, fits]) => fits(value));
      if (fitting.length === 0) break;
    }
    return { column_name: name, data_type: anyValue ? (fitting[0]?.[0] ?? 'text') : 'text' };
  });
}
