/**
 * Polls `probe` until it gives a value; past `timeoutMs` fails naming what was awaited (and, with
 * `seen`, what stood last), so a slow machine's failure says where it stopped.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, seen?: () => unknown): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${seen ? `: ${JSON.stringify(seen())}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
