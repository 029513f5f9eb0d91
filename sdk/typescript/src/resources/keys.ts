// API keys: an operator's (admin key's) issuing, listing and revoking of an account's keys on the Admin API, and
// rotating the calling key on the Client API. The Partner API itself has no key endpoints.
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type { ApiKey, CreateKeyParams, RotatedKey } from '../types.js';
import type { ClientApi } from './client-api.js';

const segment = encodeURIComponent;

export class Keys {
  constructor(private readonly transport: Transport, private readonly clientApi: ClientApi) {}

  /** The account's keys (admin key). Secrets are never listed, only prefixes. */
  list(accountId: string, options?: RequestOptions): Paginated<ApiKey> {
    return Paginated.single(async () => {
      const items = await this.transport.request<ApiKey[]>({ method: 'GET', path: `/api/admin/accounts/${segment(accountId)}/keys` }, options);
      return { items, raw: items };
    });
  }

  /** Issues a key (admin key): `{ name, environment: 'production' | 'sandbox', scopes }`; `token` is shown only here. */
  create(accountId: string, params: CreateKeyParams, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.request({ method: 'POST', path: `/api/admin/accounts/${segment(accountId)}/keys`, body: params }, options);
  }

  /** Revokes a key (admin key); it stops working at once. */
  revoke(accountId: string, keyId: string, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.request({ method: 'DELETE', path: `/api/admin/accounts/${segment(accountId)}/keys/${segment(keyId)}` }, options);
  }

  /** Replaces the calling client key (Client API); see ClientApi.rotateApiKey. */
  rotate(options?: RequestOptions): Promise<RotatedKey> {
    return this.clientApi.rotateApiKey(options);
  }
}
