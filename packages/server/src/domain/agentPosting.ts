/**
 * Whether an agent may post journal entries directly with this key (MCP `post_journal_entry`),
 * instead of proposing drafts for a person to approve. A key needs write permission (already cut
 * down to its holder's role); in sandbox that is enough, in production its owner or admin must also
 * have turned on `agent_posting` for that key (operator API, docs/api.md).
 */
import type { Principal } from './controlPlane.js';

export function mayPostDirectlyAsAgent(principal: Pick<Principal, 'environment' | 'permissions' | 'agentPosting'>): boolean {
  if (!principal.permissions.includes('write')) return false;
  return principal.environment === 'sandbox' || principal.agentPosting;
}
