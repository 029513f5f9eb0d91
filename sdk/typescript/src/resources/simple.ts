// The Simple API (a drop-in for dns-api): A and CNAME records under the domains a token's user may manage,
// authenticated with a JWT instead of an API key. Answers are `{data, meta}`; the methods return `data`.
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type { SimpleRecord, SimpleRecordParams, SimpleResource } from '../types.js';

const segment = encodeURIComponent;

export type SimpleRecordType = 'A' | 'CNAME' | 'a' | 'cname';

interface Envelope<T> { data: T; meta: { status: number; pagination?: { number: number; size: number } } }

export class SimpleRecords {
  constructor(private readonly transport: Transport) {}

  /** The user's records, newest first, every page (`size` 10–100 per request, default 30). */
  list(params: { size?: number } = {}, options?: RequestOptions): Paginated<SimpleRecord> {
    return new Paginated(async page => {
      const answer = await this.transport.request<Envelope<SimpleRecord[]>>(
        { method: 'GET', path: '/records', query: { 'page[number]': page, 'page[size]': params.size } }, options);
      const size = answer.meta.pagination?.size ?? params.size ?? 30;
      return { items: answer.data, page, hasMore: answer.data.length >= size, raw: answer };
    });
  }

  async get(id: number | string, options?: RequestOptions): Promise<SimpleRecord> {
    return (await this.transport.request<Envelope<SimpleRecord>>({ method: 'GET', path: `/records/${segment(String(id))}` }, options)).data;
  }

  /** Creates a record; ConflictError when that type/domain/subdomain already has one (see upsert). */
  async create(params: SimpleRecordParams, options?: RequestOptions): Promise<SimpleRecord> {
    return (await this.transport.request<Envelope<SimpleRecord>>({ method: 'POST', path: '/records', body: params }, options)).data;
  }

  /** Points the record somewhere else. */
  async update(id: number | string, params: { to: string }, options?: RequestOptions): Promise<SimpleRecord> {
    return (await this.transport.request<Envelope<SimpleRecord>>(
      { method: 'PATCH', path: `/records/${segment(String(id))}`, body: params }, options)).data;
  }

  async delete(id: number | string, options?: RequestOptions): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: `/records/${segment(String(id))}` }, options);
  }
}

export class SimpleApi {
  readonly records: SimpleRecords;

  constructor(private readonly transport: Transport) {
    this.records = new SimpleRecords(transport);
  }

  /** The user the token names. */
  async whoami(options?: RequestOptions): Promise<SimpleResource> {
    return (await this.transport.request<Envelope<SimpleResource>>({ method: 'GET', path: '/whoami' }, options)).data;
  }

  /** The domains the user may manage (`type: 'domain'`), then the blacklisted subdomains (`'blacklisted_subdomain'`). */
  domains(options?: RequestOptions): Paginated<SimpleResource> {
    return Paginated.single(async () => {
      const answer = await this.transport.request<Envelope<SimpleResource[]>>({ method: 'GET', path: '/domains' }, options);
      return { items: answer.data, raw: answer };
    });
  }

  /** Creates the record of that type/domain/subdomain, or points the existing one (same id) at `to`. */
  async upsert(type: SimpleRecordType, domain: string, subdomain: string, to: string, options?: RequestOptions): Promise<SimpleRecord> {
    const path = `/records/${segment(type)}/${segment(domain)}/${segment(subdomain)}/${segment(to)}`;
    return (await this.transport.request<Envelope<SimpleRecord>>({ method: 'POST', path }, options)).data;
  }

  /** Deletes the record of that type/domain/subdomain. */
  async remove(type: SimpleRecordType, domain: string, subdomain: string, options?: RequestOptions): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: `/records/${segment(type)}/${segment(domain)}/${segment(subdomain)}` }, options);
  }
}
