/**
 * The ERP providers Links can transfer to: provider name → how its credentials are accepted and how
 * a connector is built from a connection's unsealed credentials. A new provider is one entry here.
 * Errors (from `acceptCredentials`): invalid_request (credentials the provider cannot use).
 */
import type { Kysely } from 'kysely';
import type { ErpConnector, GlProvider, GlSummarizeMode } from '../domain/glTransfer.js';
import type { Environment } from '../domain/tenancy.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';

export interface GlSettings {
  /** Entries dated before it are never sent. */
  start_date: string;
  summarize: GlSummarizeMode;
  paused: boolean;
}

/** What a connector is built from; the credentials are unsealed for this process's memory only. */
export interface ConnectorContext {
  db: Kysely<EnvironmentDatabase>;
  environment: Environment;
  tenantId: string;
  connectionId: string;
  credentials: Record<string, unknown>;
  settings: GlSettings;
  /** How long one request to the ERP may take before its answer counts as lost. */
  requestTimeoutMs: number;
}

export type ShownOnce = Partial<Record<'signing_secret' | 'authorize_url', string>>;

export interface AcceptedCredentials {
  /** Sealed at rest; never returned. */
  stored: Record<string, unknown>;
  /** Shown in the creating response only (the webhook's signing secret; an OAuth authorize_url), never stored in a replay. */
  shownOnce?: ShownOnce;
}

export interface GlProviderDefinition {
  acceptCredentials(input: unknown, now: Date): AcceptedCredentials;
  connector(context: ConnectorContext): ErpConnector;
  /**
   * False when the receiver has no chart or trial balance Links can read (the webhook): a mapping
   * is then taken as given, and reconciliation compares against what the receiver confirmed.
   */
  readsBack: boolean;
  /**
   * Providers that hold a session with the ERP (Xero). Called outside any transaction: `connect`
   * right after the connection row commits (and to re-authorize), `completeAuthorization` from the
   * authorization callback, `forget` after a delete. They throw ErpCallError (or the provider's own
   * subclass-like error with the same `kind`) when the ERP refuses or does not answer.
   */
  connect?(context: ConnectorContext): Promise<GlConnectResult>;
  completeAuthorization?(context: ConnectorContext, callback: { state: string; code: string }): Promise<GlConnectResult>;
  forget?(context: ConnectorContext): Promise<void>;
}

export interface GlConnectResult {
  status: 'active' | 'needs_authorization';
  /** The URL a person opens to authorise Links (authorization-code connections). */
  authorize_url?: string;
  /** The ERP organisation the connection reaches, once known. */
  organisation?: { tenant_id: string; name: string };
}

export type GlProviderRegistry = Partial<Record<GlProvider, GlProviderDefinition>>;

/** Builds a connector for a connection; tests and the simulation inject their own. */
export type ConnectorFactory = (provider: GlProvider, context: ConnectorContext) => ErpConnector;

export function registryFactory(registry: GlProviderRegistry): ConnectorFactory {
  return (provider, context) => {
    const definition = registry[provider];
    if (!definition) throw new Error(`no GL provider ${provider} in this build`);
    return definition.connector(context);
  };
}
