/**
 * The types a route needs to register itself, apart from the listener that imports every route
 * (so no route imports the listener).
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Permission } from '../domain/tenancy.js';

/** The Fastify instance routes register on: zod schemas validate requests and serialize answers. */
export type LinksApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Who may call a route, as the route declares it in its config: exactly one of the three. */
export interface RouteAccess {
  permission?: Permission;
  admin?: boolean;
  public?: boolean;
}

/** One registered route and the access it declared. */
export interface RouteRecord extends RouteAccess {
  method: string;
  url: string;
}
