/**
 * The API's error codes (docs/api.md) as one class. Domain services throw these; the HTTP layer turns
 * them into `{"error": {code, message, request_id, details}}` with the matching status.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  environment_mismatch: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 409,
  already_reversed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unbalanced_entry: 422,
  unknown_account: 422,
  unknown_erp_account: 422,
  inactive_account: 422,
  currency_mismatch: 422,
  invalid_amount: 422,
  subledger_account_required: 422,
  period_closed: 422,
  period_not_ended: 422,
  user_not_member: 422,
  permission_exceeds_role: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class LinksError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'LinksError';
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(resource: string, id: string): LinksError {
  return new LinksError('not_found', `No ${resource} ${JSON.stringify(id)} in this scope.`);
}
