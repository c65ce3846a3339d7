/**
 * How a tool answers: `structuredContent` (which matches the tool's output schema) mirrored as JSON
 * text; a business error as an `isError` result carrying the API's error code and message, so the
 * model can correct itself. No answer is larger than MAX_RESULT_CHARS: lists stop early and hand
 * back a cursor for the rest.
 */
import { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import { LinksError } from '../domain/errors.js';
import { toLinksError } from '../http/errorHandling.js';
import type { ToolContext } from './tool.js';

/** Clients cut tool results at ~100,000 characters or fewer; every answer stays below. */
export const MAX_RESULT_CHARS = 100_000;
/** What a list may fill with items, leaving room for its envelope. */
const LIST_BUDGET_CHARS = 90_000;

export function toolSuccess(structured: Record<string, unknown>): CallToolResult {
  const text = JSON.stringify(structured);
  if (text.length > MAX_RESULT_CHARS) {
    return toolError(
      new LinksError('payload_too_large', `The answer would be ${text.length} characters, over the ${MAX_RESULT_CHARS} a tool result may carry; ask for fewer items or fewer fields.`),
    );
  }
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function toolError(error: LinksError): CallToolResult {
  const body = { error: { code: error.code, message: error.message, details: error.details } };
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(body) }] };
}

/** Anything a tool threw, as the result the model sees; a server fault is logged, never described. */
export function toolFailure(context: Pick<ToolContext, 'log' | 'toolName'>, error: unknown): CallToolResult {
  const linksError = toLinksError(error);
  if (linksError.status >= 500) context.log.error({ err: error, tool: context.toolName, code: linksError.code }, 'mcp tool failed');
  return toolError(linksError);
}

/** Optional list arguments every list tool takes. */
export const listArguments = {
  limit: z.number().int().min(1).max(100).default(25).describe('How many items at most (1–100, default 25).'),
  cursor: z.string().max(512).optional().describe('The next_cursor of the previous answer, to continue the list.'),
};

export interface ListPage<T> {
  data: T[];
  /** Items in the whole list (all pages). */
  total: number;
  /** Where the next call continues; null at the end. */
  next_cursor: string | null;
}

const isOffset = (v: unknown): v is { o: number } => typeof v === 'object' && v !== null && Number.isSafeInteger((v as { o: unknown }).o) && (v as { o: number }).o >= 0;

/**
 * One page of a list a service serves page-numbered: starts at the cursor's offset, takes at most
 * `limit` items and stops early before the answer outgrows the budget (at least one item is
 * always returned, so a cursor always moves on).
 */
export async function offsetPage<T>(
  context: ToolContext,
  request: { limit: number; cursor?: string | undefined },
  fetchPage: (page: { page: number; limit: number }) => Promise<{ data: T[]; totalResults: number }>,
): Promise<ListPage<T>> {
  const binding = { key: context.scope.cursorKey, tenantId: context.scope.tenantId, environment: context.scope.environment, list: `mcp.${context.toolName}` as const };
  const offset = request.cursor === undefined ? 0 : decodeCursor(binding, request.cursor, isOffset).o;
  const page = Math.floor(offset / request.limit) + 1;
  const served = await fetchPage({ page, limit: request.limit });
  const kept = fitsListBudget(served.data.slice(offset - (page - 1) * request.limit));
  const next = offset + kept.length;
  return { data: kept, total: served.totalResults, next_cursor: next < served.totalResults && kept.length > 0 ? encodeCursor(binding, { o: next }) : null };
}

/** The first items that fit the list budget (at least one, so a cursor always moves on). */
export function fitsListBudget<T>(items: T[]): T[] {
  const kept: T[] = [];
  let size = 0;
  for (const item of items) {
    size += JSON.stringify(item).length + 1;
    if (kept.length > 0 && size > LIST_BUDGET_CHARS) break;
    kept.push(item);
  }
  return kept;
}

/** Only the named fields of each item (all when none are named). */
export function onlyFields<T extends Record<string, unknown>>(items: T[], fields: string[] | undefined): Array<Partial<T>> {
  if (!fields || fields.length === 0) return items;
  return items.map((item) => Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])) as Partial<T>);
}

/** The list envelope every list tool answers with, around its item schema. */
export function listOutput<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int().describe('Items in the whole list.'),
    next_cursor: z.string().nullable().describe('Pass as cursor to continue; null at the end.'),
  });
}
