// Every error the SDK throws is a MeridianError. A refusal by the server is a MeridianApiError (or one of its
// status subclasses) carrying the status, the surface's parsed error body and the request id when the server sent one.

/** The base of every error this package throws. */
export class MeridianError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The client was configured in a way that cannot work (no key, no server, a sandbox key sent to production, …). */
export class MeridianConfigurationError extends MeridianError {}

/** The request never got an answer: the connection failed or was reset. */
export class MeridianConnectionError extends MeridianError {}

/** No answer within the timeout (the client's `timeout` or the call's). */
export class MeridianTimeoutError extends MeridianConnectionError {}

/** One problem the server listed, in whichever surface's words: `field`/`code` are set where the surface gives them. */
export interface ErrorDetail {
  message: string;
  code?: string | number;
  field?: string | null;
}

/** The server refused the request. `body` is the surface's error body exactly as parsed from the answer:
 *  Partner `{errors, details, error?}`, Client `{error}`, Email DNS `{Errors: [{Code, Message}]}`,
 *  Simple `{errors: [{title}], meta}`. */
export class MeridianApiError extends MeridianError {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly headers: Headers;
  /** The problems the body lists, one entry per problem, whatever the surface's shape. */
  readonly details: ErrorDetail[];

  constructor(status: number, body: unknown, headers: Headers, method: string, url: string) {
    const details = detailsOf(body);
    const summary = details.length > 0 ? details.map(d => d.message).join('; ') : typeof body === 'string' && body ? body : 'no error body';
    super(`${method} ${url}: HTTP ${status}: ${summary}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.requestId = headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
    this.details = details;
  }

  /** The problem messages alone, e.g. for showing to a user. */
  get messages(): string[] {
    return this.details.map(d => d.message);
  }

  /** Email DNS error codes (`Errors[].Code`); empty for the other surfaces. */
  get codes(): number[] {
    return this.details.flatMap(d => (typeof d.code === 'number' ? [d.code] : []));
  }
}

export class BadRequestError extends MeridianApiError {}
export class AuthenticationError extends MeridianApiError {}
export class PermissionDeniedError extends MeridianApiError {}
export class NotFoundError extends MeridianApiError {}
export class ConflictError extends MeridianApiError {}
export class UnprocessableEntityError extends MeridianApiError {}
export class RateLimitError extends MeridianApiError {
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  get retryAfter(): number | undefined {
    return parseRetryAfterSeconds(this.headers.get('retry-after'));
  }
}
export class InternalServerError extends MeridianApiError {}

/** The subclass for a status: 400/401/403/404/409/422/429, any 5xx, else the base class. */
export function apiErrorFor(status: number, body: unknown, headers: Headers, method: string, url: string): MeridianApiError {
  const type =
    status === 400 ? BadRequestError
    : status === 401 ? AuthenticationError
    : status === 403 ? PermissionDeniedError
    : status === 404 ? NotFoundError
    : status === 409 ? ConflictError
    : status === 422 ? UnprocessableEntityError
    : status === 429 ? RateLimitError
    : status >= 500 ? InternalServerError
    : MeridianApiError;
  return new type(status, body, headers, method, url);
}

/** Retry-After as seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterSeconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function detailsOf(body: unknown): ErrorDetail[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  // Email DNS: {"Errors": [{"Code": 2, "Message": "…", "Detail"?: "…"}]}
  if (Array.isArray(record.Errors)) {
    return record.Errors.map(e => {
      const item = e as Record<string, unknown>;
      const detail = typeof item.Detail === 'string' ? ` (${item.Detail})` : '';
      return { message: `${String(item.Message ?? '')}${detail}`, code: typeof item.Code === 'number' ? item.Code : undefined };
    });
  }
  // Partner: {"errors": ["…"], "details": [{field, code, message}]}; prefer details, which name field and code.
  if (Array.isArray(record.details) && record.details.length > 0) {
    return record.details.map(d => {
      const item = d as Record<string, unknown>;
      return { message: String(item.message ?? ''), code: item.code as string | undefined, field: item.field as string | null | undefined };
    });
  }
  if (Array.isArray(record.errors)) {
    // Partner lists strings; Simple lists {"title": "…"}.
    return record.errors.map(e => ({ message: typeof e === 'string' ? e : String((e as Record<string, unknown>)?.title ?? JSON.stringify(e)) }));
  }
  // Client: {"error": "…"}
  if (typeof record.error === 'string') return [{ message: record.error }];
  return [];
}
