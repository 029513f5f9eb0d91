// How a client's options become the URL, key and retry settings it uses. Environment variables are read only where
// `process` exists (Node), so the same code runs in browsers with explicit options.
import { MeridianConfigurationError } from '../errors.js';

export type Environment = 'production' | 'sandbox';

export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retrying off). */
  maxRetries?: number;
  /** Longest wait before a retry in milliseconds, also the cap on a server's Retry-After (default 30 000). */
  maxRetryDelay?: number;
  /** First backoff in milliseconds, doubled for each further retry (default 500). */
  initialRetryDelay?: number;
}

export interface MeridianOptions extends RetryOptions {
  /** The API key (`mk_live_…` production, `mk_test_…` sandbox). Default: MERIDIAN_API_KEY, else POCKETDNS_API_KEY. */
  apiKey?: string;
  /** Default: `sandbox` for a `mk_test_` key, else `production`. */
  environment?: Environment;
  /** The production API, e.g. `https://dns.example.net`. Default: MERIDIAN_BASE_URL. */
  baseUrl?: string;
  /** The sandbox API. Default: MERIDIAN_SANDBOX_BASE_URL, else baseUrl's host with `api.sandbox.` in front of it. */
  sandboxBaseUrl?: string;
  /** Per-request timeout in milliseconds (default 60 000); each call may pass its own. */
  timeout?: number;
  /** The Simple API's token (a JWT from `meridian token create`). Default: MERIDIAN_SIMPLE_TOKEN. */
  simpleToken?: string;
  /** Where the Simple API answers. Default: MERIDIAN_SIMPLE_BASE_URL, else `{baseUrl}/simple`. */
  simpleBaseUrl?: string;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** The fetch to use (default: the platform's `fetch`). */
  fetch?: typeof fetch;
}

/** Per-call options every method accepts as its last argument. */
export interface RequestOptions {
  /** Timeout for this call in milliseconds. */
  timeout?: number;
  /** Retries for this call. */
  maxRetries?: number;
  /** Send this Idempotency-Key instead of a generated one (POST and PATCH). */
  idempotencyKey?: string;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Abort the call (and its retries). */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
export const DEFAULT_INITIAL_RETRY_DELAY_MS = 500;

export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/** The key a client uses: the option, else MERIDIAN_API_KEY, else POCKETDNS_API_KEY. */
export function resolveApiKey(apiKey: string | undefined): string | undefined {
  return apiKey ?? readEnv('MERIDIAN_API_KEY') ?? readEnv('POCKETDNS_API_KEY');
}

export function resolveEnvironment(environment: string | undefined, apiKey: string | undefined): Environment {
  if (environment === undefined) return apiKey?.startsWith('mk_test_') ? 'sandbox' : 'production';
  if (environment !== 'production' && environment !== 'sandbox') {
    throw new MeridianConfigurationError(`environment must be 'production' or 'sandbox', not '${environment}'`);
  }
  if (environment === 'production' && apiKey?.startsWith('mk_test_')) {
    throw new MeridianConfigurationError(
      "A sandbox key (mk_test_…) cannot be used with environment 'production': use environment 'sandbox' or a mk_live_ key");
  }
  return environment;
}

/** The base URL requests go to for an environment. */
export function resolveBaseUrl(options: Pick<MeridianOptions, 'baseUrl' | 'sandboxBaseUrl'>, environment: Environment): string {
  const production = options.baseUrl ?? readEnv('MERIDIAN_BASE_URL');
  if (environment === 'sandbox') {
    const sandbox = options.sandboxBaseUrl ?? readEnv('MERIDIAN_SANDBOX_BASE_URL');
    if (sandbox) return normaliseBaseUrl(sandbox, 'sandboxBaseUrl');
    if (!production) throw missingBaseUrl();
    return sandboxUrlFor(normaliseBaseUrl(production, 'baseUrl'));
  }
  if (!production) throw missingBaseUrl();
  return normaliseBaseUrl(production, 'baseUrl');
}

/** The server's default sandbox host rule: the production host with `api.sandbox.` in front of it
 *  (`dns.example.net` → `api.sandbox.dns.example.net`), where a host that is already `api.X` becomes `api.sandbox.X`
 *  as in the spec (`api.pocketdns.com` / `api.sandbox.pocketdns.com`). Other sandbox hosts need sandboxBaseUrl. */
export function sandboxUrlFor(productionBaseUrl: string): string {
  const url = new URL(productionBaseUrl);
  const host = url.hostname;
  if (/^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[')) {
    throw new MeridianConfigurationError(
      `baseUrl ${productionBaseUrl} names an IP address, which has no sandbox host name: pass sandboxBaseUrl`);
  }
  url.hostname = host.startsWith('api.sandbox.') ? host
    : host.startsWith('api.') ? `api.sandbox.${host.slice('api.'.length)}` : `api.sandbox.${host}`;
  return url.toString().replace(/\/+$/, '');
}

export function normaliseBaseUrl(value: string, option: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MeridianConfigurationError(`${option} '${value}' is not an absolute URL (e.g. https://dns.example.net)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MeridianConfigurationError(`${option} '${value}' must be http or https`);
  }
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

function missingBaseUrl(): MeridianConfigurationError {
  return new MeridianConfigurationError(
    'Meridian is self-hosted: pass baseUrl (e.g. https://dns.example.net) or set MERIDIAN_BASE_URL');
}
