// The retry, Idempotency-Key, timeout and error rules against a real HTTP server on loopback that misbehaves on purpose.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  AuthenticationError, BadRequestError, ConflictError, InternalServerError, Meridian, MeridianApiError,
  MeridianConnectionError, MeridianError, MeridianTimeoutError, NotFoundError, PermissionDeniedError, RateLimitError,
  UnprocessableEntityError,
} from 'meridian-dns';
import { startStub } from './support/stub-server.mjs';

const stubs = [];
after(() => Promise.all(stubs.map(stub => stub.close())));

async function stub(respond) {
  const server = await startStub(respond);
  stubs.push(server);
  return server;
}

/** A client with short backoff so the tests spend no time waiting; the rules, not the delays, are under test. */
function clientFor(server, options = {}) {
  return new Meridian({ apiKey: 'mk_live_test_key', baseUrl: server.baseUrl, initialRetryDelay: 1, ...options });
}

/** Runs action with setTimeout recording each delay asked for and firing at once, so a wait is checked by what the
 *  client asked for rather than by a clock (the 60 s request timeout keeps its length). */
async function recordingWaits(action) {
  const original = globalThis.setTimeout;
  const waits = [];
  globalThis.setTimeout = (callback, ms, ...args) => { waits.push(ms); return original(callback, ms >= 1000 && ms < 60_000 ? 0 : ms, ...args); };
  try {
    await action();
  } finally {
    globalThis.setTimeout = original;
  }
  return waits;
}

const record = { id: 'r1', type: 'A', name: 'www', value: '192.0.2.1', ttl: 3600 };
const createParams = { domain_id: 'd1', type: 'A', name: 'www', value: '192.0.2.1', ttl: 3600 };

describe('retries', () => {
  for (const status of [408, 409, 429, 500, 502, 503, 504]) {
    it(`retries ${status} and returns the answer that follows`, async () => {
      const server = await stub((_, i) => (i === 0 ? { status, body: { errors: ['busy'] }, headers: { 'retry-after': '0' } } : { status: 200, body: record }));
      assert.deepEqual(await clientFor(server).records.get('r1'), record);
      assert.equal(server.requests.length, 2);
    });
  }

  it('makes at most 2 retries by default, then throws the last answer as a typed error', async () => {
    const server = await stub(() => ({ status: 503, body: { errors: ['down for maintenance'] } }));
    await assert.rejects(clientFor(server).records.get('r1'), e => e instanceof InternalServerError && e.status === 503);
    assert.equal(server.requests.length, 3);
  });

  it('takes maxRetries from the client and from the call', async () => {
    const server = await stub(() => ({ status: 429, body: { errors: ['slow down'] }, headers: { 'retry-after': '0' } }));
    await assert.rejects(clientFor(server, { maxRetries: 4 }).records.get('r1'), RateLimitError);
    assert.equal(server.requests.length, 5);
    await assert.rejects(clientFor(server, { maxRetries: 4 }).records.get('r1', { maxRetries: 0 }), RateLimitError);
    assert.equal(server.requests.length, 6);
  });

  it('never retries other refusals', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      const server = await stub(() => ({ status, body: { errors: ['no'] } }));
      await assert.rejects(clientFor(server).records.get('r1'), MeridianApiError);
      assert.equal(server.requests.length, 1, `status ${status}`);
    }
  });

  it('sends the same Idempotency-Key on every attempt of a POST, and a new one for the next POST', async () => {
    const server = await stub((_, i) => (i < 2 ? { status: 409, body: { errors: ['in flight'] }, headers: { 'retry-after': '0' } } : { status: 201, body: record }));
    const client = clientFor(server);
    await client.records.create(createParams);
    await client.records.create(createParams);
    const keys = server.requests.map(r => r.headers['idempotency-key']);
    assert.equal(keys.length, 4);
    assert.match(keys[0], /^[0-9a-f-]{36}$/);
    assert.equal(keys[1], keys[0]);
    assert.equal(keys[2], keys[0]);
    assert.notEqual(keys[3], keys[0]);
  });

  it('keeps the key of a retried PATCH too, and uses the caller\'s own key when given', async () => {
    const server = await stub((_, i) => (i % 2 === 0 ? { status: 502, body: '' } : { status: 200, body: record }));
    const client = clientFor(server);
    await client.records.update('r1', { ttl: 60 });
    await client.records.update('r1', { ttl: 60 }, { idempotencyKey: 'my-own-key' });
    const keys = server.requests.map(r => r.headers['idempotency-key']);
    assert.equal(keys[0], keys[1]);
    assert.deepEqual(keys.slice(2), ['my-own-key', 'my-own-key']);
    assert.ok(server.requests.every(r => r.method === 'PATCH'));
  });

  it('makes the Idempotency-Key without a global crypto too (Node 18)', async () => {
    const server = await stub(() => ({ status: 201, body: record }));
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true });
    try {
      await clientFor(server).records.create(createParams);
    } finally {
      Object.defineProperty(globalThis, 'crypto', original);
    }
    assert.match(server.requests[0].headers['idempotency-key'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends no Idempotency-Key with GET, DELETE, or when retries are off', async () => {
    const server = await stub(request => (request.method === 'DELETE' ? { status: 204 } : { status: request.method === 'POST' ? 201 : 200, body: record }));
    const client = clientFor(server);
    await client.records.get('r1');
    await client.records.delete('r1');
    await client.records.create(createParams, { maxRetries: 0 });
    assert.deepEqual(server.requests.map(r => r.headers['idempotency-key']), [undefined, undefined, undefined]);
  });

  it('waits as long as Retry-After says before retrying', async () => {
    const server = await stub((_, i) => (i === 0 ? { status: 429, body: { errors: ['slow down'] }, headers: { 'retry-after': '2' } } : { status: 200, body: record }));
    const waits = await recordingWaits(() => clientFor(server).records.get('r1'));
    assert.ok(waits.includes(2000), `waits asked for: ${waits}`);
    assert.equal(server.requests.length, 2);
  });

  it('caps Retry-After at maxRetryDelay', async () => {
    const server = await stub((_, i) => (i === 0 ? { status: 503, body: '', headers: { 'retry-after': '3600' } } : { status: 200, body: record }));
    const waits = await recordingWaits(() => clientFor(server, { maxRetryDelay: 1500 }).records.get('r1'));
    assert.ok(waits.includes(1500) && !waits.includes(3_600_000), `waits asked for: ${waits}`);
    assert.equal(server.requests.length, 2);
  });

  it('backs off exponentially with jitter below the cap', () => {
    const client = new Meridian({ apiKey: 'mk_live_k', baseUrl: 'https://dns.example.net', initialRetryDelay: 100, maxRetryDelay: 1000 });
    const transport = client.records.transport;
    for (let attempt = 0; attempt < 6; attempt++) {
      const full = Math.min(100 * 2 ** attempt, 1000);
      for (let i = 0; i < 20; i++) {
        const delay = transport.backoff(attempt);
        assert.ok(delay <= full && delay >= full * 0.75, `attempt ${attempt}: ${delay}`);
      }
    }
    assert.equal(transport.retryDelay(0, new Headers({ 'retry-after': '0.5' })), 500);
    assert.equal(transport.retryDelay(0, new Headers({ 'retry-after': '60' })), 1000);
  });

  it('retries a connection that was reset, then reports a connection error', async () => {
    const flaky = await stub((_, i) => (i === 0 ? 'reset' : { status: 200, body: record }));
    assert.deepEqual(await clientFor(flaky).records.get('r1'), record);
    const dead = await stub(() => 'reset');
    await assert.rejects(clientFor(dead).records.get('r1'), MeridianConnectionError);
    assert.equal(dead.requests.length, 3);
  });

  it('reports a refused connection as a connection error', async () => {
    const server = await stub(() => ({ status: 200, body: {} }));
    await server.close();
    await assert.rejects(clientFor(server, { maxRetries: 1 }).records.get('r1'), e => e instanceof MeridianConnectionError && /ECONNREFUSED/.test(e.message));
  });
});

describe('timeouts', () => {
  it('gives up after the call\'s timeout, retrying it like a lost connection', async () => {
    const server = await stub(() => 'hang');
    await assert.rejects(clientFor(server, { maxRetries: 1 }).records.get('r1', { timeout: 100 }), MeridianTimeoutError);
    assert.equal(server.requests.length, 2);
  });

  it('uses the client\'s timeout when the call gives none', async () => {
    const server = await stub(() => 'hang');
    await assert.rejects(clientFor(server, { timeout: 100, maxRetries: 0 }).records.get('r1'), e => e instanceof MeridianTimeoutError && /100 ms/.test(e.message));
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const server = await stub(() => 'hang');
    const controller = new AbortController();
    const call = clientFor(server).records.get('r1', { signal: controller.signal });
    while (server.requests.length === 0) await new Promise(resolve => setImmediate(resolve));
    controller.abort();
    await assert.rejects(call, e => e instanceof MeridianError && !(e instanceof MeridianConnectionError) && /aborted/.test(e.message));
    assert.equal(server.requests.length, 1);
  });

  it('defaults to 60 seconds', async () => {
    const { DEFAULT_TIMEOUT_MS } = await import('../dist/esm/core/config.js');
    assert.equal(DEFAULT_TIMEOUT_MS, 60_000);
  });
});

describe('typed errors', () => {
  const cases = [
    [400, BadRequestError], [401, AuthenticationError], [403, PermissionDeniedError], [404, NotFoundError],
    [409, ConflictError], [422, UnprocessableEntityError], [429, RateLimitError], [500, InternalServerError], [503, InternalServerError],
  ];
  for (const [status, type] of cases) {
    it(`${status} is ${type.name} with status, body and request id`, async () => {
      const body = { errors: ['Problem one', 'Problem two'] };
      const server = await stub(() => ({ status, body, headers: { 'x-request-id': 'req-123' } }));
      const error = await clientFor(server, { maxRetries: 0 }).records.get('r1').catch(e => e);
      assert.ok(error instanceof type && error instanceof MeridianApiError);
      assert.equal(error.status, status);
      assert.deepEqual(error.body, body);
      assert.equal(error.requestId, 'req-123');
      assert.deepEqual(error.messages, ['Problem one', 'Problem two']);
    });
  }

  it('reads every surface\'s error body', async () => {
    const bodies = [
      [{ errors: ['TTL bad'], details: [{ field: 'ttl', code: 'invalid_ttl', message: 'TTL bad' }] }, [{ message: 'TTL bad', code: 'invalid_ttl', field: 'ttl' }]],
      [{ error: 'Domain not found' }, [{ message: 'Domain not found' }]],
      [{ Errors: [{ Code: 2, Message: 'Unable to determine DNS provider for this domain' }] }, [{ message: 'Unable to determine DNS provider for this domain', code: 2 }]],
      [{ errors: [{ title: 'subdomain is blacklisted' }], meta: { status: 400 } }, [{ message: 'subdomain is blacklisted' }]],
      ['<html>bad gateway</html>', []],
    ];
    for (const [body, details] of bodies) {
      const server = await stub(() => ({ status: 400, body }));
      const error = await clientFor(server).records.get('r1').catch(e => e);
      assert.deepEqual(error.body, body);
      assert.deepEqual(error.details, details);
    }
  });
});

describe('pagination', () => {
  it('walks every page of a Partner list with for await', async () => {
    const pages = [[{ id: '1' }, { id: '2' }], [{ id: '3' }, { id: '4' }], [{ id: '5' }]];
    const server = await stub(request => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      return { status: 200, body: { dns_records: pages[page - 1], pagination: { page, per_page: 2, total: 5, total_pages: 3 } } };
    });
    const seen = [];
    for await (const item of clientFor(server).records.list('d1', { per_page: 2 })) seen.push(item.id);
    assert.deepEqual(seen, ['1', '2', '3', '4', '5']);
    assert.deepEqual(server.requests.map(r => r.url), [1, 2, 3].map(p => `/api/v1/domains/d1/dns_records?per_page=2&page=${p}`));
  });

  it('stops after the first page when asked for it alone', async () => {
    const server = await stub(() => ({ status: 200, body: { domains: [{ id: '1', name: 'a.example' }], pagination: { page: 1, per_page: 1, total: 9, total_pages: 9 } } }));
    const page = await clientFor(server).users.listDomains('user 1/2').first();
    assert.deepEqual(page.items, [{ id: '1', name: 'a.example' }]);
    assert.equal(page.hasMore, true);
    assert.equal(server.requests[0].url, '/api/v1/users/user%201%2F2/domains?page=1');
  });
});
