// meridian-dns: the Meridian DNS platform's client for TypeScript and JavaScript.
export { Meridian, PocketDNS, SimpleClient } from './client.js';
export type { SimpleClientOptions } from './client.js';
export type { Environment, MeridianOptions, RequestOptions, RetryOptions } from './core/config.js';
export { Paginated } from './core/pagination.js';
export type { Page } from './core/pagination.js';
export {
  AuthenticationError, BadRequestError, ConflictError, InternalServerError, MeridianApiError, MeridianConfigurationError,
  MeridianConnectionError, MeridianError, MeridianTimeoutError, NotFoundError, PermissionDeniedError, RateLimitError,
  UnprocessableEntityError,
} from './errors.js';
export type { ErrorDetail } from './errors.js';
export type { ClientApi, ClientDomains, ClientRecords } from './resources/client-api.js';
export type { AuthorizeParams, EmailDns, SetParams } from './resources/email-dns.js';
export type { Keys } from './resources/keys.js';
export type { Domains, Records, Users } from './resources/partner.js';
export type { SimpleApi, SimpleRecords, SimpleRecordType } from './resources/simple.js';
export type * from './types.js';
