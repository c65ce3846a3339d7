/** Accounting runs over HTTP for tests: start one, check the 202, and wait for its job. */
import { expect } from 'vitest';
import type { Ledger } from '../ledger/ledgerClient.js';

/** Starts a run and waits for its job to finish; returns the finished job. */
export async function runAccounting(ledger: Ledger, body: Record<string, unknown>): Promise<any> {
  const started = await ledger.post('/accounting/runs', body);
  expect(started.status, started.text).toBe(202);
  expect(started.headers.get('location')).toBe(`/api/v1/jobs/${started.body.data.id}`);
  expect(started.body.data).toMatchObject({ kind: 'accounting_run', status: 'queued', params: body });
  return waitForJob(ledger, started.body.data.id);
}

export async function waitForJob(ledger: Ledger, id: string, timeoutMs = 120_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await ledger.ok('GET', `/jobs/${id}`);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

