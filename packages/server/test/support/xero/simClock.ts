/**
 * A simulated clock for the engine and the Xero model: starts at the real time and only runs ahead of
 * it (when slept on or moved), so what the services stamp with the real clock is never in its future.
 */
export class SimClock {
  t = Date.now();
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += Math.max(0, ms);
  };
}
