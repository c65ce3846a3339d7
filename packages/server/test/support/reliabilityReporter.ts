/**
 * `npm run test:reliability` prints, after the usual report, one table of what the reliability
 * tests did: each writes a line `reliability | test | load | faults or inputs | outcome`.
 */
import type { UserConsoleLog } from 'vitest';
import type { Reporter } from 'vitest/node';

export default class ReliabilityReporter implements Reporter {
  private readonly rows: string[][] = [];

  onUserConsoleLog(log: UserConsoleLog): void {
    for (const line of log.content.split('\n')) {
      if (line.startsWith('reliability | ')) this.rows.push(line.split(' | ').slice(1));
    }
  }

  onTestRunEnd(): void {
    if (this.rows.length === 0) return;
    const header = ['test', 'load held', 'faults injected / inputs tried', 'outcome'];
    const rows = [header, ...this.rows.sort((a, b) => a[0]!.localeCompare(b[0]!))];
    const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    const format = (r: string[]) => header.map((_, i) => (r[i] ?? '').padEnd(widths[i]!)).join('  ');
    console.log(['', 'Reliability summary', format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(format), ''].join('\n'));
  }
}
