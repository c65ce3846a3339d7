/** `links start`: runs the server (what `npm start` does). The server is loaded only when it starts. */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type LinksConfig } from '../../config/config.js';
import type { RunningLinks } from '../../server.js';

function banner(config: LinksConfig, running: RunningLinks): string {
  const lines = ['', 'Links is running.'];
  if (running.urls.production) lines.push(`  production API  ${running.urls.production}`);
  if (running.urls.sandbox) lines.push(`  sandbox API     ${running.urls.sandbox}`);
  if (running.urls.console) lines.push(`  console         ${running.urls.console}  (API reference in a browser; operator API: ${running.urls.console}/admin/v1)`);
  if (config.storage.kind === 'embedded') {
    lines.push(`  data directory  ${config.storage.dataDir}  (embedded PostgreSQL: PGlite)`);
  } else {
    const safe = new URL(config.storage.urls.control);
    if (safe.password) safe.password = '***';
    lines.push(`  database        ${safe.toString()}  (+ _production, _sandbox)`);
  }
  if (running.generatedAdminToken) {
    lines.push('', '  Admin token (shown once; send it as "Authorization: Bearer <token>" to the operator API):');
    lines.push(`    ${running.generatedAdminToken}`);
    if (running.adminTokenFile) lines.push(`  saved to ${running.adminTokenFile} (mode 0600)`);
  } else if (config.listeners.includes('console')) {
    lines.push(config.adminToken ? '  admin token     from LINKS_ADMIN_TOKEN' : '  admin token     generated at first start (see admin-token in the data directory)');
  }
  lines.push('');
  return lines.join('\n');
}

async function start(options: { env?: string }): Promise<void> {
  const { chooseLogFormat, createLogger, heldUntilReleased } = await import('../../logging.js');
  const { pino } = await import('pino');
  const { startLinks } = await import('../../server.js');
  let config: LinksConfig;
  try {
    config = loadConfig(process.env, options);
  } catch (error) {
    fail(error);
  }
  // Held back until the banner is out: the listeners log while they start.
  const stdout = heldUntilReleased(pino.destination({ fd: 1, sync: true }));
  const logger = createLogger(config.logLevel, stdout, chooseLogFormat(config.logFormat, process.stdout.isTTY === true));
  let running: RunningLinks;
  try {
    running = await startLinks(config, logger);
  } catch (error) {
    stdout.release();
    fail(error);
  }
  process.stdout.write(`${banner(config, running)}\n`);
  stdout.release();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const forced = setTimeout(() => {
      logger.error('shutdown took over 15 s; exiting');
      process.exit(1);
    }, 15_000);
    forced.unref();
    await running.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function fail(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : `failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`links: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the Links server (production, sandbox and console listeners)')
    .option('--env <listeners>', 'run only these listeners: production, sandbox, console (comma-separated)')
    .action(start);
}
