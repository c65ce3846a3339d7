/**
 * A connection's transfers as the API shows them, a person's retry, and reconciliation
 * of Links' balances per ERP account against the ERP's trial balance.
 * Errors: not_found, conflict (retry of a transfer that is confirmed or being sent), invalid_request
 * (a cursor this API did not issue for this list), unavailable (the ERP did not answer).
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import { decodeCursor, encodeCursor, type CursorBinding } from '../domain/cursor.js';
import { LinksError } from '../domain/errors.js';
import type { ErpTrialBalance, GlProvider, GlTransferStatus } from '../domain/glTransfer.js';
import { isIdPosition, keysetPage, rowsToRead } from '../domain/keysetPage.js';
import { formatMinor } from '../domain/money.js';
import { readLedger, writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import { confirmedJournals, findGlTransfer, glTransferPage, latestTransferCurrency, movementsByAccount, settleTransfer, type GlTransferRecord } from '../storage/glTransfers.js';
import type { GlSettings } from './connectors.js';
import { askErp, loadGlConnection, requestConnector, type GlContext } from './glConnections.js';
import { journalFromStored, type GlMapping } from './journals.js';

export interface GlTransferView {
  id: string;
  status: GlTransferStatus;
  entry_ids: string[];
  date: string;
  currency: string;
  erp_document_id: string | null;
  attempts: number;
  last_error: { code: string; message: string; erp_status: number | null; erp_body: unknown } | null;
  created_at: string;
  sent_at: string | null;
  confirmed_at: string | null;
}

export function glTransferView(row: GlTransferRecord): GlTransferView {
  return {
    id: row.id,
    status: row.status as GlTransferStatus,
    entry_ids: row.entry_ids,
    date: row.date,
    currency: row.currency,
    erp_document_id: row.erp_document_id,
    attempts: row.attempts,
    last_error: (row.last_error as GlTransferView['last_error']) ?? null,
    created_at: row.created_at.toISOString(),
    sent_at: row.sent_at?.toISOString() ?? null,
    confirmed_at: row.confirmed_at?.toISOString() ?? null,
  };
}

export interface TransferFilter {
  status?: GlTransferStatus | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The connection's transfers, oldest first; `next_cursor` continues the list (null at its end). */
export async function listGlTransfers(scope: LedgerScope, binding: CursorBinding, id: string, filter: TransferFilter): Promise<{ data: GlTransferView[]; limit: number; next_cursor: string | null }> {
  const after = filter.cursor === undefined ? undefined : decodeCursor(binding, filter.cursor, isIdPosition);
  return readLedger(scope, async (trx) => {
    await loadGlConnection(trx, id);
    const rows = await glTransferPage(trx, id, { status: filter.status, afterId: after?.id }, rowsToRead(filter.limit));
    const { shown, next_cursor } = keysetPage(rows, filter.limit, binding, (last) => ({ id: last.id }));
    return { data: shown.map(glTransferView), limit: filter.limit, next_cursor };
  });
}

/** The cursor that continues a transfer list after the given transfer (a caller that shows fewer than a page). */
export function glTransferCursor(binding: CursorBinding, transferId: string): string {
  return encodeCursor(binding, { id: transferId });
}

/**
 * Makes a transfer due now. A failed one is sent under a new idempotency key (the ERP refused the
 * old request; an ERP that cached that refusal under its key would answer it again). An uncertain
 * or pending one keeps its key: it may be in the ERP already.
 */
export async function retryGlTransfer(scope: LedgerScope, request: WriteRequest, gl: GlContext, id: string, transferId: string): Promise<WriteOutcome<GlTransferView>> {
  const outcome = await writeLedger(scope, request, 200, async (trx) => {
    await loadGlConnection(trx, id);
    const transfer = await findGlTransfer(trx, id, transferId, true);
    if (!transfer) throw new LinksError('not_found', `No transfer ${JSON.stringify(transferId)} on this GL connection.`);
    if (transfer.status === 'confirmed' || transfer.status === 'sending') {
      throw new LinksError('conflict', `The transfer is ${transfer.status}; only a failed, uncertain or pending transfer can be retried.`);
    }
    const now = new Date();
    const failed = transfer.status === 'failed';
    const status = failed ? 'pending' : transfer.status;
    const keyGeneration = failed ? transfer.key_generation + 1 : transfer.key_generation;
    await settleTransfer(trx, transferId, undefined, { status: status as GlTransferStatus, next_attempt_at: now, key_generation: keyGeneration });
    await recordDataEvent(trx, scope.tenantId, request.context, { action: 'gl_transfer.retried', resourceType: 'gl_transfer', resourceId: transferId });
    return glTransferView({ ...transfer, status, key_generation: keyGeneration, next_attempt_at: now, lease_until: null });
  });
  gl.wake(scope.environment, scope.tenantId, id);
  return outcome;
}

export interface Reconciliation {
  as_of: string;
  currency: string;
  matched: boolean;
  accounts: Array<{ erp_account: string; links_balance: string; erp_balance: string; difference: string }>;
}

/**
 * Links' movements per ERP account (mapped as transfers map them) against the ERP's trial balance at
 * `asOf`, like with like: an account whose ERP figure restarts each financial year (profit and loss)
 * from max(start_date, that year's start), every other account from start_date; Links' profit and
 * loss before that year's start is set beside the account where the ERP carries it (Retained
 * Earnings). For a receiver without read-back (webhook), against the journals it confirmed.
 */
export async function reconcileGlConnection(scope: LedgerScope, gl: GlContext, id: string, asOf: string, currency: string | undefined): Promise<Reconciliation> {
  const { row, chosen, confirmed } = await readLedger(scope, async (trx) => {
    const row = await loadGlConnection(trx, id);
    const chosen = currency ?? (await latestTransferCurrency(trx, id)) ?? 'USD';
    return { row, chosen, confirmed: await confirmedJournals(trx, id, asOf, chosen) };
  });
  const readsBack = gl.providers[row.provider as GlProvider]?.readsBack ?? true;
  const erp: ErpTrialBalance = readsBack ? await askErp(() => requestConnector(scope, gl, row).trialBalance(asOf, chosen)) : confirmedBalances(confirmed);
  const startDate = (row.settings as unknown as GlSettings).start_date;
  const mapping = row.mapping as unknown as GlMapping;
  // The windows Links sums over: start_date, and each later financial-year start the ERP named.
  const starts = new Set([startDate]);
  for (const account of erp.values()) if (account.periodStart && account.periodStart > startDate) starts.add(account.periodStart);
  const movements = await readLedger(scope, async (trx) => {
    const byStart = new Map<string, Map<string, bigint>>();
    for (const from of starts) byStart.set(from, await movementsByAccount(trx, from, asOf, chosen));
    return byStart;
  });
  const sinceStart = movements.get(startDate) as Map<string, bigint>;
  const retainedEarnings = [...erp].find(([, a]) => a.carriesEarlierProfitAndLoss)?.[0];
  const linksByErp = new Map<string, bigint>();
  const add = (code: string, amount: bigint) => linksByErp.set(code, (linksByErp.get(code) ?? 0n) + amount);
  for (const [code, net] of sinceStart) {
    const erpCode = mapping.accounts[code] ?? code;
    const periodStart = erp.get(erpCode)?.periodStart;
    if (!periodStart || periodStart <= startDate) {
      add(erpCode, net);
      continue;
    }
    const thisYear = movements.get(periodStart)?.get(code) ?? 0n;
    add(erpCode, thisYear);
    if (retainedEarnings) add(retainedEarnings, net - thisYear);
  }
  const codes = [...new Set([...linksByErp.keys(), ...erp.keys()])].sort();
  const accounts = codes
    .map((code) => ({ code, links: linksByErp.get(code) ?? 0n, erp: erp.get(code)?.balance ?? 0n }))
    .filter((a) => a.links !== 0n || a.erp !== 0n)
    .map((a) => ({ erp_account: a.code, links_balance: formatMinor(a.links, chosen), erp_balance: formatMinor(a.erp, chosen), difference: formatMinor(a.links - a.erp, chosen) }));
  return { as_of: asOf, currency: chosen, matched: accounts.every((a) => a.difference === formatMinor(0n, chosen)), accounts };
}

/** What a receiver without read-back confirmed, per ERP account: balances to date. */
function confirmedBalances(confirmed: Array<Record<string, unknown>>): ErpTrialBalance {
  const balances: ErpTrialBalance = new Map();
  for (const stored of confirmed) {
    for (const line of journalFromStored('', stored).lines) balances.set(line.erpAccountCode, { balance: (balances.get(line.erpAccountCode)?.balance ?? 0n) + line.amountMinor });
  }
  return balances;
}
