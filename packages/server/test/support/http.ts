/** Small HTTP helpers: tests speak to the server as any client would. */
export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(
  origin: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  const response = await fetch(origin + path, { method, headers, body });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** An operator client for `/admin/v1` that fails the test on an unexpected status. */
export class AdminClient {
  constructor(
    private readonly origin: string,
    private readonly token: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const result = await call(this.origin, method, `/admin/v1${path}`, { token: this.token, body });
    if (!expected.includes(result.status)) throw new Error(`${method} ${path} → ${result.status} ${result.text}`);
    return result.body?.data ?? result.body;
  }

  createTenant(name: string) {
    return this.request('POST', '/tenants', { name });
  }

  createUser(email: string, name = email.split('@')[0]!) {
    return this.request('POST', '/users', { email, name });
  }

  addMember(tenantId: string, userId: string, role: string) {
    return this.request('POST', `/tenants/${tenantId}/members`, { user_id: userId, role });
  }

  createKey(tenantId: string, body: Record<string, unknown>) {
    return this.request('POST', `/tenants/${tenantId}/api-keys`, body);
  }

  revokeKey(keyId: string) {
    return this.request('POST', `/api-keys/${keyId}/revoke`);
  }
}
