/** Request and response shapes of external connections (data sources) and their syncs. */
import { z } from 'zod';
import { UNIFIED_MODELS } from '../../domain/unifiedModels.js';
import { text, timestamp } from './common.js';

export const connectionId = z.object({ id: z.uuid({ message: 'must be a connection id (UUID)' }) });

const fieldName = z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'must be a unified field name such as amount_due');

export const mappingBody = z
  .strictObject({
    model: z.enum(UNIFIED_MODELS),
    source_system: text(255).optional(),
    fields: z.record(fieldName, text(255)).refine((f) => Object.keys(f).length <= 100, 'at most 100 fields'),
    defaults: z
      .record(fieldName, z.union([z.string().max(255), z.number(), z.boolean()]))
      .refine((d) => Object.keys(d).length <= 100, 'at most 100 defaults')
      .optional(),
  })
  .meta({ id: 'ConnectionMapping' });

/** Publishing the connection to MCP agents as a read-only tool `source_<tool_name>` (docs/mcp.md). */
export const mcpPublicationBody = z
  .strictObject({
    enabled: z.boolean(),
    tool_name: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1–40 of lower-case letters, digits and _, starting with a letter')
      .optional()
      .meta({ description: 'default: from the connection name; the tool is named source_<tool_name>' }),
    description: text(500).optional().meta({ description: 'what the agent is told the source holds' }),
  })
  .meta({ id: 'McpPublication' });

/** CSV text; the body limit (1 MiB) bounds it. */
const csvText = z.string().min(1, 'must not be empty').max(1_000_000, 'must be at most 1,000,000 characters');
const connectionString = z
  .string()
  .min(1)
  .max(2000)
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
  .meta({ description: 'stored encrypted; never returned' });

export const createConnectionBody = z
  .strictObject({
    name: text(100),
    type: z.enum(['csv', 'postgres']),
    csv: csvText.optional(),
    connection_string: connectionString.optional(),
    table: text(255).optional(),
    query: z.string().min(1).max(20_000).optional(),
    mapping: mappingBody.optional(),
    mcp: mcpPublicationBody.optional(),
  })
  .meta({ id: 'ExternalConnectionCreate' });

export const updateConnectionBody = z
  .strictObject({
    name: text(100).optional(),
    csv: csvText.optional(),
    connection_string: connectionString.optional(),
    table: text(255).optional(),
    query: z.string().min(1).max(20_000).optional(),
    mapping: mappingBody.optional(),
    mcp: mcpPublicationBody.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change')
  .meta({ id: 'ExternalConnectionUpdate' });

export const connectionView = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['csv', 'postgres']),
    status: z.enum(['needs_mapping', 'ready', 'error']),
    source: z.object({ table: z.string().optional(), query: z.string().optional(), rows: z.number().int().optional() }),
    has_connection_string: z.boolean(),
    mapping: z.object({ model: z.enum(UNIFIED_MODELS), source_system: z.string().optional(), fields: z.record(z.string(), z.string()), defaults: z.record(z.string(), z.unknown()).optional() }).nullable(),
    last_sync: z.record(z.string(), z.unknown()).nullable(),
    mcp: z.object({ enabled: z.boolean(), tool_name: z.string().nullable(), description: z.string().nullable() }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'ExternalConnection' });

export const sourceColumns = z.array(z.object({ column_name: z.string(), data_type: z.string() })).meta({ id: 'SourceColumns' });

const detail = z.object({ path: z.string(), message: z.string() });

export const syncReportView = z
  .object({
    connection_id: z.string(),
    model: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rejections: z.array(z.object({ row: z.number().int(), source_id: z.string().nullable(), code: z.string(), message: z.string(), details: z.array(detail) })),
    accounting_errors: z.array(z.object({ row: z.number().int(), source_id: z.string().nullable(), code: z.string(), message: z.string() })),
    started_at: timestamp,
    finished_at: timestamp,
  })
  .meta({ id: 'SyncReport' });
