// Key management through the Admin API against a real `meridian serve` of the test's own (the shared fixture keeps
// its admin key to itself): issue a key with limited scopes, list it, see its scope refused (403), revoke it (401).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthenticationError, Meridian, PermissionDeniedError } from 'meridian-dns';
import { startOwnServer } from './support/own-server.mjs';

describe('keys (Admin API)', () => {
  let server;
  let admin;
  let accountId;
  let issued;

  before(async () => {
    server = await startOwnServer();
    admin = new Meridian({ apiKey: server.adminKey, baseUrl: server.baseUrl });
    const response = await fetch(`${server.baseUrl}/api/admin/accounts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'partner', name: 'SDK keys test' }),
    });
    assert.equal(response.status, 201);
    accountId = (await response.json()).id;
  });
  after(() => server?.stop());

  it('issues a key with the scopes asked for, shown once', async () => {
    issued = await admin.keys.create(accountId, { name: 'read-only', environment: 'production', scopes: ['dns:read'] });
    assert.match(issued.token, /^mk_live_/);
    assert.deepEqual(issued.scopes, ['dns:read']);
    assert.equal(issued.environment, 'production');
  });

  it('lists the account\'s keys without their secrets', async () => {
    const keys = await admin.keys.list(accountId).all();
    const listed = keys.find(k => k.id === issued.id);
    assert.equal(listed.name, 'read-only');
    assert.ok(issued.token.startsWith(listed.prefix));
    assert.ok(listed.token === undefined || listed.token === null);
  });

  it('a key without the scope is refused with PermissionDeniedError (403)', async () => {
    const readOnly = new Meridian({ apiKey: issued.token, baseUrl: server.baseUrl });
    const error = await readOnly.users.createSession({ user_identifier: 'nobody' }).catch(e => e);
    assert.ok(error instanceof PermissionDeniedError, String(error));
    assert.equal(error.body.error, 'Insufficient permissions');
  });

  it('revokes the key: it stops working at once', async () => {
    const revoked = await admin.keys.revoke(accountId, issued.id);
    assert.ok(revoked.revoked_at);
    const readOnly = new Meridian({ apiKey: issued.token, baseUrl: server.baseUrl });
    await assert.rejects(readOnly.users.listDomains('nobody').all(), AuthenticationError);
  });

  it('a partner key cannot manage keys', async () => {
    const partnerKey = await admin.keys.create(accountId, { name: 'full' });
    const partner = new Meridian({ apiKey: partnerKey.token, baseUrl: server.baseUrl });
    const error = await partner.keys.list(accountId).all().catch(e => e);
    assert.ok(error instanceof AuthenticationError || error instanceof PermissionDeniedError, String(error));
  });
});
