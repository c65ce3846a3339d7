/** Schemas shared by routes: envelopes, pagination, error body, ids. The OpenAPI document comes from these. */
import { z } from 'zod';

export function integerParam(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be an integer from ${min} to ${max}`)
    .optional()
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));
}

export const pageQueryShape = {
  page: integerParam('page', 1, 1_000_000_000, 1),
  limit: integerParam('limit', 1, 100, 10),
};
export const pageQuery = z.strictObject(pageQueryShape);

export const uuid = z.uuid({ message: 'must be a UUID' });

export const timestamp = z.string().meta({ format: 'date-time' });

export function single<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

export function list<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    page: z.number().int(),
    limit: z.number().int(),
    totalPages: z.number().int(),
    totalResults: z.number().int(),
  });
}

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      request_id: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });

/** A short single-line text: names and descriptions. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');
}
