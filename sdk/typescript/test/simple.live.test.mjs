// The Simple API against the live fixture, with a JWT: upsert (checked with dig), list, retarget, delete, and the
// surface's {"errors": [{"title"}]} refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictError, Meridian, MeridianApiError, SimpleClient } from 'meridian-dns';
import { digUntil, fixture, unique } from './support/fixture.mjs';

describe('Simple API', () => {
  const fx = fixture();
  const { simple } = fx;
  const client = new SimpleClient({ token: simple.token, baseUrl: simple.baseUrl });
  const subdomain = unique('ts');
  const fqdn = `${subdomain}.${simple.domain}`;
  let record;

  it('knows the token\'s user and its domains, from SimpleClient and from Meridian', async () => {
    assert.deepEqual(await client.whoami(), { id: simple.user, type: 'user' });
    const viaMeridian = new Meridian({ apiKey: fx.partner.productionKey, baseUrl: fx.baseUrl, simpleToken: simple.token });
    assert.deepEqual(await viaMeridian.simple.whoami(), { id: simple.user, type: 'user' });
    const domains = await client.domains().all();
    assert.ok(domains.some(d => d.type === 'domain' && d.id === simple.domain));
    for (const blacklisted of simple.blacklist) assert.ok(domains.some(d => d.type === 'blacklisted_subdomain' && d.id === blacklisted));
  });

  it('upserts a record, then points the same record elsewhere', async () => {
    record = await client.upsert('A', simple.domain, subdomain, '192.0.2.40');
    assert.equal(record.to, '192.0.2.40');
    assert.deepEqual(await digUntil(fx.dns, fqdn, 'A', ['192.0.2.40']), ['192.0.2.40']);
    const again = await client.upsert('A', simple.domain, subdomain, '192.0.2.41');
    assert.equal(again.id, record.id);
    assert.deepEqual(await digUntil(fx.dns, fqdn, 'A', ['192.0.2.41']), ['192.0.2.41']);
  });

  it('lists, reads and retargets records', async () => {
    const all = await client.records.list({ size: 10 }).all();
    assert.ok(all.some(r => r.id === record.id));
    assert.equal((await client.records.get(record.id)).to, '192.0.2.41');
    const moved = await client.records.update(record.id, { to: '192.0.2.42' });
    assert.equal(moved.to, '192.0.2.42');
    assert.deepEqual(await digUntil(fx.dns, fqdn, 'A', ['192.0.2.42']), ['192.0.2.42']);
  });

  it('throws typed errors with the surface\'s body', async () => {
    const duplicate = await client.records.create({ domain_type: 'A', domain: simple.domain, subdomain, to: '192.0.2.43' }).catch(e => e);
    assert.ok(duplicate instanceof ConflictError, String(duplicate));
    const blacklisted = await client.upsert('A', simple.domain, simple.blacklist[0], '192.0.2.44').catch(e => e);
    assert.ok(blacklisted instanceof MeridianApiError, String(blacklisted));
    assert.match(blacklisted.body.errors[0].title, /blacklisted/);
    assert.deepEqual(blacklisted.messages, [blacklisted.body.errors[0].title]);
  });

  it('deletes the record by its path', async () => {
    await client.remove('A', simple.domain, subdomain);
    assert.deepEqual(await digUntil(fx.dns, fqdn, 'A', []), []);
  });
});
