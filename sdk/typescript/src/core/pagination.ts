// Auto-pagination: every list method returns a Paginated, which `for await` walks item by item, fetching the next
// page only when the previous one is used up.

/** One page as a list endpoint answered it. */
export interface Page<T> {
  items: T[];
  /** The page's number (from 1). */
  page: number;
  /** Whether another page follows. */
  hasMore: boolean;
  /** The whole answer, e.g. to read `pagination.total`. */
  raw: unknown;
}

export type PageFetcher<T> = (page: number) => Promise<Page<T>>;

export class Paginated<T> implements AsyncIterable<T> {
  private readonly fetchPage: PageFetcher<T>;
  private readonly firstPage: number;

  constructor(fetchPage: PageFetcher<T>, firstPage = 1) {
    this.fetchPage = fetchPage;
    this.firstPage = firstPage;
  }

  /** A list the server answers in one piece (no paging parameters). */
  static single<T>(fetchAll: () => Promise<{ items: T[]; raw: unknown }>): Paginated<T> {
    return new Paginated(async page => ({ ...(await fetchAll()), page, hasMore: false }));
  }

  /** The pages, one request each. */
  async *pages(): AsyncGenerator<Page<T>> {
    for (let number = this.firstPage; ; number++) {
      const page = await this.fetchPage(number);
      yield page;
      if (!page.hasMore || page.items.length === 0) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Every item of every page. */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  /** Only the first page (one request). */
  async first(): Promise<Page<T>> {
    return this.fetchPage(this.firstPage);
  }
}
