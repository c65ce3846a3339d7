/**
 * Chart templates: list them, and apply one to the books. Applying adds only what is missing, in
 * one transaction; an account whose code is taken by another type, name or currency, or a control
 * account without the template's sub-ledger, is reported as a conflict and left as it is. Applying
 * twice changes nothing the second time.
 * Errors: not_found (no such template), idempotency_key_reused.
 */
import { recordDataEvents } from '../audit/environmentAudit.js';
import { CHART_TEMPLATES, chartTemplate, type ChartTemplate, type TemplateAccount } from '../domain/chartTemplates.js';
import { notFound } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { addAccountIfAbsent, addSubledgerIfAbsent, chartAccount, type StoredChartAccount } from '../storage/chartOfAccounts.js';
import { writeLedger, type LedgerScope, type WriteOutcome, type WriteRequest } from './scope.js';

export interface ChartConflict {
  code: string;
  reason: string;
}

export interface AppliedTemplate {
  template: string;
  /** Account codes added by this call. */
  created: string[];
  /** Account codes already there as the template has them. */
  existing: string[];
  subledgers_created: string[];
  subledgers_existing: string[];
  conflicts: ChartConflict[];
}

export function listChartTemplates(page: PageRequest): Page<ChartTemplate> {
  return toPage(CHART_TEMPLATES.slice(offsetOf(page), offsetOf(page) + page.limit), CHART_TEMPLATES.length, page);
}

/** Why an account already in the books does not match the template's, or null when it does. */
function mismatch(wanted: TemplateAccount, found: StoredChartAccount): string | null {
  if (found.type !== wanted.type) return `exists as a ${found.type} account; the template has a ${wanted.type} account`;
  if (found.currency !== null) return `exists restricted to ${found.currency}; the template's account takes any currency`;
  if (found.name !== wanted.name) return `exists named ${JSON.stringify(found.name)}; the template names it ${JSON.stringify(wanted.name)}`;
  return null;
}

export async function applyChartTemplate(scope: LedgerScope, request: WriteRequest, name: string): Promise<WriteOutcome<AppliedTemplate>> {
  const template = chartTemplate(name);
  if (!template) throw notFound('chart template', name);
  return writeLedger(scope, request, (result) => (result.created.length + result.subledgers_created.length > 0 ? 201 : 200), async (trx) => {
    const result: AppliedTemplate = { template: template.name, created: [], existing: [], subledgers_created: [], subledgers_existing: [], conflicts: [] };
    // Parents come before their children in a template.
    for (const account of template.accounts) {
      const parent = account.parent_code === undefined ? undefined : await chartAccount(trx, account.parent_code);
      const added = await addAccountIfAbsent(trx, scope.tenantId, {
        code: account.code,
        name: account.name,
        type: account.type,
        // A child hangs under its parent only when the parent is the template's (same type).
        parentId: parent && parent.type === account.type ? parent.id : null,
        metadata: account.metadata ?? {},
      });
      if (added) {
        result.created.push(account.code);
        continue;
      }
      const reason = mismatch(account, (await chartAccount(trx, account.code))!);
      if (reason) result.conflicts.push({ code: account.code, reason });
      else result.existing.push(account.code);
    }
    for (const subledger of template.subledgers) {
      const control = (await chartAccount(trx, subledger.control_account))!;
      if (control.subledger_code === subledger.code) {
        result.subledgers_existing.push(subledger.code);
      } else if (control.subledger_code !== null) {
        result.conflicts.push({ code: subledger.control_account, reason: `controls the sub-ledger ${control.subledger_code}; the template has ${subledger.code}` });
      } else if (!result.created.includes(subledger.control_account)) {
        result.conflicts.push({ code: subledger.control_account, reason: `exists without a sub-ledger; the template makes it the control account of ${subledger.code}` });
      } else if (await addSubledgerIfAbsent(trx, scope.tenantId, { code: subledger.code, name: subledger.name, controlAccountId: control.id })) {
        result.subledgers_created.push(subledger.code);
      } else {
        result.conflicts.push({ code: subledger.control_account, reason: `the sub-ledger code ${subledger.code} is taken by another control account` });
      }
    }
    await recordDataEvents(trx, scope.tenantId, request.context, [
      ...result.created.map((code) => ({ action: 'account.created', resourceType: 'account', resourceId: code })),
      ...result.subledgers_created.map((code) => ({ action: 'subledger.created', resourceType: 'subledger', resourceId: code })),
      { action: 'chart_template.applied', resourceType: 'chart_template', resourceId: template.name },
    ]);
    return result;
  });
}
