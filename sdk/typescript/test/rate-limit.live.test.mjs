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

  // Requests go out together so that more than the window allows land inside one window however slow the machine is.
  it('throws RateLimitError with Retry-After when retries are off', async () => {
    const client = new Meridian({ apiKey: limited.productionKey, baseUrl: limited.baseUrl, maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: limited.perMinute * 2 },
      () => client.users.createSession({ user_identifier: unique('sdk-ts-rl-') })));
    const refused = outcomes.filter(o => o.status === 'rejected').map(o => o.reason);
    assert.ok(refused.length >= 1, 'no request was refused');
    for (const error of refused) {
      assert.ok(error instanceof RateLimitError, String(error));
      assert.equal(error.status, 429);
      assert.ok(error.retryAfter !== undefined && error.retryAfter <= limited.burstWindowSeconds, `Retry-After ${error.retryAfter}`);
    }
  });

  it('waits out a 429 and retries the POST with the same Idempotency-Key', async () => {
    const attempts = [];
    const client = new Meridian({ apiKey: limited.productionKey, baseUrl: limited.baseUrl, maxRetries: 6, fetch: recordingFetch(attempts) });
    const count = limited.perMinute * 2;
    const sessions = await Promise.all(Array.from({ length: count },
      () => client.users.createSession({ user_identifier: unique('sdk-ts-rl-') })));
    assert.equal(new Set(sessions.map(s => s.user_identifier)).size, count);
    const limitedAttempts = attempts.filter(a => a.status === 429);
    assert.ok(limitedAttempts.length >= 1, `no 429 among ${attempts.map(a => a.status)}`);
    for (const refused of limitedAttempts) {
      assert.match(refused.key, /^[0-9a-f-]{36}$/);
      assert.ok(attempts.some(a => a.status === 201 && a.key === refused.key), `the request refused with key ${refused.key} never succeeded with it`);
    }
    assert.equal(attempts.filter(a => a.status === 201).length, count);
    assert.equal(new Set(attempts.map(a => a.key)).size, count, 'a retry sent a new Idempotency-Key');
  });
});
