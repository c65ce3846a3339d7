/** Log redaction: a connection string (or any other secret field) never reaches a log line. */
import { describe, expect, it } from 'vitest';
import { chooseLogFormat, createLogger, heldUntilReleased } from '../../src/logging.js';

const CONNECTION_STRING = 'postgres://reader:pw-4f1c9e@billing.example:5432/books';

describe('createLogger', () => {
  it('redacts connection_string wherever a log object carries it', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.info({ connection_string: CONNECTION_STRING }, 'top level');
    logger.info({ input: { connection_string: CONNECTION_STRING, connectionString: CONNECTION_STRING } }, 'one level down');
    logger.info({ request: { body: { connection_string: CONNECTION_STRING } } }, 'a logged request body');
    logger.info({ body: { connection_string: CONNECTION_STRING, table: 'billing.customers' } }, 'a body');
    logger.info({ row: { sealed_secret: 'v2.abc' } }, 'a stored row');
    const text = lines.join('');
    expect(lines).toHaveLength(5);
    expect(text).not.toContain('pw-4f1c9e');
    expect(text).not.toContain('v2.abc');
    expect(text.split('[REDACTED]').length - 1).toBe(6);
    expect(text).toContain('billing.customers');
  });
});

describe('chooseLogFormat', () => {
  it('reads lines on a terminal and JSON anywhere else, unless LINKS_LOG_FORMAT says', () => {
    expect(chooseLogFormat('auto', true)).toBe('pretty');
    expect(chooseLogFormat('auto', false)).toBe('json');
    expect(chooseLogFormat('json', true)).toBe('json');
    expect(chooseLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('readable log lines', () => {
  const logged = (write: (logger: ReturnType<typeof createLogger>) => void) => {
    const lines: string[] = [];
    write(createLogger('info', { write: (line: string) => void lines.push(line) }, 'pretty'));
    return lines.join('');
  };

  it('puts a request on one line: time, method, path, status, duration, code, tenant, key, request id', () => {
    const text = logged((logger) =>
      logger.child({ listener: 'sandbox', reqId: 'req_1' }).warn(
        { method: 'POST', path: '/api/v1/journal-entries?apiKey=[REDACTED]', status: 422, duration_ms: 4.2, code: 'period_closed', tenant_id: 't-1', key_id: 'key_9' },
        'POST /api/v1/journal-entries 422',
      ),
    );
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARN {2}sandbox POST \/api\/v1\/journal-entries\?apiKey=\[REDACTED\] 422 4\.2ms period_closed tenant=t-1 key=key_9 req_1\n$/);
  });

  it('shows other events as their message and fields, a 5xx with its stack, secrets still redacted', () => {
    const text = logged((logger) => {
      logger.info({ connection_string: CONNECTION_STRING, table: 'billing.customers' }, 'sync started');
      logger.error({ err: new Error('boom') }, 'request failed');
    });
    const [first, second, stack] = text.split('\n');
    expect(first).toMatch(/ INFO {2}sync started connection_string=\[REDACTED\] table=billing\.customers$/);
    expect(second).toMatch(/ ERROR request failed$/);
    expect(stack).toBe('    Error: boom');
    expect(text).not.toContain('pw-4f1c9e');
  });

  it('holds lines back until released, then writes them in order', () => {
    const out: string[] = [];
    const held = heldUntilReleased({ write: (line: string) => void out.push(line) });
    held.write('a\n');
    held.write('b\n');
    expect(out).toEqual([]);
    held.release();
    held.write('c\n');
    expect(out).toEqual(['a\n', 'b\n', 'c\n']);
  });
});
