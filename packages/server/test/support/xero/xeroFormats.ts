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

/** A `where` Xero cannot apply: 400, the ApiException envelope with Type QueryParseException (the ErrorNumber is [inferred]). */
export function queryParseException(message: string): XeroResponse {
  return json(400, { ErrorNumber: 16, Type: 'QueryParseException', Message: message });
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
 * The part of Xero's `where` syntax the stand-in understands (developer.xero.com "Requests and
 * responses", filtering: `Name=="x"`, `Name.Contains("x")`, `.StartsWith`, `.EndsWith`,
 * `Date >= DateTime(2015, 01, 01) && Date < DateTime(2015, 12, 31)`, `AND`/`&&`, `OR`/`||`;
 * `xero_accounting.yaml`: GET /ManualJournals `where` "Filter by an any element"). A field the type
 * does not have is a QueryParseException, as Xero answers "No property or field 'x' exists in type
 * 'y'" (message quoted in freakboy3742/pyxero#272); any other text Xero could not parse likewise.
 */
export type WherePredicate = (record: Record<string, unknown>) => boolean;
export type WhereFieldKind = 'string' | 'date' | 'guid';

export function parseWhere(where: string, fields: Record<string, WhereFieldKind>, typeName: string): WherePredicate | string {
  const alternatives: WherePredicate[] = [];
  for (const alternative of where.split(/\s+OR\s+|\s*\|\|\s*/)) {
    const tests: WherePredicate[] = [];
    for (const raw of alternative.split(/\s+AND\s+|\s*&&\s*/)) {
      const clause = raw.trim();
      const field = /^(\w+)/.exec(clause)?.[1] ?? '';
      const kind = fields[field];
      if (!kind) return `No property or field '${field}' exists in type '${typeName}'`;
      const test = clauseTest(clause, field, kind);
      if (!test) return `The where clause could not be parsed: ${clause}`;
      tests.push(test);
    }
    alternatives.push((r) => tests.every((t) => t(r)));
  }
  return (record) => alternatives.some((t) => t(record));
}

function clauseTest(clause: string, field: string, kind: WhereFieldKind): WherePredicate | null {
  const rest = clause.slice(field.length).trim();
  const text = (r: Record<string, unknown>) => String(r[field] ?? '');
  let m = /^(==|!=)\s*"([^"]*)"$/.exec(rest);
  if (m && kind === 'string') {
    const [, op, value] = m as unknown as [string, string, string];
    return (r) => (text(r) === value) === (op === '==');
  }
  m = /^(==|!=)\s*GUID\("([0-9a-fA-F-]{36})"\)$/.exec(rest);
  if (m && kind === 'guid') {
    const [, op, value] = m as unknown as [string, string, string];
    return (r) => (text(r).toLowerCase() === value.toLowerCase()) === (op === '==');
  }
  m = /^\.(Contains|StartsWith|EndsWith)\("([^"]*)"\)$/.exec(rest);
  if (m && kind === 'string') {
    const [, fn, value] = m as unknown as [string, string, string];
    return (r) => (fn === 'Contains' ? text(r).includes(value) : fn === 'StartsWith' ? text(r).startsWith(value) : text(r).endsWith(value));
  }
  m = /^(>=|<=|==|!=|>|<)\s*DateTime\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})\)$/.exec(rest);
  if (m && kind === 'date') {
    const [, op, y, mo, d] = m as unknown as [string, string, string, string, string];
    const bound = Date.UTC(Number(y), Number(mo) - 1, Number(d));
    return (r) => {
      const at = dayMs(text(r));
      return op === '>=' ? at >= bound : op === '<=' ? at <= bound : op === '>' ? at > bound : op === '<' ? at < bound : op === '!=' ? at !== bound : at === bound;
    };
  }
  return null;
}
