// A 429 handled by retry, against the fixture's rate-limited server (3 requests per key in a 2 s window).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Meridian, RateLimitError } from 'meridian-dns';
import { fixture, unique } from './support/fixture.mjs';

/** A fetch that records each attempt's status and Idempotency-Key. */
function recordingFetch(attempts) {
  return async (url, init) => {
    const response = await fetch(url, init);
    attempts.push({ method: init.method, status: response.status, key: init.headers['Idempotency-Key'], retryAfter: response.headers.get('retry-after') });
    return response;
  };
}

describe('rate limits', () => {
  const fx = fixture();
  const { limited } = fx;

  it('throws RateLimitError with Retry-After when retries are off', async () => {
    const client = new Meridian({ apiKey: limited.productionKey, baseUrl: limited.baseUrl, maxRetries: 0 });
    let error;
    for (let i = 0; i <= limited.perMinute && !error; i++) {
      error = await client.users.createSession({ user_identifier: unique('sdk-ts-rl-') }).then(() => undefined, e => e);
    }
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.status, 429);
    assert.ok(error.retryAfter !== undefined && error.retryAfter <= limited.burstWindowSeconds, `Retry-After ${error.retryAfter}`);
  });

  it('waits out a 429 and retries the POST with the same Idempotency-Key', async () => {
    const attempts = [];
    const client = new Meridian({ apiKey: limited.productionKey, baseUrl: limited.baseUrl, maxRetries: 4, fetch: recordingFetch(attempts) });
    const users = [];
    for (let i = 0; i < limited.perMinute + 2; i++) {
      const session = await client.users.createSession({ user_identifier: unique('sdk-ts-rl-') });
      users.push(session.user_identifier);
    }
    assert.equal(users.length, limited.perMinute + 2);
    const limitedAttempt = attempts.findIndex(a => a.status === 429);
    assert.ok(limitedAttempt >= 0, `no 429 among ${attempts.map(a => a.status)}`);
    const retry = attempts[limitedAttempt + 1];
    assert.equal(retry.key, attempts[limitedAttempt].key, 'the retry sent another Idempotency-Key');
    assert.match(retry.key, /^[0-9a-f-]{36}$/);
    assert.ok(attempts.filter(a => a.status === 201).length === users.length);
  });
});
