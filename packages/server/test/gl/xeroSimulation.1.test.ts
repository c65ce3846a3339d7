// One shard of the seeded simulation (test/support/xero/transferSimulation.ts): vitest runs files in
// parallel, so the run's thousands of schedules are split over SIMULATION_SHARDS files.
import { describeXeroSimulation } from '../support/xero/transferSimulation.js';

describeXeroSimulation(1);
