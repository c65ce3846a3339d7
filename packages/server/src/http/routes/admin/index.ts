/** Every operator route, one file each. */
import addMember from './addMember.js';
import changeMemberRole from './changeMemberRole.js';
import createApiKey from './createApiKey.js';
import createTenant from './createTenant.js';
import createUser from './createUser.js';
import getTenant from './getTenant.js';
import getUser from './getUser.js';
import listAuditEvents from './listAuditEvents.js';
import listMembers from './listMembers.js';
import listTenantApiKeys from './listTenantApiKeys.js';
import listTenants from './listTenants.js';
import listUserApiKeys from './listUserApiKeys.js';
import listUsers from './listUsers.js';
import revokeApiKey from './revokeApiKey.js';
import rotateApiKey from './rotateApiKey.js';
import updateApiKey from './updateApiKey.js';

export const adminRoutes = [
  createTenant,
  listTenants,
  getTenant,
  createUser,
  listUsers,
  getUser,
  addMember,
  listMembers,
  changeMemberRole,
  createApiKey,
  listTenantApiKeys,
  listUserApiKeys,
  revokeApiKey,
  rotateApiKey,
  updateApiKey,
  listAuditEvents,
];
