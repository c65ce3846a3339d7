/**
 * What an MCP tool is in Links: a name, what it tells the model (title, a description that states
 * its side effects), zod input and output schemas, MCP annotations, the key permission it needs,
 * and a handler that calls the same domain services as the REST routes (never SQL).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../domain/controlPlane.js';
import type { Permission } from '../domain/tenancy.js';
import type { LedgerScope } from '../ledger/scope.js';
import type { LinksServices } from '../http/services.js';

/** The tool-call's context: the verified key and the ledger scope it acts in. */
export interface ToolContext {
  principal: Principal;
  scope: LedgerScope;
  services: LinksServices;
  requestId: string;
  /** The tool being called (audit and cursors name it). */
  toolName: string;
  log: FastifyBaseLogger;
}

/** One MCP request: the verified key and where it acts (a tool call adds the tool's name). */
export type McpCall = Omit<ToolContext, 'toolName'>;

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: a tool list holds tools of every input and output shape
export type AnyLinksTool = LinksTool<any, any>;

export interface LinksTool<I extends z.ZodObject, O extends z.ZodObject> {
  name: string;
  title: string;
  /** What the tool does and, always, what it changes (most: "Read-only: changes nothing."). */
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /** The key permission the tool needs; a key without it is not shown the tool. */
  permission: Permission;
  /** A further condition on the key (e.g. direct posting allowed); a key that fails it is not shown the tool. */
  offeredTo?: (principal: Principal) => boolean;
  run(context: ToolContext, args: z.output<I>): Promise<z.input<O>>;
}

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: LinksTool<I, O>): LinksTool<I, O> {
  return tool;
}

/** Reads the tenant environment's own books; the same call answers the same until the books change. */
export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/** Reads an external data source the tenant connected (a database or file outside Links). */
export const READS_EXTERNAL_SOURCE: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };

export const READ_ONLY_NOTE = 'Read-only: changes nothing.';
