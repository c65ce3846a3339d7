/**
 * Tenancy vocabulary shared by every layer: environments, roles, permissions and the rule that a
 * key's permissions never exceed its holder's role.
 */
export const ENVIRONMENTS = ['production', 'sandbox'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ROLES = ['owner', 'admin', 'developer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['read', 'write'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, Record<Environment, readonly Permission[]>> = {
  owner: { sandbox: ['read', 'write'], production: ['read', 'write'] },
  admin: { sandbox: ['read', 'write'], production: ['read', 'write'] },
  developer: { sandbox: ['read', 'write'], production: ['read'] },
  viewer: { sandbox: ['read'], production: ['read'] },
};

/** The most a member with `role` may hold in `environment`. */
export function permissionsAllowed(role: Role, environment: Environment): Permission[] {
  return [...ROLE_PERMISSIONS[role][environment]];
}

/** Permissions in their canonical order, without duplicates. */
export function normalizePermissions(permissions: readonly Permission[]): Permission[] {
  return PERMISSIONS.filter((p) => permissions.includes(p));
}

/**
 * What a key may do now: its own permissions cut down to what its holder's current role allows, so
 * a later downgrade of the role takes effect on keys issued before it.
 */
export function effectivePermissions(
  keyPermissions: readonly Permission[],
  role: Role,
  environment: Environment,
): Permission[] {
  const allowed = ROLE_PERMISSIONS[role][environment];
  return normalizePermissions(keyPermissions.filter((p) => allowed.includes(p)));
}
