// The Email DNS API (/api/v1/dns.*): find a domain's DNS host, keep the user's credentials for it and publish the
// SPF, DKIM and DMARC records mail needs. Parameters keep the spec's names (Domain, Provider, ApiKey, RecordType, …).
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type { EmailDnsDkim, EmailDnsHistoryEntry, EmailDnsParams, EmailDnsSuccess } from '../types.js';

/** dns.authorize: the domain, its provider and that provider's credentials (ApiKey; ApiSecret for GoDaddy;
 *  ApiUser and Username for Namecheap). */
export type AuthorizeParams = Omit<EmailDnsParams, 'Command' | 'RecordType' | 'SessionID'>;

/** dns.set: the domain, its provider and which record set to write (RecordType: `campaign`, `email-gateway` or
 *  another the server configures); the credentials may be left out when dns.authorize kept them. */
export type SetParams = Pick<EmailDnsParams, 'Domain' | 'Provider'> & { RecordType: string }
  & Partial<Omit<EmailDnsParams, 'Command' | 'Domain' | 'Provider' | 'RecordType' | 'SessionID'>>;

export class EmailDns {
  constructor(private readonly transport: Transport) {}

  /** Who hosts the domain's DNS, e.g. `cloudflare` (from its nameservers). */
  async provider(domain: string, options?: RequestOptions): Promise<string> {
    const answer = await this.transport.request<{ provider: string }>(
      { method: 'GET', path: '/api/v1/dns.provider', query: { Domain: domain } }, options);
    return answer.provider;
  }

  /** Checks the credentials with the provider and keeps them (encrypted) for dns.set. */
  authorize(params: AuthorizeParams, options?: RequestOptions): Promise<EmailDnsSuccess> {
    return this.transport.request({ method: 'POST', path: '/api/v1/dns.authorize', body: { Command: 'dns.authorize', ...params } }, options);
  }

  /** Writes the record set of `RecordType` at the domain's provider; `warnings` lists what needs a look. */
  set(params: SetParams, options?: RequestOptions): Promise<EmailDnsSuccess> {
    return this.transport.request({ method: 'POST', path: '/api/v1/dns.set', body: { Command: 'dns.set', ...params } }, options);
  }

  /** The domain's DKIM keys, with their private keys. */
  dkim(domain: string, options?: RequestOptions): Promise<EmailDnsDkim> {
    return this.transport.request({ method: 'GET', path: '/api/v1/dns.dkim', query: { Domain: domain } }, options);
  }

  /** Every dns.set for the domain, newest first. */
  history(domain: string, options?: RequestOptions): Paginated<EmailDnsHistoryEntry> {
    return Paginated.single(async () => {
      const answer = await this.transport.request<{ history: EmailDnsHistoryEntry[] }>(
        { method: 'GET', path: '/api/v1/dns.history', query: { Domain: domain } }, options);
      return { items: answer.history, raw: answer };
    });
  }
}
