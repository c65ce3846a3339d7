/** `GET /api/v1/chart-templates` → the charts of accounts to start from (`saas`, …). */
import { listChartTemplates } from '../../../ledger/chartTemplates.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { chartTemplateView } from '../../schemas/books.js';
import { list, pageQuery } from '../../schemas/common.js';

export default function route(app: LinksApp, _services: LinksServices): void {
  app.get(
    '/api/v1/chart-templates',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(chartTemplateView) } } },
    async (request) => listChartTemplates(request.query),
  );
}
