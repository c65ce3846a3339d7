/**
 * Structured logs (pino). Keys, tokens and connection strings never reach a log line: Authorization
 * headers and any field named like a secret (at the top, one level down, or in a logged request
 * body) are redacted, and `apiKey` query parameters are masked in URLs.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

const SECRET_FIELDS = ['authorization', 'key', 'apiKey', 'api_key', 'token', 'adminToken', 'password', 'secret', 'secret_hash', 'connection_string', 'connectionString', 'sealed_secret'];

function maskUrl(url: string): string {
  return url.replace(/([?&](?:api_?key|token|key)=)[^&#]*/gi, '$1[REDACTED]');
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), ...SECRET_FIELDS.map((f) => `*.body.${f}`), 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[REDACTED]',
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskUrl(req.url), remoteAddress: req.ip }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}
