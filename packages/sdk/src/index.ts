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
export { PageResult, type Page, type PageParams } from './pagination.js';
export type { RequestOptions, ResponseInfo } from './core.js';
export type * from './types.js';
export type { paths, components } from './generated/openapi.js';
