export { LinksSDK, type LinksSDKOptions } from './client.js';
export { InvalidApiKeyError, type Environment } from './apiKey.js';
export {
  LinksError,
  AuthenticationError,
  EnvironmentMismatchError,
  PermissionError,
  NotFoundError,
  ValidationError,
  ConflictError,
  RateLimitError,
  UnavailableError,
  type ErrorDetail,
} from './errors.js';
export type { GlConnections } from './glConnections.js';
export { PageResult, type CursorPage, type Page, type PageParams } from './pagination.js';
export type { RequestOptions, ResponseInfo, LinksResponse } from './core.js';
export type {
  ExternalConnectionApi,
  AccountingRulesApi,
  UnifiedApi,
  UnifiedCustomersApi,
  UnifiedContactsApi,
  UnifiedInvoicesApi,
  UnifiedPaymentsApi,
  UnifiedContractsApi,
  UnifiedProductsApi,
  UnifiedOpportunitiesApi,
} from './compat.js';
export type * from './types.js';
export type { paths, components } from './generated/openapi.js';
