/**
 * Named parties. A sub-ledger account is a party; a customer's party is its unified customer, keyed
 * by the customer's Links id — the key the accounting rules post invoices and payments under. A
 * manual line may name that customer by its Links id (any case) or by `source_system:source_id`;
 * both resolve to the Links id, so one customer never splits across two sub-ledger accounts. Any
 * other text (no colon, not a UUID) is a party of its own, as the caller wrote it.
 * Errors: none thrown here; a reference that names no customer resolves to null and the posting
 * refuses its line with unknown_account (ledger/posting.ts).
 */
import type { Kysely } from 'kysely';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { customerIds, customerNames, customersBySource } from '../storage/parties.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import type { LedgerTransaction } from './scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A reference that must name a customer: a Links id (UUID) or `source_system:source_id`. */
export function isCustomerReference(reference: string): boolean {
  return UUID.test(reference) || reference.includes(':');
}

/** `source_system:source_id`, split at the first colon (a source id may hold colons). */
function sourcePair(reference: string): readonly [string, string] {
  const at = reference.indexOf(':');
  return [reference.slice(0, at), reference.slice(at + 1)];
}

/** Each customer reference → the customer's Links id, or null when it names no customer. */
export async function resolveCustomerReferences(db: Kysely<EnvironmentDatabase>, tenantId: string, references: string[]): Promise<Map<string, string | null>> {
  const wanted = [...new Set(references.filter(isCustomerReference))];
  const resolved = new Map<string, string | null>();
  if (wanted.length === 0) return resolved;
  const read = async (trx: LedgerTransaction) => {
    const ids = await customerIds(trx, wanted.filter((r) => UUID.test(r)));
    const bySource = await customersBySource(trx, wanted.filter((r) => !UUID.test(r)).map(sourcePair));
    for (const reference of wanted) {
      resolved.set(reference, UUID.test(reference) ? (ids.has(reference.toLowerCase()) ? reference.toLowerCase() : null) : (bySource.get(sourcePair(reference).join('\u0001')) ?? null));
    }
  };
  if (db.isTransaction) await read(db as LedgerTransaction);
  else await inTenantTransaction(db, tenantId, read);
  return resolved;
}

/** The name of each party that is a customer; null for the others. */
export async function partyNames(trx: LedgerTransaction, parties: string[]): Promise<(party: string) => string | null> {
  const names = await customerNames(trx, parties);
  return (party) => names.get(party) ?? null;
}
