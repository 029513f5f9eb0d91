// Friendly names for the schemas of the served OpenAPI documents (src/generated, regenerated from a live server).
import type { components as PartnerComponents, operations as PartnerOperations } from './generated/partner-api.js';
import type { components as ClientComponents } from './generated/client-api.js';
import type { components as EmailDnsComponents } from './generated/email-dns-api.js';
import type { components as SimpleComponents } from './generated/simple-api.js';

export type { paths as PartnerApiPaths } from './generated/partner-api.js';
export type { paths as ClientApiPaths } from './generated/client-api.js';
export type { paths as EmailDnsApiPaths } from './generated/email-dns-api.js';
export type { paths as SimpleApiPaths } from './generated/simple-api.js';

type PartnerSchemas = PartnerComponents['schemas'];
type ClientSchemas = ClientComponents['schemas'];
type EmailDnsSchemas = EmailDnsComponents['schemas'];
type SimpleSchemas = SimpleComponents['schemas'];

// Partner API
export type CreateSessionParams = PartnerSchemas['CreateUserRequest'];
export type UserSession = PartnerSchemas['UserSessionResponse'];
export type AddDomainParams = PartnerSchemas['CreateDomainRequest'];
export type PartnerDomain = PartnerSchemas['PartnerDomain'];
export type PartnerRecord = PartnerSchemas['PartnerRecord'];
export type CreateRecordParams = PartnerSchemas['CreateRecordRequest'];
export type UpdateRecordParams = PartnerSchemas['UpdateRecordRequest'];
export type BatchParams = PartnerSchemas['BatchRequest'];
export type BatchResult = PartnerSchemas['BatchResponse'];
export type ChangeEntry = PartnerSchemas['JournalEntry'];
export type Pagination = PartnerSchemas['PaginationInfo'];
export type PartnerErrorBody = PartnerSchemas['PartnerErrorBody'];
export type ApiKey = PartnerSchemas['PartnerKey'];
export type CreateKeyParams = PartnerSchemas['CreatePartnerKeyRequest'];
export type ListRecordsParams = Pick<NonNullable<PartnerOperations['PartnerListRecords']['parameters']['query']>, 'type' | 'name' | 'per_page' | 'page'>;
export interface PageParams { page?: number; per_page?: number }

// Client API
export type ClientDomain = ClientSchemas['DomainResponse'];
export type ClientRecord = ClientSchemas['RecordResponse'];
export type ClientRecordParams = ClientSchemas['RecordRequest'];
export type ClientImportResult = ClientSchemas['ImportResponse'];
export type ClientMessage = ClientSchemas['MessageResponse'];
export type RotatedKey = ClientSchemas['RotateKeyResponse'];
export type ClientErrorBody = ClientSchemas['ErrorBody'];

// Email DNS API
export type EmailDnsParams = EmailDnsSchemas['EmailDnsCommandBody'];
export type EmailDnsProvider = EmailDnsSchemas['ProviderResponse'];
export type EmailDnsSuccess = EmailDnsSchemas['SuccessResponse'];
export type EmailDnsDkim = EmailDnsSchemas['DkimResponse'];
export type EmailDnsHistoryEntry = EmailDnsSchemas['HistoryEntryJson'];
export type EmailDnsErrorBody = EmailDnsSchemas['EmailDnsErrorBody'];

// Simple API
export type SimpleRecord = SimpleSchemas['SimpleRecordData'];
export type SimpleRecordParams = SimpleSchemas['SimpleRecordBody'];
export type SimpleResource = SimpleSchemas['SimpleResource'];
export type SimpleErrorBody = SimpleSchemas['SimpleErrorBody'];

