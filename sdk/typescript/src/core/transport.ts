// One HTTP exchange with retries: the only place that calls fetch. Retries connection failures, timeouts, 408, 409,
// 429 and 5xx with exponential backoff and jitter (or the server's Retry-After, capped); a POST or PATCH carries an
// Idempotency-Key made before the first attempt, so every attempt sends the same key and the server applies it once.
import {
  apiErrorFor, MeridianConnectionError, MeridianError, MeridianTimeoutError, parseRetryAfterSeconds,
} from '../errors.js';
import {
  DEFAULT_INITIAL_RETRY_DELAY_MS, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_TIMEOUT_MS, RequestOptions,
} from './config.js';

export type QueryValue = string | number | boolean | undefined | null;

export interface TransportSettings {
  baseUrl: string;
  /** The Authorization header's credential (an API key or a Simple API token); none for anonymous calls. */
  token?: string;
  timeout?: number;
  maxRetries?: number;
  maxRetryDelay?: number;
  initialRetryDelay?: number;
  defaultHeaders?: Record<string, string>;
  fetch?: typeof fetch;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  /** A JSON body, or a string sent as text/plain. */
  body?: unknown;
  /** How to read a successful answer (default json; an empty body is undefined either way). */
  responseType?: 'json' | 'text';
}

export interface HttpResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

export class Transport {
  readonly baseUrl: string;
  // A # field, so that logging or inspecting a client never shows its key.
  readonly #settings: TransportSettings;

  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.baseUrl = settings.baseUrl;
  }

  async request<T>(request: HttpRequest, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>(request, options)).data;
  }

  async send<T>(request: HttpRequest, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const url = this.urlFor(request.path, request.query);
    const maxRetries = Math.max(0, options.maxRetries ?? this.#settings.maxRetries ?? DEFAULT_MAX_RETRIES);
    const headers = await this.headersFor(request, options, maxRetries);
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);

    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < maxRetries;
      let response: Response;
      try {
        response = await this.fetchOnce(url, request.method, headers, body, options);
      } catch (error) {
        if (options.signal?.aborted || !(error instanceof MeridianConnectionError) || !canRetry) throw error;
        await sleep(this.backoff(attempt), options.signal);
        continue;
      }

      if (response.ok) {
        return { data: (await readBody(response, request.responseType ?? 'json')) as T, status: response.status, headers: response.headers };
      }
      if (canRetry && (RETRYABLE_STATUSES.has(response.status) || response.status >= 500)) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(this.retryDelay(attempt, response.headers), options.signal);
        continue;
      }
      throw apiErrorFor(response.status, await readErrorBody(response), response.headers, request.method, url);
    }
  }

  urlFor(path: string, query?: Record<string, QueryValue>): string {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** Wait before retry number attempt+1: the server's Retry-After when it gave one (capped), else backoff. */
  retryDelay(attempt: number, headers: Headers): number {
    const cap = this.#settings.maxRetryDelay ?? DEFAULT_MAX_RETRY_DELAY_MS;
    const milliseconds = Number(headers.get('retry-after-ms'));
    if (headers.has('retry-after-ms') && Number.isFinite(milliseconds)) return Math.min(Math.max(0, milliseconds), cap);
    const seconds = parseRetryAfterSeconds(headers.get('retry-after'));
    if (seconds !== undefined) return Math.min(seconds * 1000, cap);
    return this.backoff(attempt);
  }

  /** Exponential backoff from initialRetryDelay, capped, less up to a quarter at random so clients spread out. */
  backoff(attempt: number): number {
    const initial = this.#settings.initialRetryDelay ?? DEFAULT_INITIAL_RETRY_DELAY_MS;
    const cap = this.#settings.maxRetryDelay ?? DEFAULT_MAX_RETRY_DELAY_MS;
    const delay = Math.min(initial * 2 ** attempt, cap);
    return delay * (1 - Math.random() * 0.25);
  }

  private async headersFor(request: HttpRequest, options: RequestOptions, maxRetries: number): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.#settings.defaultHeaders };
    if (this.#settings.token) headers.Authorization = `Bearer ${this.#settings.token}`;
    if (request.body !== undefined) {
      headers['Content-Type'] = typeof request.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    }
    if (request.method === 'POST' || request.method === 'PATCH') {
      const key = options.idempotencyKey ?? (maxRetries > 0 ? await newIdempotencyKey() : undefined);
      if (key) headers['Idempotency-Key'] = key;
    }
    return { ...headers, ...options.headers };
  }

  private async fetchOnce(url: string, method: string, headers: Record<string, string>, body: string | undefined,
    options: RequestOptions): Promise<Response> {
    const timeout = options.timeout ?? this.#settings.timeout ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeout);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (options.signal?.aborted) throw new MeridianError(`${method} ${url}: aborted`);
      const fetchImpl = this.#settings.fetch ?? globalThis.fetch;
      return await fetchImpl(url, { method, headers, body, signal: controller.signal });
    } catch (error) {
      if (error instanceof MeridianError) throw error;
      if (timedOut) throw new MeridianTimeoutError(`${method} ${url}: no answer within ${timeout} ms`, { cause: error });
      if (options.signal?.aborted) throw new MeridianError(`${method} ${url}: aborted`, { cause: error });
      throw new MeridianConnectionError(`${method} ${url}: ${describe(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

async function readBody(response: Response, type: 'json' | 'text'): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  if (type === 'text') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new MeridianError(`HTTP ${response.status} answer is not JSON: ${text.slice(0, 200)}`);
  }
}

/** An error body parsed as JSON when it is JSON, else its text (a proxy's HTML page, say). */
async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new MeridianError('aborted'));
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(new MeridianError('aborted')); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A random (v4) UUID from Web Crypto (browsers, Node 19+); Node 18 has no global `crypto` unless flagged, so there
 *  Node's own module gives it (the specifier is a variable so that bundlers for browsers leave it alone). */
export async function newIdempotencyKey(): Promise<string> {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (webCrypto?.randomUUID) return webCrypto.randomUUID();
  const nodeCrypto = 'node:crypto';
  const { randomUUID } = (await import(nodeCrypto)) as { randomUUID: () => string };
  return randomUUID();
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code} ${cause.message ?? ''}`.trim();
  return error instanceof Error ? error.message : String(error);
}
