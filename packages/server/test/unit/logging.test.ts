/** Log redaction: a connection string (or any other secret field) never reaches a log line. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.js';

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
