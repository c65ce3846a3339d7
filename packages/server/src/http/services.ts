/** What route handlers reach: domain services' dependencies, never SQL. */
import type { Kysely } from 'kysely';
import type { AdminAuthenticator } from '../auth/adminAuthenticator.js';
import type { ApiKeyAuthenticator } from '../auth/apiKeyAuthenticator.js';
import type { AuthFailureLimiter, KeyRateLimiter } from '../auth/rateLimits.js';
import type { TrustProxy } from '../config/config.js';
import type { Environment } from '../domain/tenancy.js';
import type { GlContext } from '../gl/glConnections.js';
import type { DatabaseHandle } from '../storage/database.js';
import type { ControlDatabase } from '../storage/controlSchema.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';

export interface LinksServices {
  control: Kysely<ControlDatabase>;
  /** Only the environments this process serves; a sandbox-only process has no production handle. */
  environments: Partial<Record<Environment, Kysely<EnvironmentDatabase>>>;
  databases: DatabaseHandle<unknown>[];
  apiKeys: ApiKeyAuthenticator;
  /** Present only in a process that runs the console listener. */
  admin: AdminAuthenticator | undefined;
  groupCommit: boolean;
  keyRates: KeyRateLimiter;
  /** Failed authentications per client address, on the data plane and the operator API alike. */
  authFailures: AuthFailureLimiter;
  /** Whose X-Forwarded-For gives the client address (LINKS_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Seals and opens external connections' secrets (LINKS_SECRETS_KEY, or a key file under the data dir). */
  secretsKey: () => Buffer;
  /** Seals list cursors; derived from the secrets key. */
  cursorKey: () => Buffer;
  /** GL connections: providers, connectors and the transfer engine's wake-up. */
  gl: GlContext;
  /** Tells the environment's job worker a job was queued (it also polls). */
  wakeJobs: (environment: Environment) => void;
}
