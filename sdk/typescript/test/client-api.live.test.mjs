// The Client API against the live fixture: domains, records with country_codes (checked with dig), BIND export and
// import, the journal, its {"error"} refusals, and rotating the key (last: the fixture's client key is replaced).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { AuthenticationError, BadRequestError, Meridian, NotFoundError } from 'meridian-dns';
import { digUntil, fixture, unique } from './support/fixture.mjs';

/** The Client API names domains absolutely (`example.com.`). */
const withoutDot = name => name.replace(/\.$/, '');

describe('Client API', () => {
  const fx = fixture();
  let meridian = new Meridian({ apiKey: fx.client.apiKey, baseUrl: fx.baseUrl });
  const name = `${unique('sdk-ts-client-')}.example`;
  const importedName = `${unique('sdk-ts-import-')}.example`;
  let domain;
  let record;

  after(async () => {
    for (const d of await meridian.client.domains.list().all()) {
      if (withoutDot(d.name) === name || withoutDot(d.name) === importedName) await meridian.client.domains.delete(d.id);
    }
  });

  it('creates a domain and lists it', async () => {
    domain = await meridian.client.domains.create({ name });
    assert.equal(withoutDot(domain.name), name);
    const names = (await meridian.client.domains.list().all()).map(d => withoutDot(d.name));
    assert.ok(names.includes(name));
  });

  it('creates a record with country codes that the DNS server answers', async () => {
    record = await meridian.client.records.create({ domain_id: domain.id, name: 'www', type: 'A', value: '203.0.113.5', ttl: 300 });
    const geo = await meridian.client.records.create({ domain_id: domain.id, name: 'geo', type: 'A', value: '203.0.113.6', ttl: 300, country_codes: ['DE'] });
    assert.deepEqual(geo.country_codes, ['DE']);
    assert.deepEqual(await digUntil(fx.dns, `www.${name}`, 'A', ['203.0.113.5']), ['203.0.113.5']);
    const records = await meridian.client.records.list(domain.id).all();
    assert.ok(records.some(r => r.id === record.id) && records.some(r => r.id === geo.id));
  });

  it('updates a record', async () => {
    const updated = await meridian.client.records.update(record.id, { value: '203.0.113.9' });
    assert.equal(updated.value, '203.0.113.9');
    assert.equal(updated.ttl, 300);
    assert.deepEqual(await digUntil(fx.dns, `www.${name}`, 'A', ['203.0.113.9']), ['203.0.113.9']);
  });

  it('exports the zone as BIND and imports one', async () => {
    const zone = await meridian.client.domains.exportBind(domain.id);
    assert.match(zone, /203\.0\.113\.9/);
    assert.match(zone, /country_codes=DE/);
    const imported = await meridian.client.domains.importBind(
      `$ORIGIN ${importedName}.\n$TTL 600\n@ IN SOA ns1.example.net. hostmaster.example.net. 1 7200 3600 1209600 300\nwww IN A 192.0.2.77\n`);
    assert.equal(withoutDot(imported.domain.name), importedName);
    assert.ok(imported.records_created >= 1);
    assert.deepEqual(await digUntil(fx.dns, `www.${importedName}`, 'A', ['192.0.2.77']), ['192.0.2.77']);
  });

  it('lists the journal newest first', async () => {
    const changes = await meridian.client.domains.listChanges(domain.id, { per_page: 1 }).all();
    assert.ok(changes.length >= 3);
    assert.deepEqual(changes.map(c => c.serial), changes.map(c => c.serial).sort((a, b) => b - a));
  });

  it('throws the surface\'s {"error"} body as typed errors', async () => {
    const bad = await meridian.client.records.create({ domain_id: domain.id, name: 'x', type: 'A', value: 'nope' }).catch(e => e);
    assert.ok(bad instanceof BadRequestError, String(bad));
    assert.equal(typeof bad.body.error, 'string');
    assert.deepEqual(bad.messages, [bad.body.error]);
    const missing = await meridian.client.records.delete('00000000-0000-0000-0000-000000000000').catch(e => e);
    assert.ok(missing instanceof NotFoundError, String(missing));
  });

  it('deletes a record and the DNS server stops answering it', async () => {
    await meridian.client.records.delete(record.id);
    assert.deepEqual(await digUntil(fx.dns, `www.${name}`, 'A', []), []);
  });

  it('rotates the key: the new one works and the old one is refused', async () => {
    const rotated = await meridian.client.rotateApiKey();
    assert.match(rotated.api_token, /^mk_live_/);
    const old = meridian;
    meridian = new Meridian({ apiKey: rotated.api_token, baseUrl: fx.baseUrl });
    assert.ok((await meridian.client.domains.list().all()).length >= 1);
    await assert.rejects(old.client.domains.list().all(), AuthenticationError);
  });
});
