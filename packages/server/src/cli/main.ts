/**
 * The `links` command. `links start` runs the server (what `npm start` does); the other commands
 * talk to a running server: operator commands to the console's `/admin/v1`, data commands to an
 * environment's `/api/v1` through @links/sdk. Any failure is one line `links: <reason>` on stderr
 * and a non-zero exit code.
 */
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCapabilities } from './commands/capabilities.js';
import { registerData } from './commands/data.js';
import { registerDrafts } from './commands/drafts.js';
import { registerGl } from './commands/gl.js';
import { registerImport } from './commands/importEntries.js';
import { registerJobs } from './commands/jobs.js';
import { registerOperator } from './commands/operator.js';
import { registerQuickstart } from './commands/quickstart.js';
import { registerStart } from './commands/start.js';
import { CliError } from './output.js';

const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('links')
  .description('Links: a self-hostable, multi-tenant financial accounting hub')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({
    // Commander's own errors (unknown option, missing argument) read like ours: one line.
    outputError: (text, write) => write(`links: ${text.replace(/^error: /, '').trim()}\n`),
  });

registerStart(program);
registerQuickstart(program);
registerOperator(program);
registerData(program);
registerCapabilities(program);
registerDrafts(program);
registerImport(program);
registerGl(program);
registerJobs(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by outputError.
    process.exit(error.exitCode);
  }
  const message = error instanceof CliError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`links: ${message.split('\n')[0]}\n`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
}
