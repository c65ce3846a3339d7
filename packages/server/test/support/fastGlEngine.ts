/**
 * Engine settings for tests that wait on transfers: poll and back off in tens of milliseconds instead of
 * seconds, find new connections within half a second, and give up on a silent receiver after 1.5 s.
 */
export const FAST_GL_ENGINE = {
  LINKS_GL_POLL_MS: '50',
  LINKS_GL_DISCOVERY_MS: '500',
  LINKS_GL_LEASE_MS: '4000',
  LINKS_GL_REQUEST_TIMEOUT_MS: '1500',
  LINKS_GL_BACKOFF_MS: '50',
} as const;
