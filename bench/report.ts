/** Output: a plain-text table for humans, then exactly one JSON line (the last line of stdout). */
import type { Check } from './verify.js';

export interface Row {
  phase: string;
  rate: string;
  p50?: number | undefined;
  p99?: number | undefined;
  /** Load generator busy share during the window, e.g. "41%". */
  client?: string | undefined;
  errors?: string | undefined;
  note?: string | undefined;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

export const int = (n: number) => Math.round(n).toLocaleString('en-US');

const ms = (n: number | undefined) => (n === undefined ? '' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

function render(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? (c ?? '').padEnd(widths[i]!) : (c ?? '').padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function phaseTable(rows: Row[]): string {
  return render(
    ['phase', 'throughput', 'p50 ms', 'p99 ms', 'load-gen busy', 'errors', 'note'],
    rows.map((r) => [r.phase, r.rate, ms(r.p50), ms(r.p99), r.client ?? '', r.errors ?? '', r.note ?? '']),
  );
}

export interface Target {
  name: string;
  value: number | null;
  op: '>=' | '<=';
  goal: number;
}

export function targetTable(targets: Target[]): string {
  return render(
    ['target', 'measured', 'goal', 'met'],
    targets.map((t) => [
      t.name,
      t.value === null ? 'n/a' : String(t.value),
      `${t.op} ${t.goal}`,
      t.value === null ? 'n/a' : (t.op === '>=' ? t.value >= t.goal : t.value <= t.goal) ? 'yes' : 'no',
    ]),
  );
}

export function checkTable(checks: Check[]): string {
  return render(
    ['check', 'ok', 'detail'],
    checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail]),
  );
}
