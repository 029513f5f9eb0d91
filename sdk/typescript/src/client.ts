// The client: options resolved once (key, environment, server), one transport, and the resource groups on it.
import {
  DEFAULT_TIMEOUT_MS, Environment, MeridianOptions, normaliseBaseUrl, readEnv, resolveApiKey, resolveBaseUrl,
  resolveEnvironment, RetryOptions,
} from './core/config.js';
import { Transport } from './core/transport.js';
import { MeridianConfigurationError } from './errors.js';
import { ClientApi } from './resources/client-api.js';
import { EmailDns } from './resources/email-dns.js';
import { Keys } from './resources/keys.js';
import { Domains, Records, Users } from './resources/partner.js';
import { SimpleApi } from './resources/simple.js';

export class Meridian {
  /** The environment requests go to. */
  readonly environment: Environment;
  /** Where requests go (the sandbox URL when environment is sandbox). */
  readonly baseUrl: string;
  /** Partner API: users and sign-in sessions, a user's domains. */
  readonly users: Users;
  /** Partner API: domains and their change journal. */
  readonly domains: Domains;
  /** Partner API: DNS records and batches. */
  readonly records: Records;
  /** Partner API: the partner's own API keys (list, issue, revoke). */
  readonly keys: Keys;
  /** Client API: a customer's own domains and records, import/export, key rotation. */
  readonly client: ClientApi;
  /** Email DNS API: dns.provider, dns.authorize, dns.set. */
  readonly emailDns: EmailDns;

  // # fields, so that logging or inspecting a client never shows its key or token.
  readonly #makeSimple: () => SimpleApi;
  #simple: SimpleApi | undefined;

  constructor(options: MeridianOptions = {}) {
    const apiKey = resolveApiKey(options.apiKey);
    const simpleToken = options.simpleToken ?? readEnv('MERIDIAN_SIMPLE_TOKEN');
    if (!apiKey && !simpleToken) {
      throw new MeridianConfigurationError('No API key: pass apiKey or set MERIDIAN_API_KEY (or POCKETDNS_API_KEY)');
    }
    this.environment = resolveEnvironment(options.environment, apiKey);
    this.baseUrl = resolveBaseUrl(options, this.environment);
    const transport = new Transport({ ...retrySettings(options), baseUrl: this.baseUrl, token: apiKey });
    this.users = new Users(transport);
    this.domains = new Domains(transport);
    this.records = new Records(transport);
    this.client = new ClientApi(transport);
    this.keys = new Keys(transport);
    this.emailDns = new EmailDns(transport);
    this.#makeSimple = () => {
      if (!simpleToken) {
        throw new MeridianConfigurationError('The Simple API takes a JWT: pass simpleToken or set MERIDIAN_SIMPLE_TOKEN');
      }
      return new SimpleClient({ ...retryOptionsOf(options), token: simpleToken, baseUrl: simpleUrl(options.simpleBaseUrl, options.baseUrl) });
    };
  }

  /** Simple API, authenticated with the `simpleToken` JWT (`meridian token create --user NAME`). */
  get simple(): SimpleApi {
    this.#simple ??= this.#makeSimple();
    return this.#simple;
  }
}

/** The spec's name for the client: code written from its examples runs after changing only the import line. */
export const PocketDNS = Meridian;
export type PocketDNS = Meridian;

export interface SimpleClientOptions extends RetryOptions, Pick<MeridianOptions, 'timeout' | 'defaultHeaders' | 'fetch'> {
  /** The JWT (`meridian token create --user NAME`). Default: MERIDIAN_SIMPLE_TOKEN. */
  token?: string;
  /** Where the Simple API answers, e.g. `https://dns.example.net/simple`. Default: MERIDIAN_SIMPLE_BASE_URL, else
   *  MERIDIAN_BASE_URL + `/simple`. */
  baseUrl?: string;
}

/** A client for the Simple API alone, constructed from a JWT. */
export class SimpleClient extends SimpleApi {
  constructor(options: SimpleClientOptions = {}) {
    const token = options.token ?? readEnv('MERIDIAN_SIMPLE_TOKEN');
    if (!token) throw new MeridianConfigurationError('The Simple API takes a JWT: pass token or set MERIDIAN_SIMPLE_TOKEN');
    super(new Transport({ ...retrySettings(options), baseUrl: simpleUrl(options.baseUrl, undefined), token }));
  }
}

/** The Simple API's URL: the explicit one, else MERIDIAN_SIMPLE_BASE_URL, else the production API's + `/simple`. */
function simpleUrl(explicit: string | undefined, production: string | undefined): string {
  const url = explicit ?? readEnv('MERIDIAN_SIMPLE_BASE_URL');
  if (url) return normaliseBaseUrl(url, 'simpleBaseUrl');
  const api = production ?? readEnv('MERIDIAN_BASE_URL');
  if (!api) throw new MeridianConfigurationError("No Simple API URL: pass its baseUrl or set MERIDIAN_SIMPLE_BASE_URL");
  return `${normaliseBaseUrl(api, 'baseUrl')}/simple`;
}

/** The options a Simple API client shares with its Meridian client. */
function retryOptionsOf(options: MeridianOptions): Omit<SimpleClientOptions, 'token' | 'baseUrl'> {
  const { timeout, maxRetries, maxRetryDelay, initialRetryDelay, defaultHeaders, fetch } = options;
  return { timeout, maxRetries, maxRetryDelay, initialRetryDelay, defaultHeaders, fetch };
}

function retrySettings(options: RetryOptions & Pick<MeridianOptions, 'timeout' | 'defaultHeaders' | 'fetch'>) {
  return {
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries,
    maxRetryDelay: options.maxRetryDelay,
    initialRetryDelay: options.initialRetryDelay,
    defaultHeaders: options.defaultHeaders,
    fetch: options.fetch,
  };
}
