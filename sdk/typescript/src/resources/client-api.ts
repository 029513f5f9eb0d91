// The Client API (/api/client): a customer's own domains and records (with GeoDNS country_codes), BIND import and
// export, the change journal and rotating the key itself.
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type {
  ChangeEntry, ClientDomain, ClientImportResult, ClientMessage, ClientRecord, ClientRecordParams, PageParams, RotatedKey,
} from '../types.js';
import { partnerPages } from './partner.js';

const segment = encodeURIComponent;

export class ClientDomains {
  constructor(private readonly transport: Transport) {}

  /** Every domain of the account (the server answers them in one list). */
  list(options?: RequestOptions): Paginated<ClientDomain> {
    return Paginated.single(async () => {
      const items = await this.transport.request<ClientDomain[]>({ method: 'GET', path: '/api/client/domains' }, options);
      return { items, raw: items };
    });
  }

  create(params: { name: string }, options?: RequestOptions): Promise<ClientDomain> {
    return this.transport.request({ method: 'POST', path: '/api/client/domains', body: params }, options);
  }

  delete(domainId: string, options?: RequestOptions): Promise<ClientMessage> {
    return this.transport.request({ method: 'DELETE', path: `/api/client/domains/${segment(domainId)}` }, options);
  }

  /** The domain's change journal, newest first, every page. `domain` is its id or its name. */
  listChanges(domain: string, params: Pick<PageParams, 'per_page'> = {}, options?: RequestOptions): Paginated<ChangeEntry> {
    return partnerPages(this.transport, `/api/client/domains/${segment(domain)}/changes`, 'changes', { per_page: params.per_page }, options);
  }

  /** The domain as a BIND zone file (country codes kept in `; meridian:` comments). */
  exportBind(domainId: string, options?: RequestOptions): Promise<string> {
    return this.transport.request({ method: 'GET', path: `/api/client/domains/${segment(domainId)}/export/bind`, responseType: 'text' }, options);
  }

  /** Imports a BIND zone file: the domain is created from its $ORIGIN/SOA. `partial_success` and `errors` report
   *  records that could not be created (HTTP 206). */
  importBind(zoneFile: string, options?: RequestOptions): Promise<ClientImportResult> {
    return this.transport.request({ method: 'POST', path: '/api/client/import/bind', body: zoneFile }, options);
  }
}

export class ClientRecords {
  constructor(private readonly transport: Transport) {}

  /** The domain's records (the server answers them in one list). */
  list(domainId: string, options?: RequestOptions): Paginated<ClientRecord> {
    return Paginated.single(async () => {
      const items = await this.transport.request<ClientRecord[]>(
        { method: 'GET', path: `/api/client/domains/${segment(domainId)}/records` }, options);
      return { items, raw: items };
    });
  }

  /** Creates a record: `{ domain_id, name, type, value, ttl, priority, country_codes }`. */
  create(params: ClientRecordParams, options?: RequestOptions): Promise<ClientRecord> {
    return this.transport.request({ method: 'POST', path: '/api/client/records', body: params }, options);
  }

  /** Changes the fields given (PUT; the others keep their values). */
  update(recordId: string, params: ClientRecordParams, options?: RequestOptions): Promise<ClientRecord> {
    return this.transport.request({ method: 'PUT', path: `/api/client/records/${segment(recordId)}`, body: params }, options);
  }

  delete(recordId: string, options?: RequestOptions): Promise<ClientMessage> {
    return this.transport.request({ method: 'DELETE', path: `/api/client/records/${segment(recordId)}` }, options);
  }
}

/** The Client API's resource groups. */
export class ClientApi {
  readonly domains: ClientDomains;
  readonly records: ClientRecords;

  constructor(private readonly transport: Transport) {
    this.domains = new ClientDomains(transport);
    this.records = new ClientRecords(transport);
  }

  /** Replaces the calling key: the old one stops working at once; `api_token` is the new one, shown only here.
   *  The client keeps using the old key: make a new client with the new one. */
  rotateApiKey(options?: RequestOptions): Promise<RotatedKey> {
    return this.transport.request({ method: 'POST', path: '/api/client/rotate-api-key' }, options);
  }
}
