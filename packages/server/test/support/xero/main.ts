/**
 * `npm run xero-standin [-- --port 4900]`: the Xero stand-in of docs/gl.md's walkthrough
 * (demoStandIn.ts), printing the variables that point Links at it and its apps' credentials.
 */
import { DEMO_CUSTOM_APP, DEMO_WEB_APP, startDemoStandIn } from './demoStandIn.js';

const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : Number(process.env.XERO_STANDIN_PORT ?? 4900);
const stand = await startDemoStandIn(port, process.env.XERO_STANDIN_CURRENCY ?? 'USD');
process.stdout.write(
  [
    `Xero stand-in listening (organisation ${stand.organisation.tenantId}, base currency ${stand.organisation.baseCurrency})`,
    `export LINKS_XERO_API_URL=${stand.apiUrl}`,
    `export LINKS_XERO_IDENTITY_URL=${stand.identityUrl}`,
    `export LINKS_XERO_CONNECTIONS_URL=${stand.connectionsUrl}`,
    `export LINKS_XERO_LOGIN_URL=${stand.loginUrl}`,
    `custom connection: client_id ${DEMO_CUSTOM_APP.clientId}, client_secret ${DEMO_CUSTOM_APP.clientSecret}`,
    `authorization code: client_id ${DEMO_WEB_APP.clientId}, client_secret ${DEMO_WEB_APP.clientSecret}`,
    '',
  ].join('\n'),
);
