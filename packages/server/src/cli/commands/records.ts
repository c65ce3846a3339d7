/**
 * `links records`: the seven unified models (customers, contacts, invoices, payments, contracts,
 * products, opportunities) through the SDK's Links-compatible groups. `upsert` writes records from
 * JSON: a record with the same `source_system` and `source_id` is updated, else created, and the
 * accounting rules post what an invoice or payment means.
 */
import { Argument, type Command } from 'commander';
import type { LinksResponse, LinksSDK, UnifiedModel } from '@links/sdk';
import { count, leaf, readJson } from '../commandKit.js';
import { describeDataError, withData, type DataOptions } from '../connection.js';
import { CliError, emit, emitList, renderRecord, renderTable, type Cell, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

const MODELS = ['customer', 'contact', 'invoice', 'payment', 'contract', 'product', 'opportunity'] as const satisfies readonly UnifiedModel[];
const GROUPS = {
  customer: 'unifiedCustomersApi',
  contact: 'unifiedContactsApi',
  invoice: 'unifiedInvoicesApi',
  payment: 'unifiedPaymentsApi',
  contract: 'unifiedContractsApi',
  product: 'unifiedProductsApi',
  opportunity: 'unifiedOpportunitiesApi',
} as const satisfies Record<UnifiedModel, keyof LinksSDK>;

/** The fields every model's record has, and what the human views show. */
interface UnifiedRecord {
  id: string;
  version: number;
  source_system?: string | null;
  source_id?: string | null;
  updated_at: string;
  accounting?: { status: string; entries: string[]; error: { code: string; message: string } | null };
  [field: string]: unknown;
}
interface RecordList {
  data: UnifiedRecord[];
  page: number;
  totalPages: number;
}

/** One model's create, list and get, whatever the published SDK names them. */
interface ModelApi {
  create(body: unknown): Promise<LinksResponse<{ data: UnifiedRecord }>>;
  list(page: number, limit: number): Promise<LinksResponse<RecordList>>;
  get(id: string): Promise<LinksResponse<{ data: UnifiedRecord }>>;
}

function modelApi(sdk: LinksSDK, model: UnifiedModel): ModelApi {
  const name = model[0]!.toUpperCase() + model.slice(1);
  const group = sdk[GROUPS[model]] as unknown as Record<string, (...args: unknown[]) => Promise<never>>;
  return {
    create: (body) => group[`createUnified${name}`]!(body),
    list: (page, limit) => group[`getPaginatedUnified${name}Lists`]!(page, limit),
    get: (id) => group[`getUnified${name}ById`]!(id),
  };
}

/** What a record is, in a few words: its name, or its amount. */
function summary(record: UnifiedRecord): string {
  const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string) : undefined);
  const amount = text('amount_due') ?? text('amount') ?? text('price');
  const currency = text('currency');
  const name = text('name') ?? text('deal_name') ?? text('contract_number') ?? ([text('first_name'), text('last_name')].filter(Boolean).join(' ') || text('email'));
  return [name, amount && `${amount}${currency ? ` ${currency}` : ''}`, text('status')].filter(Boolean).join(', ');
}

function accounting(record: UnifiedRecord): string {
  if (!record.accounting) return '';
  const { status, error } = record.accounting;
  return error ? `${status}: ${error.code}` : status;
}

const ROW_HEAD = ['id', 'source', 'version', 'summary', 'accounting'];
const row = (record: UnifiedRecord): Cell[] => [record.id, record.source_id ? `${record.source_system ?? ''}/${record.source_id}` : '', record.version, summary(record), accounting(record)];

function renderOne(record: UnifiedRecord): string {
  const pairs: Array<[string, Cell]> = Object.entries(record)
    .filter(([field, value]) => field !== 'accounting' && value !== null && typeof value !== 'object')
    .map(([field, value]) => [field, value as Cell]);
  if (record.accounting) {
    pairs.push(['accounting', accounting(record)]);
    if (record.accounting.entries.length > 0) pairs.push(['entries', record.accounting.entries.join(', ')]);
  }
  return renderRecord(pairs);
}

const modelArgument = () => new Argument('<model>', MODELS.join(', ')).choices(MODELS);

export function registerRecords(program: Command): void {
  const records = program.command('records').description('unified records: customers, contacts, invoices, payments, contracts, products, opportunities');
  leaf(records, 'list', "list one model's records, newest first")
    .addArgument(modelArgument())
    .option('--limit <n>', 'at most this many (default 20)', count)
    .action(async (model: UnifiedModel, options: Options & { limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const api = modelApi(sdk, model);
        const limit = options.limit ?? 20;
        const items: UnifiedRecord[] = [];
        for (let page = 1; items.length < limit; page++) {
          const { data } = await api.list(page, Math.min(limit, 100));
          items.push(...data.data);
          if (data.page >= data.totalPages) break;
        }
        emitList(options, items.slice(0, limit), `${model} records`, ROW_HEAD, row);
      }),
    );
  leaf(records, 'get', 'show one record')
    .addArgument(modelArgument())
    .argument('<id>', 'the record id')
    .action(async (model: UnifiedModel, id: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const { data } = await modelApi(sdk, model).get(id);
        emit(options, data.data, () => renderOne(data.data));
      }),
    );
  leaf(records, 'upsert', 'write records from JSON: updated when source_system and source_id match one, created otherwise')
    .addArgument(modelArgument())
    .requiredOption('--file <path>', 'one record, or an array of records, as JSON (- for stdin)')
    .action(async (model: UnifiedModel, options: Options & { file: string }) => {
      const body = readJson(options.file, `one ${model} record as {...} or an array of them`);
      const many = Array.isArray(body);
      const inputs = many ? body : [body];
      if (inputs.length === 0 || inputs.some((input) => input === null || typeof input !== 'object' || Array.isArray(input))) {
        throw new CliError(`${options.file}: write one ${model} record as {...} or a non-empty array of them`);
      }
      await withData(options, async (connection) => {
        const api = modelApi(connection.sdk, model);
        const written: Array<{ result: 'created' | 'updated'; record: UnifiedRecord }> = [];
        // One after another: a failure stops there and the records before it stay written; running the
        // file again updates them by source_system and source_id, never duplicates them.
        for (const [index, input] of inputs.entries()) {
          try {
            const response = await api.create(input);
            written.push({ result: response.status === 201 ? 'created' : 'updated', record: response.data.data });
          } catch (error) {
            if (!many) throw error;
            throw new CliError(`record ${index + 1} of ${inputs.length}: ${describeDataError(error, connection).message} (the ${index} before it were written)`);
          }
        }
        const records = written.map((w) => w.record);
        emit(options, many ? records : records[0], () => renderTable(['result', ...ROW_HEAD], written.map((w) => [w.result, ...row(w.record)])));
      });
    });
}
