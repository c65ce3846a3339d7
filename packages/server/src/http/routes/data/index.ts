/** Every data-plane route, one file each. Each is also registered with the isolation harness (test/isolation). */
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import balanceSheet from './balanceSheet.js';
import closePeriod from './closePeriod.js';
import createAccount from './createAccount.js';
import createSubledger from './createSubledger.js';
import getAccount from './getAccount.js';
import getAccountBalance from './getAccountBalance.js';
import getJournalEntry from './getJournalEntry.js';
import getSubledger from './getSubledger.js';
import getSubledgerBalances from './getSubledgerBalances.js';
import incomeStatement from './incomeStatement.js';
import listAccountLines from './listAccountLines.js';
import listAccounts from './listAccounts.js';
import listAuditEvents from './listAuditEvents.js';
import listJournalEntries from './listJournalEntries.js';
import listPeriods from './listPeriods.js';
import listSubledgers from './listSubledgers.js';
import postJournalBatch from './postJournalBatch.js';
import postJournalEntry from './postJournalEntry.js';
import reopenPeriod from './reopenPeriod.js';
import reverseJournalEntry from './reverseJournalEntry.js';
import trialBalance from './trialBalance.js';
import updateAccount from './updateAccount.js';
import verifyLedger from './verifyLedger.js';
import whoami from './whoami.js';
import listChartTemplates from './listChartTemplates.js';
import applyChartTemplate from './applyChartTemplate.js';
import receivablesAging from './receivablesAging.js';
import closeYear from './closeYear.js';
import reopenYear from './reopenYear.js';
import createUnifiedRecord from './unified/createUnifiedRecord.js';
import deleteUnifiedRecord from './unified/deleteUnifiedRecord.js';
import getCustomerBalance from './unified/getCustomerBalance.js';
import getUnifiedRecord from './unified/getUnifiedRecord.js';
import listUnifiedRecords from './unified/listUnifiedRecords.js';
import updateUnifiedRecord from './unified/updateUnifiedRecord.js';
import getAccountingRule from './rules/getAccountingRule.js';
import listAccountingRules from './rules/listAccountingRules.js';
import previewAccountingRule from './rules/previewAccountingRule.js';
import putAccountingRule from './rules/putAccountingRule.js';
import createExternalConnection from './connections/createExternalConnection.js';
import listExternalConnections from './connections/listExternalConnections.js';
import getExternalConnection from './connections/getExternalConnection.js';
import updateExternalConnection from './connections/updateExternalConnection.js';
import putExternalConnectionMapping from './connections/putExternalConnectionMapping.js';
import getExternalConnectionSchema from './connections/getExternalConnectionSchema.js';
import syncExternalConnection from './connections/syncExternalConnection.js';
import listAccountingExceptions from './accounting/listAccountingExceptions.js';
import proposeJournalEntryDraft from './drafts/proposeJournalEntryDraft.js';
import listJournalEntryDrafts from './drafts/listJournalEntryDrafts.js';
import getJournalEntryDraft from './drafts/getJournalEntryDraft.js';
import approveJournalEntryDraft from './drafts/approveJournalEntryDraft.js';
import rejectJournalEntryDraft from './drafts/rejectJournalEntryDraft.js';
import mcp from './mcp.js';
import createGlConnection from './gl/createGlConnection.js';
import listGlConnections from './gl/listGlConnections.js';
import getGlConnection from './gl/getGlConnection.js';
import updateGlConnection from './gl/updateGlConnection.js';
import deleteGlConnection from './gl/deleteGlConnection.js';
import listErpAccounts from './gl/listErpAccounts.js';
import putGlMapping from './gl/putGlMapping.js';
import listGlTransfers from './gl/listGlTransfers.js';
import retryGlTransfer from './gl/retryGlTransfer.js';
import runGlConnection from './gl/runGlConnection.js';
import reconcileGlConnection from './gl/reconcileGlConnection.js';
import rotateGlSecret from './gl/rotateGlSecret.js';
import startAccountingRun from './accounting/startAccountingRun.js';
import getJob from './jobs/getJob.js';
import listJobs from './jobs/listJobs.js';

export const dataRoutes: Array<(app: LinksApp, services: LinksServices) => void> = [
  whoami,
  createAccount,
  listAccounts,
  getAccount,
  updateAccount,
  getAccountBalance,
  listAccountLines,
  createSubledger,
  listSubledgers,
  getSubledger,
  getSubledgerBalances,
  postJournalEntry,
  postJournalBatch,
  listJournalEntries,
  getJournalEntry,
  reverseJournalEntry,
  listPeriods,
  closePeriod,
  reopenPeriod,
  trialBalance,
  balanceSheet,
  incomeStatement,
  listChartTemplates,
  applyChartTemplate,
  receivablesAging,
  closeYear,
  reopenYear,
  listAuditEvents,
  verifyLedger,
  createUnifiedRecord,
  listUnifiedRecords,
  getUnifiedRecord,
  updateUnifiedRecord,
  deleteUnifiedRecord,
  getCustomerBalance,
  listAccountingRules,
  getAccountingRule,
  putAccountingRule,
  previewAccountingRule,
  createExternalConnection,
  listExternalConnections,
  getExternalConnection,
  updateExternalConnection,
  putExternalConnectionMapping,
  getExternalConnectionSchema,
  syncExternalConnection,
  listAccountingExceptions,
  proposeJournalEntryDraft,
  listJournalEntryDrafts,
  getJournalEntryDraft,
  approveJournalEntryDraft,
  rejectJournalEntryDraft,
  mcp,
  createGlConnection,
  listGlConnections,
  getGlConnection,
  updateGlConnection,
  deleteGlConnection,
  listErpAccounts,
  putGlMapping,
  listGlTransfers,
  retryGlTransfer,
  runGlConnection,
  reconcileGlConnection,
  rotateGlSecret,
  startAccountingRun,
  listJobs,
  getJob,
];
