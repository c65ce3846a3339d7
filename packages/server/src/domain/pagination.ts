/** The API's list envelope (docs/api.md): page-numbered, `limit` 1–100. */
export interface PageRequest {
  page: number;
  limit: number;
}

export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  totalPages: number;
  totalResults: number;
}

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.limit;
}

export function toPage<T>(data: T[], totalResults: number, request: PageRequest): Page<T> {
  return {
    data,
    page: request.page,
    limit: request.limit,
    totalPages: Math.ceil(totalResults / request.limit),
    totalResults,
  };
}
