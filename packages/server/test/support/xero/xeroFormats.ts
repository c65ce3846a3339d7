/**
 * Xero's wire formats as the stand-in writes them (shapes from `XeroAPI/Xero-OpenAPI`
 * `xero_accounting.yaml` 16.1.0 and the error bodies seen from the live API): MS-JSON dates, the
 * ValidationException envelope, the RFC-7807-like 401/403 bodies, the `where` filter subset.
 */

export interface XeroResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, plain text, or '' for none. */
  body: string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): XeroResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function text(status: number, value: string, headers: Record<string, string> = {}): XeroResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: value };
}

/** `/Date(1552521600000+0000)/`, how Xero answers dates. */
export function msDate(ms: number, withOffset = true): string {
  return withOffset ? `/Date(${ms}+0000)/` : `/Date(${ms})/`;
}

export function dayMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `31-Jul-2013`, how Xero's lock-date message writes the date. */
export function lockDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}

/** 401 and 403 bodies: `{"Type":null,"Title":…,"Status":…,"Detail":…,"Instance":…,"Extensions":{}}`. */
export function problem(status: 401 | 403, detail: string, instance: string): XeroResponse {
  const headers: Record<string, string> =
    status === 401 ? { 'www-authenticate': `Bearer error="invalid_token", error_description="${detail}"` } : {};
  return json(status, { Type: null, Title: status === 401 ? 'Unauthorized' : 'Forbidden', Status: status, Detail: detail, Instance: instance, Extensions: {} }, headers);
}

export function validationException(elements: unknown[]): XeroResponse {
  return json(400, { ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred', Elements: elements });
}

export const NOT_FOUND = text(404, "The resource you're looking for cannot be found");

/** Money with exactly two decimals, as the report cells carry it; '' for zero. */
export function reportAmount(cents: bigint): string {
  if (cents === 0n) return '';
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A LineAmount (a JSON number) in cents, or null when it has more than two decimals. */
export function cents(amount: unknown): bigint | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  const scaled = Math.round(amount * 100);
  if (Math.abs(scaled - amount * 100) > 1e-6) return null;
  return BigInt(scaled);
}

/**
 * The part of Xero's `where` syntax the stand-in understands, joined by ` AND `:
 * `Field=="text"`, `Field!="text"`, `Field.Contains("text")`, `Field.StartsWith("text")`,
 * `Date>=DateTime(2026,12,1)` (also `<=`, `==`). Anything else: 400, as Xero refuses a bad filter.
 */
export type WherePredicate = (record: Record<string, unknown>) => boolean;

export function parseWhere(where: string): WherePredicate | string {
  const clauses = where.split(/\s+AND\s+/i).map((c) => c.trim());
  const tests: WherePredicate[] = [];
  for (const clause of clauses) {
    let m = /^(\w+)\s*(==|!=)\s*"([^"]*)"$/.exec(clause);
    if (m) {
      const [, field, op, value] = m as unknown as [string, string, string, string];
      tests.push((r) => (String(r[field] ?? '') === value) === (op === '=='));
      continue;
    }
    m = /^(\w+)\.(Contains|StartsWith)\("([^"]*)"\)$/.exec(clause);
    if (m) {
      const [, field, fn, value] = m as unknown as [string, string, string, string];
      tests.push((r) => (fn === 'Contains' ? String(r[field] ?? '').includes(value) : String(r[field] ?? '').startsWith(value)));
      continue;
    }
    m = /^Date\s*(>=|<=|==|>|<)\s*DateTime\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})\)$/.exec(clause);
    if (m) {
      const [, op, y, mo, d] = m as unknown as [string, string, string, string, string];
      const bound = Date.UTC(Number(y), Number(mo) - 1, Number(d));
      tests.push((r) => {
        const at = dayMs(String(r.Date));
        return op === '>=' ? at >= bound : op === '<=' ? at <= bound : op === '>' ? at > bound : op === '<' ? at < bound : at === bound;
      });
      continue;
    }
    return `The where clause could not be parsed: ${clause}`;
  }
  return (record) => tests.every((t) => t(record));
}
