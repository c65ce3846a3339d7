/**
 * A list call answers one page when awaited, and every item across all pages when iterated:
 * `for await (const entry of client.journalEntries.list({ account: '1100' }))`.
 */
export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  totalPages: number;
  totalResults: number;
  /** High-volume lists: pass it as `cursor` for the next page; null on the last. */
  next_cursor?: string | null;
}

/** A list paged by cursor alone (no page numbers or totals): follow `next_cursor` until it is null. */
export interface CursorPage<T> {
  data: T[];
  limit: number;
  next_cursor: string | null;
}

export interface PageParams {
  page?: number;
  limit?: number;
  cursor?: string;
}

export class PageResult<T, P extends Page<T> | CursorPage<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  private first: Promise<P> | undefined;

  constructor(
    private readonly fetchPage: (params: PageParams) => Promise<P>,
    private readonly params: PageParams,
  ) {}

  private firstPage(): Promise<P> {
    this.first ??= this.fetchPage(this.params);
    return this.first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a page list is awaitable on purpose: `await list()` is its first page.
  then<R1 = P, R2 = never>(onFulfilled?: ((value: P) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page = await this.firstPage();
    for (;;) {
      yield* page.data;
      if (page.next_cursor) page = await this.fetchPage({ ...this.params, page: undefined, cursor: page.next_cursor });
      else if (page.next_cursor === undefined && 'totalPages' in page && page.page < page.totalPages) page = await this.fetchPage({ ...this.params, page: page.page + 1 });
      else return;
    }
  }

  /** Every item of every page, in order. */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
