/**
 * Setup calls from the harness itself (not measured): the operator API to create a tenant, an
 * owner and a sandbox key, and the data API to create the chart of accounts. Node's fetch, which
 * keeps connections alive. 127.0.0.1 only.
 */

export class Api {
  constructor(
    readonly origin: string,
    readonly token: string,
  ) {
    const url = new URL(origin);
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') throw new Error(`the benchmark only talks to http://127.0.0.1 (got ${origin})`);
  }

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(this.origin + path, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T };
  }

  /** The `data` of a 2xx answer; anything else throws with the answer. */
  async data<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: answer } = await this.call<{ data: T }>(method, path, body);
    if (status < 200 || status > 299) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(answer).slice(0, 400)}`);
    return answer.data;
  }
}

export interface Tenant {
  tenantId: string;
  userId: string;
  sandboxKey: string;
}

/** More sandbox keys for the tenant's owner (the auth phase gives each client its own key). */
export async function createKeys(console_: Api, tenant: Tenant, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = await console_.data<{ key: string }>('POST', `/admin/v1/tenants/${tenant.tenantId}/api-keys`, { environment: 'sandbox', user_id: tenant.userId, name: `bench-${i}` });
    keys.push(key.key);
  }
  return keys;
}

/** A tenant, its owner, and a sandbox key (read + write) for the owner, through /admin/v1. */
export async function createTenant(console_: Api, name: string): Promise<Tenant> {
  const tenant = await console_.data<{ id: string }>('POST', '/admin/v1/tenants', { name });
  const user = await console_.data<{ id: string }>('POST', '/admin/v1/users', { email: `owner@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`, name: 'Bench owner' });
  await console_.data('POST', `/admin/v1/tenants/${tenant.id}/members`, { user_id: user.id, role: 'owner' });
  const key = await console_.data<{ key: string; permissions: string[] }>('POST', `/admin/v1/tenants/${tenant.id}/api-keys`, {
    environment: 'sandbox',
    user_id: user.id,
    name: 'bench',
  });
  if (!key.permissions.includes('write')) throw new Error(`the bench key has no write permission (${key.permissions.join(', ')})`);
  return { tenantId: tenant.id, userId: user.id, sandboxKey: key.key };
}

const TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;

/** `count` accounts A0000…, USD, types in rotation; created `concurrency` at a time. */
export async function createAccounts(api: Api, count: number, concurrency = 16): Promise<string[]> {
  const codes = Array.from({ length: count }, (_, i) => `A${String(i).padStart(4, '0')}`);
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      const i = next++;
      await api.data('POST', '/api/v1/accounts', { code: codes[i], name: `Account ${i}`, type: TYPES[i % TYPES.length], currency: 'USD' });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return codes;
}
