/**
 * Logs for people and machines (pino). JSON lines for machines; on a terminal one readable line per
 * event (`LINKS_LOG_FORMAT` overrides the choice). Keys, tokens and connection strings never reach a
 * log line: Authorization headers and any field named like a secret (at the top, one level down, or
 * in a logged request body) are redacted, and `apiKey` query parameters are masked in URLs.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogFormatSetting } from './config/config.js';

export type LogFormat = Exclude<LogFormatSetting, 'auto'>;

const SECRET_FIELDS = ['authorization', 'key', 'apiKey', 'api_key', 'token', 'adminToken', 'password', 'secret', 'secret_hash', 'connection_string', 'connectionString', 'sealed_secret'];

export function maskUrl(url: string): string {
  // code and state: an OAuth callback's (GET /api/v1/gl-connections/oauth-callback) one-time authority.
  return url.replace(/([?&](?:api_?key|token|key|code|state)=)[^&#]*/gi, '$1[REDACTED]');
}

/** Readable lines on a terminal, JSON for anything else (a file, a pipe, a log collector), unless set. */
export function chooseLogFormat(setting: LogFormatSetting, stdoutIsTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

export function createLogger(level: string, destination?: DestinationStream, format: LogFormat = 'json'): Logger {
  const sink = destination ?? (pino.destination(1) as DestinationStream);
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), ...SECRET_FIELDS.map((f) => `*.body.${f}`), 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[REDACTED]',
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskUrl(req.url), remoteAddress: req.ip }),
        err: pino.stdSerializers.err,
      },
    },
    format === 'pretty' ? readableLines(sink) : sink,
  );
}

/**
 * Holds lines back until `release()` (then writes them in order): `links start` prints its banner
 * first, whatever the listeners logged while starting.
 */
export function heldUntilReleased(destination: DestinationStream): DestinationStream & { release(): void } {
  let held: string[] | undefined = [];
  return {
    write(line: string) {
      if (held) held.push(line);
      else destination.write(line);
    },
    release() {
      const lines = held ?? [];
      held = undefined;
      for (const line of lines) destination.write(line);
    },
  };
}

/** Fields a readable line shows in its own words; the rest follow as `name=value`. */
const SHOWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'listener', 'reqId', 'method', 'path', 'status', 'duration_ms', 'code', 'tenant_id', 'key_id', 'err']);

/** Re-renders each JSON line pino writes as one line a person reads (a 5xx adds its stack below). */
export function readableLines(destination: DestinationStream): DestinationStream {
  return { write: (line: string) => destination.write(`${readableLine(line)}\n`) };
}

export function readableLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const parts = [String(entry.time ?? ''), String(entry.level ?? '').toUpperCase().padEnd(5)];
  if (entry.listener) parts.push(String(entry.listener));
  if (entry.method !== undefined && entry.status !== undefined) {
    // A request: what was asked, how it ended, for whom.
    parts.push(`${entry.method} ${entry.path} ${entry.status} ${entry.duration_ms}ms`);
    if (entry.code) parts.push(String(entry.code));
    parts.push(`tenant=${entry.tenant_id ?? '-'}`, `key=${entry.key_id ?? '-'}`, String(entry.reqId ?? ''));
  } else {
    parts.push(String(entry.msg ?? ''));
    if (entry.code) parts.push(`code=${entry.code}`);
  }
  for (const [name, value] of Object.entries(entry)) {
    if (!SHOWN.has(name)) parts.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  let text = parts.filter((p) => p !== '').join(' ');
  const err = entry.err as { type?: string; message?: string; stack?: string } | undefined;
  if (err) text += `\n    ${(err.stack ?? `${err.type}: ${err.message}`).split('\n').join('\n    ')}`;
  return text;
}
