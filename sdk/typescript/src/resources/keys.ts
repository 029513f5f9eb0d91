// The partner's own API keys (Partner API /api/v1/keys, with a key holding the `keys` scope): list, issue and revoke
// the keys of the calling key's environment. Rotation is issue a new key, move to it, revoke the old one.
import type { RequestOptions } from '../core/config.js';
import { Paginated } from '../core/pagination.js';
import type { Transport } from '../core/transport.js';
import type { ApiKey, CreateKeyParams } from '../types.js';

const segment = encodeURIComponent;

export class Keys {
  constructor(private readonly transport: Transport) {}

  /** The keys of the caller's environment, oldest first, revoked ones included; never their secrets. */
  list(options?: RequestOptions): Paginated<ApiKey> {
    return Paginated.single(async () => {
      const answer = await this.transport.request<{ keys: ApiKey[] }>({ method: 'GET', path: '/api/v1/keys' }, options);
      return { items: answer.keys, raw: answer };
    });
  }

  /** Issues a key in the caller's environment: `{ name, scopes }` (scopes default to the caller's own; one the caller
   *  lacks is PermissionDeniedError). `token` is in this answer only. */
  create(params: CreateKeyParams, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.request({ method: 'POST', path: '/api/v1/keys', body: params }, options);
  }

  /** Revokes a key by its id; requests with it fail at once. */
  revoke(keyId: string, options?: RequestOptions): Promise<ApiKey> {
    return this.transport.request({ method: 'DELETE', path: `/api/v1/keys/${segment(keyId)}` }, options);
  }
}
