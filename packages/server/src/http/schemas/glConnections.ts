/** Request and response shapes of GL connections, their mapping, transfers and reconciliation. */
import { z } from 'zod';
import { GL_CONNECTION_STATUSES, GL_PROVIDERS, GL_SUMMARIZE_MODES, GL_TRANSFER_STATUSES } from '../../domain/glTransfer.js';
import { text, timestamp } from './common.js';
import { calendarDate } from './ledger.js';

export const glConnectionId = z.object({ id: z.uuid({ message: 'must be a GL connection id (UUID)' }) });
export const glTransferParams = z.object({ id: z.uuid({ message: 'must be a GL connection id (UUID)' }), transfer_id: z.uuid({ message: 'must be a transfer id (UUID)' }) });

const settingsShape = {
  start_date: calendarDate.optional().meta({ description: 'entries dated before it are never sent (default: the day the connection is created)' }),
  summarize: z.enum(GL_SUMMARIZE_MODES).optional(),
  paused: z.boolean().optional(),
};

export const createGlConnectionBody = z.strictObject({
  provider: z.enum(GL_PROVIDERS),
  name: text(255),
  credentials: z
    .record(z.string().max(64), z.string().max(2000))
    .refine((c) => Object.keys(c).length <= 20, 'at most 20 fields')
    .meta({
      description:
        'webhook: {url}; xero: {client_id, client_secret} (custom connection) or {client_id, client_secret, grant: "authorization_code", redirect_uri} (redirect_uri: this environment\'s /api/v1/gl-connections/oauth-callback, as registered in the Xero app). Stored encrypted; never returned.',
    }),
  settings: z.strictObject(settingsShape).optional(),
});

export const updateGlConnectionBody = z.strictObject({ name: text(255).optional(), settings: z.strictObject(settingsShape).optional() });

const code = z.string().min(1).max(64);
export const glMappingBody = z
  .strictObject({
    accounts: z.record(code, code).refine((m) => Object.keys(m).length <= 5000, 'at most 5,000 accounts'),
    dimensions: z.record(code, code).refine((m) => Object.keys(m).length <= 100, 'at most 100 dimensions').optional(),
  })
  .meta({ id: 'GlMapping' });

const glSettings = z.object({ start_date: z.string(), summarize: z.enum(GL_SUMMARIZE_MODES), paused: z.boolean() });

export const glConnectionView = z
  .object({
    id: z.string(),
    provider: z.enum(GL_PROVIDERS),
    name: z.string(),
    status: z.enum(GL_CONNECTION_STATUSES),
    settings: glSettings,
    mapping: z.object({ accounts: z.record(z.string(), z.string()), dimensions: z.record(z.string(), z.string()) }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'GlConnection' });

const organisation = z
  .object({ tenant_id: z.string(), name: z.string() })
  .optional()
  .meta({ description: 'xero: the organisation the connection reaches, once connected' });
const authorizeUrl = z.string().optional().meta({ description: 'xero, authorization code: the URL a person opens to authorise Links; shown in this answer only' });

export const createdGlConnectionView = glConnectionView
  .extend({ signing_secret: z.string().optional().meta({ description: 'webhook: the signing secret, shown in this answer only' }), authorize_url: authorizeUrl, organisation })
  .meta({ id: 'CreatedGlConnection' });

export const connectedGlConnectionView = glConnectionView.extend({ authorize_url: authorizeUrl, organisation }).meta({ id: 'ConnectedGlConnection' });

export const authorizationCallbackQuery = z.object({
  state: z.string().min(1).max(500),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export const rotatedSecretView = z
  .object({ signing_secret: z.string().optional().meta({ description: 'shown in this answer only' }), previous_valid_until: timestamp })
  .meta({ id: 'GlRotatedSecret' });

export const erpAccountView = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.string(),
    status: z.enum(['active', 'archived']),
    accepts_journals: z.boolean().meta({ description: 'False when the ERP takes no journal on the account (Xero: bank accounts); a mapping to it is 422 unknown_erp_account.' }),
  })
  .meta({ id: 'ErpAccount' });

export const glTransferView = z
  .object({
    id: z.string(),
    status: z.enum(GL_TRANSFER_STATUSES),
    entry_ids: z.array(z.string()),
    date: z.string(),
    currency: z.string(),
    erp_document_id: z.string().nullable(),
    attempts: z.number().int(),
    last_error: z.object({ code: z.string(), message: z.string(), erp_status: z.number().int().nullable(), erp_body: z.unknown() }).nullable(),
    created_at: timestamp,
    sent_at: timestamp.nullable(),
    confirmed_at: timestamp.nullable(),
  })
  .meta({ id: 'GlTransfer' });

export const glTransferList = z.object({ data: z.array(glTransferView), limit: z.number().int(), next_cursor: z.string().nullable() }).meta({ id: 'GlTransferList' });

export const glReconciliationView = z
  .object({
    as_of: z.string(),
    currency: z.string(),
    matched: z.boolean(),
    accounts: z.array(z.object({ erp_account: z.string(), links_balance: z.string(), erp_balance: z.string(), difference: z.string() })),
  })
  .meta({ id: 'GlReconciliation' });
