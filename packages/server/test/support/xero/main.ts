/**
 * `npm run xero-standin [-- --port 4900]`: a Xero stand-in for the docs walkthrough, with one
 * organisation, a small chart, a custom-connection app and an authorization-code app.
 */
import { XeroModel } from './xeroModel.js';
import { startXeroHttp } from './xeroHttp.js';

const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : Number(process.env.XERO_STANDIN_PORT ?? 4900);
const model = new XeroModel({ now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
const org = model.addOrganisation('Demo Company (Stand-in)', process.env.XERO_STANDIN_CURRENCY ?? 'USD');
for (const [code, name, type] of [
  ['090', 'Business Bank Account', 'BANK'],
  ['200', 'Sales', 'REVENUE'],
  ['400', 'Advertising', 'OVERHEADS'],
  ['610', 'Accounts Receivable', 'CURRENT'],
  ['800', 'Accounts Payable', 'CURRLIAB'],
  ['970', 'Owner A Funds Introduced', 'EQUITY'],
] as const) {
  org.addAccount(code, name, type);
}
model.identity.addApp({ clientId: 'STANDIN-CUSTOM-CLIENT', clientSecret: 'standin-custom-secret', tenantIds: [org.tenantId], customConnection: true });
model.identity.addApp({ clientId: 'STANDIN-WEB-CLIENT', clientSecret: 'standin-web-secret', tenantIds: [org.tenantId], customConnection: false });
const urls = await startXeroHttp(model, port);
process.stdout.write(
  [
    `Xero stand-in listening (organisation ${org.tenantId}, base currency ${org.baseCurrency})`,
    `export LINKS_XERO_API_URL=${urls.apiUrl}`,
    `export LINKS_XERO_IDENTITY_URL=${urls.identityUrl}`,
    `export LINKS_XERO_CONNECTIONS_URL=${urls.connectionsUrl}`,
    `export LINKS_XERO_LOGIN_URL=${urls.loginUrl}`,
    'custom connection: client_id STANDIN-CUSTOM-CLIENT, client_secret standin-custom-secret',
    'authorization code: client_id STANDIN-WEB-CLIENT, client_secret standin-web-secret',
    '',
  ].join('\n'),
);
