/** The data commands beyond accounts, entries and import, one group per file. */
import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerConnections } from './connections.js';
import { registerExceptions } from './exceptions.js';
import { registerPeriods } from './periods.js';
import { registerRecords } from './records.js';
import { registerStatements } from './reports.js';
import { registerSubledgers } from './subledgers.js';

export function registerCapabilities(program: Command): void {
  registerSubledgers(program);
  registerPeriods(program);
  registerStatements(program);
  registerRecords(program);
  registerConnections(program);
  registerExceptions(program);
  registerAudit(program);
}
