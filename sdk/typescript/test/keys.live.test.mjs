// The partner's own keys (Partner API /api/v1/keys) against the live fixture, whose partner keys hold the `keys`
// scope: issue a key with fewer scopes, list it, see its scope refused (403), revoke it (401), environments kept apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError, Meridian, NotFoundError, PermissionDeniedError } from 'meridian-dns';
import { fixture, unique } from './support/fixture.mjs';

describe('keys', () => {
  const fx = fixture();
  const production = new Meridian({ apiKey: fx.partner.productionKey, baseUrl: fx.baseUrl });
  const sandbox = new Meridian({ apiKey: fx.partner.sandboxKey, baseUrl: fx.baseUrl, sandboxBaseUrl: fx.sandboxBaseUrl });
  const name = unique('sdk-ts-read-only-');
  let issued;

  it('issues a key with the scopes asked for, its token shown once', async () => {
    issued = await production.keys.create({ name, scopes: ['dns:read'] });
    assert.match(issued.token, /^mk_live_/);
    assert.ok(issued.token.startsWith(issued.prefix));
    assert.deepEqual(issued.scopes, ['dns:read']);
    assert.equal(issued.environment, 'production');
  });

  it('lists the keys of its environment without their secrets', async () => {
    const keys = await production.keys.list().all();
    const listed = keys.find(k => k.id === issued.id);
    assert.equal(listed.name, name);
    assert.equal(listed.token, undefined);
    assert.ok(keys.every(k => k.environment === 'production'));
    assert.ok((await sandbox.keys.list().all()).every(k => k.environment === 'sandbox'));
  });

  it('a key is refused what its scopes do not allow (403)', async () => {
    const readOnly = new Meridian({ apiKey: issued.token, baseUrl: fx.baseUrl });
    const error = await readOnly.users.createSession({ user_identifier: unique('nobody-') }).catch(e => e);
    assert.ok(error instanceof PermissionDeniedError, String(error));
    assert.equal(error.status, 403);
    await assert.rejects(production.keys.create({ name: unique('too-much-'), scopes: ['admin'] }), PermissionDeniedError);
  });

  it('another environment\'s key is not found', async () => {
    await assert.rejects(sandbox.keys.revoke(issued.id), NotFoundError);
  });

  it('revokes the key: it stops working at once', async () => {
    const revoked = await production.keys.revoke(issued.id);
    assert.ok(revoked.revoked_at);
    const readOnly = new Meridian({ apiKey: issued.token, baseUrl: fx.baseUrl });
    await assert.rejects(readOnly.users.listDomains('nobody').all(), AuthenticationError);
  });
});
