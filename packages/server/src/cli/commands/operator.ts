/**
 * Operator commands over `/admin/v1`: tenants, users, memberships and API keys.
 * A plaintext key is printed only by `keys create` and `keys rotate`, the two calls that return it.
 */
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { addAdminOptions, connectAdmin, type AdminOptions } from '../connection.js';
import { CliError, emit, emitList, renderRecord, writeErr, type Cell, type OutputOptions } from '../output.js';

type Options = AdminOptions & OutputOptions;

interface Tenant {
  id: string;
  name: string;
  created_at: string;
}
interface User {
  id: string;
  email: string;
  name: string;
  created_at: string;
}
interface Membership {
  tenant_id: string;
  user_id: string;
  role: string;
  created_at: string;
}
export interface ApiKey {
  id: string;
  tenant_id: string;
  environment: string;
  user_id: string;
  name: string | null;
  permissions: string[];
  last4: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at?: string | null;
  replaced_by?: string | null;
  key?: string;
}

const ROLES = ['owner', 'admin', 'developer', 'viewer'];
const ENVIRONMENTS = ['sandbox', 'production'];

function leaf(parent: Command, name: string, description: string): Command {
  return addAdminOptions(parent.command(name).description(description).option('--json', 'print JSON'));
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function keyStatus(key: ApiKey): string {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= Date.now()) return 'expired';
  if (key.replaced_by) return 'rotated';
  return 'active';
}

export function keyRecord(key: ApiKey): Array<[string, Cell]> {
  return [
    ['id', key.id],
    ['tenant', key.tenant_id],
    ['environment', key.environment],
    ['user', key.user_id],
    ['name', key.name],
    ['permissions', key.permissions.join(', ')],
    ['last4', key.last4],
    ['created', key.created_at],
    ['expires', key.expires_at ?? 'never'],
    ...(key.revoked_at ? ([['revoked', key.revoked_at]] as Array<[string, Cell]>) : []),
  ];
}

/** A newly issued key: the plaintext first, and a reminder that it is shown once. */
function emitIssuedKey(options: Options, key: ApiKey): void {
  emit(options, key, () => [`API key (shown once; store it now): ${key.key}`, renderRecord(keyRecord(key))].join('\n'));
}

function positiveInteger(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('must be a whole number of seconds');
  return Number(value);
}

function permissionList(value: string): string[] {
  const permissions = value.split(',').map((p) => p.trim()).filter(Boolean);
  for (const p of permissions) if (p !== 'read' && p !== 'write') throw new InvalidArgumentError(`"${p}" is not a permission (read, write)`);
  return permissions;
}

function registerTenants(program: Command): void {
  const tenants = program.command('tenants').description('tenants (workspaces)');
  leaf(tenants, 'list', 'list tenants').action(async (options: Options) => {
    const items = await connectAdmin(options).list<Tenant>('/tenants');
    emitList(options, items, 'tenants', ['id', 'name', 'created'], (t) => [t.id, t.name, t.created_at]);
  });
  leaf(tenants, 'create', 'create a tenant')
    .argument('<name>', 'the tenant name')
    .action(async (name: string, options: Options) => {
      const tenant = await connectAdmin(options).request<Tenant>('POST', '/tenants', { name });
      emit(options, tenant, () => renderRecord([['id', tenant.id], ['name', tenant.name], ['created', tenant.created_at]]));
    });
  leaf(tenants, 'get', 'show one tenant')
    .argument('<tenant_id>')
    .action(async (id: string, options: Options) => {
      const tenant = await connectAdmin(options).request<Tenant>('GET', `/tenants/${segment(id)}`);
      emit(options, tenant, () => renderRecord([['id', tenant.id], ['name', tenant.name], ['created', tenant.created_at]]));
    });
}

function registerUsers(program: Command): void {
  const users = program.command('users').description('users (people who hold keys)');
  leaf(users, 'list', 'list users').action(async (options: Options) => {
    const items = await connectAdmin(options).list<User>('/users');
    emitList(options, items, 'users', ['id', 'email', 'name', 'created'], (u) => [u.id, u.email, u.name, u.created_at]);
  });
  leaf(users, 'create', 'create a user')
    .argument('<email>')
    .argument('<name>')
    .action(async (email: string, name: string, options: Options) => {
      const user = await connectAdmin(options).request<User>('POST', '/users', { email, name });
      emit(options, user, () => renderRecord([['id', user.id], ['email', user.email], ['name', user.name], ['created', user.created_at]]));
    });
}

function registerMembers(program: Command): void {
  const members = program.command('members').description("users' roles in tenants");
  leaf(members, 'add', 'make a user a member of a tenant')
    .argument('<tenant_id>')
    .argument('<user_id>')
    .addArgument(new Argument('<role>', ROLES.join(', ')).choices(ROLES))
    .action(async (tenantId: string, userId: string, role: string, options: Options) => {
      const membership = await connectAdmin(options).request<Membership>('POST', `/tenants/${segment(tenantId)}/members`, { user_id: userId, role });
      emit(options, membership, () => renderRecord([['tenant', membership.tenant_id], ['user', membership.user_id], ['role', membership.role], ['since', membership.created_at]]));
    });
  leaf(members, 'list', "list a tenant's members")
    .argument('<tenant_id>')
    .action(async (tenantId: string, options: Options) => {
      const items = await connectAdmin(options).list<Membership>(`/tenants/${segment(tenantId)}/members`);
      emitList(options, items, 'members', ['user', 'role', 'since'], (m) => [m.user_id, m.role, m.created_at]);
    });
}

function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys');
  leaf(keys, 'create', 'issue an API key for a member of a tenant (the key is printed once)')
    .argument('<tenant_id>')
    .requiredOption('--user <user_id>', 'the member who holds the key')
    .addOption(new Option('--env <environment>', 'sandbox or production').choices(ENVIRONMENTS).makeOptionMandatory())
    .option('--name <name>', 'a label, such as the machine it lives on')
    .option('--permissions <list>', 'read,write or read (default: the most the role allows)', permissionList)
    .option('--expires-at <timestamp>', 'ISO 8601 expiry, e.g. 2027-01-01T00:00:00Z')
    .action(async (tenantId: string, options: Options & { user: string; env: string; name?: string; permissions?: string[]; expiresAt?: string }) => {
      const body: Record<string, unknown> = { environment: options.env, user_id: options.user };
      if (options.name !== undefined) body.name = options.name;
      if (options.permissions !== undefined) body.permissions = options.permissions;
      if (options.expiresAt !== undefined) body.expires_at = options.expiresAt;
      emitIssuedKey(options, await connectAdmin(options).request<ApiKey>('POST', `/tenants/${segment(tenantId)}/api-keys`, body));
    });
  leaf(keys, 'list', "list a tenant's or a user's keys (never their secrets)")
    .option('--tenant <tenant_id>', "the tenant's keys")
    .option('--user <user_id>', "the user's keys across tenants")
    .action(async (options: Options & { tenant?: string; user?: string }) => {
      if (Boolean(options.tenant) === Boolean(options.user)) throw new CliError('keys list: pass exactly one of --tenant <tenant_id> or --user <user_id>');
      const route = options.tenant ? `/tenants/${segment(options.tenant)}/api-keys` : `/users/${segment(options.user!)}/api-keys`;
      const items = await connectAdmin(options).list<ApiKey>(route);
      emitList(
        options,
        items,
        'keys',
        ['id', 'environment', options.tenant ? 'user' : 'tenant', 'name', 'permissions', 'last4', 'status', 'created'],
        (k) => [k.id, k.environment, options.tenant ? k.user_id : k.tenant_id, k.name, k.permissions.join(','), k.last4, keyStatus(k), k.created_at],
      );
    });
  leaf(keys, 'revoke', 'revoke a key: refused from the next request on')
    .argument('<key_id>')
    .action(async (keyId: string, options: Options) => {
      const key = await connectAdmin(options).request<ApiKey>('POST', `/api-keys/${segment(keyId)}/revoke`);
      emit(options, key, () => renderRecord(keyRecord(key)));
    });
  leaf(keys, 'rotate', 'issue a successor key; the old one stays valid for the grace period')
    .argument('<key_id>')
    .option('--grace-seconds <n>', 'how long the old key keeps working (0 to 604800; default 0)', positiveInteger)
    .action(async (keyId: string, options: Options & { graceSeconds?: number }) => {
      const body = options.graceSeconds === undefined ? undefined : { grace_period_seconds: options.graceSeconds };
      const key = await connectAdmin(options).request<ApiKey>('POST', `/api-keys/${segment(keyId)}/rotate`, body);
      emitIssuedKey(options, key);
      if (!options.json) writeErr(`The old key ${keyId} ${options.graceSeconds ? `keeps working for ${options.graceSeconds} s` : 'no longer works'}.`);
    });
}

export function registerOperator(program: Command): void {
  registerTenants(program);
  registerUsers(program);
  registerMembers(program);
  registerKeys(program);
}
