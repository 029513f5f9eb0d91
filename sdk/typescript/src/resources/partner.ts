// The Partner API (/api/v1): users and their sign-in sessions, domains, DNS records, batches and the change journal.
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type {
  AddDomainParams, BatchParams, BatchResult, ChangeEntry, CreateRecordParams, CreateSessionParams, ListRecordsParams,
  PageParams, Pagination, PartnerDomain, PartnerRecord, UpdateRecordParams, UserSession,
} from '../types.js';

const segment = encodeURIComponent;

/** A Partner list page: `{<items>: [...], pagination: {page, total_pages, …}}`. */
export function partnerPages<T>(transport: Transport, path: string, key: string, query: Record<string, string | number | undefined>,
  options?: RequestOptions): Paginated<T> {
  return new Paginated<T>(async page => {
    const answer = await transport.request<Record<string, unknown>>({ method: 'GET', path, query: { ...query, page } }, options);
    const pagination = answer.pagination as Pagination | undefined;
    return {
      items: (answer[key] as T[] | undefined) ?? [],
      page,
      hasMore: pagination !== undefined && pagination.page < pagination.total_pages,
      raw: answer,
    };
  }, query.page === undefined ? 1 : Number(query.page));
}

export class Users {
  constructor(private readonly transport: Transport) {}

  /** Finds or creates the user and makes a single-use `login_url` into the embedded interface (24 hours). */
  createSession(params: CreateSessionParams, options?: RequestOptions): Promise<UserSession> {
    return this.transport.request({ method: 'POST', path: '/api/v1/users', body: params }, options);
  }

  /** The user's domains, every page. */
  listDomains(userIdentifier: string, params: Pick<PageParams, 'per_page'> = {}, options?: RequestOptions): Paginated<PartnerDomain> {
    return partnerPages(this.transport, `/api/v1/users/${segment(userIdentifier)}/domains`, 'domains', { per_page: params.per_page }, options);
  }

  /** Adds a domain for the user; 409 (ConflictError) when another account hosts the name. */
  addDomain(userIdentifier: string, params: AddDomainParams, options?: RequestOptions): Promise<PartnerDomain> {
    return this.transport.request({ method: 'POST', path: `/api/v1/users/${segment(userIdentifier)}/domains`, body: params }, options);
  }
}

export class Domains {
  constructor(private readonly transport: Transport) {}

  get(domainId: string, options?: RequestOptions): Promise<PartnerDomain> {
    return this.transport.request({ method: 'GET', path: `/api/v1/domains/${segment(domainId)}` }, options);
  }

  /** Deletes the domain and all its records. */
  async delete(domainId: string, options?: RequestOptions): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: `/api/v1/domains/${segment(domainId)}` }, options);
  }

  /** The domain's change journal, newest first. */
  listChanges(domainId: string, params: Pick<PageParams, 'per_page'> = {}, options?: RequestOptions): Paginated<ChangeEntry> {
    return partnerPages(this.transport, `/api/v1/domains/${segment(domainId)}/changes`, 'changes', { per_page: params.per_page }, options);
  }
}

export class Records {
  constructor(private readonly transport: Transport) {}

  /** Creates a record: `{ domain_id, type, name, value, ttl, priority, weight, port, target }`. */
  create(params: CreateRecordParams, options?: RequestOptions): Promise<PartnerRecord> {
    return this.transport.request({ method: 'POST', path: '/api/v1/dns_records', body: params }, options);
  }

  get(recordId: string, options?: RequestOptions): Promise<PartnerRecord> {
    return this.transport.request({ method: 'GET', path: `/api/v1/dns_records/${segment(recordId)}` }, options);
  }

  /** Changes the fields given; the others keep their values. */
  update(recordId: string, params: UpdateRecordParams, options?: RequestOptions): Promise<PartnerRecord> {
    return this.transport.request({ method: 'PATCH', path: `/api/v1/dns_records/${segment(recordId)}`, body: params }, options);
  }

  async delete(recordId: string, options?: RequestOptions): Promise<void> {
    await this.transport.request({ method: 'DELETE', path: `/api/v1/dns_records/${segment(recordId)}` }, options);
  }

  /** The domain's records, every page; `type` and `name` filter. */
  list(domainId: string, params: ListRecordsParams = {}, options?: RequestOptions): Paginated<PartnerRecord> {
    return partnerPages(this.transport, `/api/v1/domains/${segment(domainId)}/dns_records`, 'dns_records',
      { type: params.type, name: params.name, per_page: params.per_page, page: params.page }, options);
  }

  /** Deletes, then patches, then creates, all or nothing, under one new serial (at most 1000 operations). */
  batch(domainId: string, params: BatchParams, options?: RequestOptions): Promise<BatchResult> {
    return this.transport.request({ method: 'POST', path: `/api/v1/domains/${segment(domainId)}/dns_records/batch`, body: params }, options);
  }
}
