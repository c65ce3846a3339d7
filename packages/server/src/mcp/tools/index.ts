/** The tools a key may be offered (filtered by its permissions and offeredTo), in a fixed order. Nothing deletes or reverses. */
import type { AnyLinksTool } from '../tool.js';
import describeDataSource from './describeDataSource.js';
import getAccountBalance from './getAccountBalance.js';
import getBalanceSheet from './getBalanceSheet.js';
import getCustomerBalance from './getCustomerBalance.js';
import getIncomeStatement from './getIncomeStatement.js';
import getJournalEntry from './getJournalEntry.js';
import getRecord from './getRecord.js';
import getTrialBalance from './getTrialBalance.js';
import listAccountingExceptions from './listAccountingExceptions.js';
import listAccounts from './listAccounts.js';
import listGlConnections from './listGlConnections.js';
import listGlTransfers from './listGlTransfers.js';
import listDataSources from './listDataSources.js';
import listJournalEntries from './listJournalEntries.js';
import listRecords from './listRecords.js';
import postJournalEntry from './postJournalEntry.js';
import proposeJournalEntry from './proposeJournalEntry.js';
import queryDataSource from './queryDataSource.js';
import whoami from './whoami.js';

export const coreTools: AnyLinksTool[] = [
  whoami,
  listAccounts,
  getAccountBalance,
  getTrialBalance,
  getBalanceSheet,
  getIncomeStatement,
  listJournalEntries,
  getJournalEntry,
  listRecords,
  getRecord,
  getCustomerBalance,
  listAccountingExceptions,
  listGlConnections,
  listGlTransfers,
  listDataSources,
  describeDataSource,
  queryDataSource,
  proposeJournalEntry,
  postJournalEntry,
];
