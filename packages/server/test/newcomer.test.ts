/**
 * A newcomer's first hour, as issue 16 found it, done again: start `links start` as its own process
 * (readable logs, as on a terminal), open the console's `/`, paste the docs into one shell in
 * reading order, and read the server's console. None of the defects found then may be there now:
 * the banner comes before any log line; `/` on the console is the API reference, not a 404; the docs
 * run top to bottom in one shell; each request is one log line, and the entry the walkthrough posts
 * into a closed month shows in the log with its error code, tenant and key.
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/browser.js';
import { spawnLinks, type LinksProcess } from './support/childProcess.js';
import { ensureSdkBuilt } from './support/sdkBuild.js';
import { docsScript, runBash, splitOutput } from './support/docsScript.js';
import { backend, newStorage, plantedSecrets, postgresAvailable, TEST_ADMIN_TOKEN, type TestStorage } from './support/linksServer.js';
import { DEMO_CUSTOM_APP, startDemoStandIn, type DemoStandIn } from './support/xero/demoStandIn.js';
import { standInEnv } from './support/xero/xeroHttp.js';

describe.skipIf(!postgresAvailable())("a newcomer's first hour", () => {
  let storage: TestStorage | undefined;
  let links: LinksProcess | undefined;
  /** docs/gl.md's Xero walkthrough talks to the stand-in, as a newcomer's would (`npm run xero-standin`). */
  let xero: DemoStandIn | undefined;
  afterAll(async () => {
    await xero?.close();
    if (links && links.child.exitCode === null) {
      links.child.kill('SIGTERM');
      await links.exited;
    }
    await storage?.destroy();
  });

  it('finds none of the defects issue 16 found', async () => {
    storage = newStorage();
    xero = await startDemoStandIn(0);
    plantedSecrets.push(DEMO_CUSTOM_APP.clientSecret);
    links = spawnLinks({ ...standInEnv(xero), LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0', LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LINKS_LOG_FORMAT: 'pretty', ...storage.env });
    const production = (await links.waitFor(/production API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/, 300_000))[1]!;
    const sandbox = (await links.waitFor(/sandbox API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/))[1]!;
    const consoleUrl = (await links.waitFor(/console\s+(http:\/\/127\.0\.0\.1:\d+)\s+\(API reference in a browser/))[1]!;

    // The banner first: no log line before it.
    expect(links.output().startsWith('\nLinks is running.\n')).toBe(true);

    // The console's / is the API reference of both APIs.
    const root = await fetch(`${consoleUrl}/`);
    expect(root.status).toBe(200);
    expect(root.url).toBe(`${consoleUrl}/reference/`);
    expect(await root.text()).toContain('Links API reference');

    // The docs, pasted into one shell in reading order, against this server.
    ensureSdkBuilt();
    const { script, parts } = docsScript(path.join(ARTIFACTS, `newcomer-sdk-examples-${backend}`));
    const result = await runBash(script, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      CONSOLE: consoleUrl,
      SANDBOX: sandbox,
      PRODUCTION: production,
      LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    });
    expect(result.status, `${result.stderr}\n${result.stdout}`).toBe(0);
    expect(splitOutput(result.stdout).map((p) => p.file)).toEqual(parts);

    // The walkthrough's entry into the closed month is one warning line with its code, tenant and key.
    const tenant = result.stdout.match(/"tenant_id":"([\w-]+)","tenant_name":"Acme Corp"/)![1]!;
    const refused = (await links.waitFor(/^.* WARN {2}sandbox POST \/api\/v1\/journal-entries 422 [\d.]+ms period_closed .*$/m))[0];
    expect(refused).toMatch(new RegExp(`period_closed tenant=${tenant} key=key_\\w+ req_\\w+$`));
    const log = links.output();
    expect(log).not.toMatch(/incoming request|request completed/);
    expect(log).not.toMatch(/^\{"level"/m);
    expect(log).not.toContain('"time":1'); // no epoch times
  }, 900_000);
});
