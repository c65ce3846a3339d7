/**
 * The Xero stand-in of docs/gl.md: one organisation, a small chart, a custom-connection app and an
 * authorization-code app. `npm run xero-standin` (main.ts) serves it for a person following the
 * guide; the docs test serves the same one, so the guide's credentials and chart are what both get.
 */
import { startXeroHttp, type XeroStandInUrls } from './xeroHttp.js';
import type { XeroOrganisation } from './xeroLedger.js';
import { XeroModel } from './xeroModel.js';

export const DEMO_CUSTOM_APP = { clientId: 'STANDIN-CUSTOM-CLIENT', clientSecret: 'standin-custom-secret' } as const;
export const DEMO_WEB_APP = { clientId: 'STANDIN-WEB-CLIENT', clientSecret: 'standin-web-secret' } as const;

const DEMO_CHART = [
  // Xero takes no manual journal on a bank account: the guide maps cash to the clearing account.
  ['090', 'Business Bank Account', 'BANK'],
  ['091', 'Cash clearing', 'CURRENT'],
  ['200', 'Sales', 'REVENUE'],
  ['400', 'Advertising', 'OVERHEADS'],
  ['453', 'Office Expenses', 'OVERHEADS'],
  ['610', 'Accounts Receivable', 'CURRENT'],
  ['800', 'Accounts Payable', 'CURRLIAB'],
  ['970', 'Owner A Funds Introduced', 'EQUITY'],
] as const;

export interface DemoStandIn extends XeroStandInUrls {
  organisation: XeroOrganisation;
  close(): Promise<void>;
}

/** Serves the demo organisation on `port` (0: any free port) of 127.0.0.1, in real time. */
export async function startDemoStandIn(port: number, baseCurrency = 'USD'): Promise<DemoStandIn> {
  const model = new XeroModel({ now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  const organisation = model.addOrganisation('Demo Company (Stand-in)', baseCurrency);
  for (const [code, name, type] of DEMO_CHART) organisation.addAccount(code, name, type);
  model.identity.addApp({ ...DEMO_CUSTOM_APP, tenantIds: [organisation.tenantId], customConnection: true });
  model.identity.addApp({ ...DEMO_WEB_APP, tenantIds: [organisation.tenantId], customConnection: false });
  return { ...(await startXeroHttp(model, port)), organisation };
}
