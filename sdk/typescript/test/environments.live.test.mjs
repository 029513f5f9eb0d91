// Sandbox and production keys against the live fixture: separate data and DNS, the other environment's key refused
// by the server (401), and a sandbox key with environment 'production' refused by the client before any request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationError, Meridian, MeridianConfigurationError, NotFoundError } from 'meridian-dns';
import { digUntil, fixture, unique } from './support/fixture.mjs';

describe('sandbox and production', () => {
  const fx = fixture();
  const production = new Meridian({ apiKey: fx.partner.productionKey, environment: 'production', baseUrl: fx.baseUrl });
  const sandbox = new Meridian({
    apiKey: fx.partner.sandboxKey, environment: 'sandbox', baseUrl: fx.baseUrl, sandboxBaseUrl: fx.sandboxBaseUrl,
  });

  it('sends a sandbox client to the sandbox URL', () => {
    assert.equal(sandbox.environment, 'sandbox');
    assert.equal(sandbox.baseUrl, fx.sandboxBaseUrl.replace(/\/$/, ''));
  });

  it('keeps sandbox data and DNS apart from production', async () => {
    const user = unique('sdk-ts-sandbox-');
    const name = `${unique('sdk-ts-sbx-')}.example`;
    await sandbox.users.createSession({ user_identifier: user });
    const domain = await sandbox.users.addDomain(user, { name });
    await sandbox.records.create({ domain_id: domain.id, type: 'A', name: 'www', value: '198.51.100.7' });
    assert.deepEqual(await digUntil(fx.sandboxDns, `www.${name}`, 'A', ['198.51.100.7']), ['198.51.100.7']);
    assert.deepEqual(await digUntil(fx.dns, `www.${name}`, 'A', []), []);
    await assert.rejects(production.domains.get(domain.id), NotFoundError);
    await assert.rejects(production.users.listDomains(user).all(), NotFoundError);
  });

  it('gets 401 from the server for a production key sent to the sandbox', async () => {
    const wrong = new Meridian({
      apiKey: fx.partner.productionKey, environment: 'sandbox', baseUrl: fx.baseUrl, sandboxBaseUrl: fx.sandboxBaseUrl,
    });
    const error = await wrong.users.createSession({ user_identifier: unique('sdk-ts-') }).catch(e => e);
    assert.ok(error instanceof AuthenticationError, String(error));
    assert.equal(error.status, 401);
    assert.equal(typeof error.body.error, 'string');
  });

  it('refuses the sandbox key with environment production before sending anything', () => {
    let requests = 0;
    const fetch = async () => { requests++; return new Response('{}'); };
    assert.throws(() => new Meridian({ apiKey: fx.partner.sandboxKey, environment: 'production', baseUrl: fx.baseUrl, fetch }),
      MeridianConfigurationError);
    assert.equal(requests, 0);
  });
});
