// The scenario on the Partner API against the live fixture: a user and its session, a domain, records
// created, listed, changed and deleted (each checked with dig), a batch, typed 400/404/409/422 errors, the journal.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  BadRequestError, ConflictError, Meridian, NotFoundError, UnprocessableEntityError,
} from 'meridian-dns';
import { digUntil, fixture, unique } from './support/fixture.mjs';

describe('Partner API scenario', () => {
  const fx = fixture();
  const client = new Meridian({ apiKey: fx.partner.productionKey, environment: 'production', baseUrl: fx.baseUrl });
  const user = unique('sdk-ts-user-');
  const domainName = `${unique('sdk-ts-')}.example`;
  let session;
  let domain;
  let www;

  before(async () => {
    session = await client.users.createSession({ user_identifier: user, email: 'sdk-ts@example.com' });
    domain = await client.users.addDomain(user, { name: domainName });
  });

  it('creates a user and a single-use session link', async () => {
    assert.equal(session.user_identifier, user);
    assert.match(session.login_url, /^https?:\/\/.+/);
    assert.ok(Date.parse(session.expires_at) > Date.now());
  });

  it('adds a domain for the user and lists it among the user\'s domains', async () => {
    assert.equal(domain.name, domainName);
    assert.deepEqual(await client.domains.get(domain.id), domain);
    const listed = await client.users.listDomains(user).all();
    assert.deepEqual(listed.map(d => d.name), [domainName]);
  });

  it('creates records that the DNS server answers', async () => {
    www = await client.records.create({ domain_id: domain.id, type: 'A', name: 'www', value: '192.0.2.10', ttl: 300 });
    assert.deepEqual({ ...www, id: undefined }, { id: undefined, type: 'A', name: 'www', value: '192.0.2.10', ttl: 300 });
    const mx = await client.records.create({ domain_id: domain.id, type: 'MX', name: '@', value: 'mail.example.net', priority: 10 });
    assert.equal(mx.priority, 10);
    assert.equal(mx.ttl, 3600);
    assert.deepEqual(await digUntil(fx.dns, `www.${domainName}`, 'A', ['192.0.2.10']), ['192.0.2.10']);
    assert.deepEqual(await digUntil(fx.dns, domainName, 'MX', ['10 mail.example.net.']), ['10 mail.example.net.']);
  });

  it('lists every record across pages, and filters by type', async () => {
    for (let i = 0; i < 3; i++) {
      await client.records.create({ domain_id: domain.id, type: 'TXT', name: `page${i}`, value: `item ${i}` });
    }
    const pages = [];
    for await (const page of client.records.list(domain.id, { per_page: 2 }).pages()) pages.push(page.items.length);
    const all = [];
    for await (const record of client.records.list(domain.id, { per_page: 2 })) all.push(record);
    assert.ok(pages.length >= 3, `pages: ${pages}`);
    assert.equal(all.length, pages.reduce((a, b) => a + b, 0));
    assert.ok(all.some(r => r.id === www.id));
    const txt = await client.records.list(domain.id, { type: 'TXT' }).all();
    assert.deepEqual(txt.map(r => r.name).sort(), ['page0', 'page1', 'page2']);
  });

  it('updates a record and the DNS server follows', async () => {
    const updated = await client.records.update(www.id, { value: '192.0.2.11' });
    assert.equal(updated.value, '192.0.2.11');
    assert.equal(updated.ttl, 300);
    assert.deepEqual(await client.records.get(www.id), updated);
    assert.deepEqual(await digUntil(fx.dns, `www.${domainName}`, 'A', ['192.0.2.11']), ['192.0.2.11']);
  });

  it('applies a batch all at once', async () => {
    const txt = await client.records.list(domain.id, { type: 'TXT', name: 'page0' }).all();
    const result = await client.records.batch(domain.id, {
      deletes: [{ id: txt[0].id }],
      patches: [{ id: www.id, ttl: 120 }],
      posts: [{ type: 'A', name: 'api', value: '192.0.2.20' }, { type: 'A', name: 'api', value: '192.0.2.21' }],
    });
    assert.deepEqual(result.deletes, [txt[0].id]);
    assert.equal(result.patches[0].ttl, 120);
    assert.equal(result.posts.length, 2);
    assert.ok(result.serial > 0);
    assert.deepEqual(await digUntil(fx.dns, `api.${domainName}`, 'A', ['192.0.2.20', '192.0.2.21']), ['192.0.2.20', '192.0.2.21']);
    assert.deepEqual(await digUntil(fx.dns, `page0.${domainName}`, 'TXT', []), []);
  });

  it('refuses a batch with one bad operation without applying any of it', async () => {
    const before = await client.records.list(domain.id).all();
    const error = await client.records.batch(domain.id, {
      posts: [{ type: 'A', name: 'fine', value: '192.0.2.30' }, { type: 'A', name: 'bad', value: '999.1.1.1' }],
    }).catch(e => e);
    assert.ok(error instanceof UnprocessableEntityError, String(error));
    assert.deepEqual(await client.records.list(domain.id).all(), before);
  });

  it('throws UnprocessableEntityError with every problem for invalid input (422)', async () => {
    const error = await client.records.create({ domain_id: domain.id, type: 'A', name: 'www', value: 'not-an-address', ttl: -5 }).catch(e => e);
    assert.ok(error instanceof UnprocessableEntityError, String(error));
    assert.equal(error.status, 422);
    assert.equal(error.body.errors.length, 2);
    assert.deepEqual(error.details.map(d => d.field).sort(), ['ttl', 'value']);
    assert.match(error.message, /TTL -5/);
  });

  it('throws BadRequestError for a malformed request (400)', async () => {
    const error = await client.records.create({ domain_id: domain.id, type: 'A', name: 'x', value: '192.0.2.1', tll: 60 }).catch(e => e);
    assert.ok(error instanceof BadRequestError, String(error));
    assert.ok(Array.isArray(error.body.errors) && error.body.errors.length > 0);
  });

  it('throws ConflictError when the domain is hosted by someone else (409)', async () => {
    const other = await client.users.createSession({ user_identifier: unique('sdk-ts-other-') });
    const error = await client.users.addDomain(other.user_identifier, { name: domainName }).catch(e => e);
    assert.ok(error instanceof ConflictError, String(error));
    assert.equal(error.status, 409);
  });

  it('lists the change journal newest first', async () => {
    const changes = await client.domains.listChanges(domain.id, { per_page: 2 }).all();
    assert.ok(changes.length >= 5, `changes: ${changes.length}`);
    const serials = changes.map(c => c.serial);
    assert.deepEqual(serials, [...serials].sort((a, b) => b - a));
  });

  it('deletes a record and the DNS server stops answering it', async () => {
    await client.records.delete(www.id);
    await assert.rejects(client.records.get(www.id), e => e instanceof NotFoundError && e.status === 404);
    assert.deepEqual(await digUntil(fx.dns, `www.${domainName}`, 'A', []), []);
  });

  it('deletes the domain', async () => {
    await client.domains.delete(domain.id);
    await assert.rejects(client.domains.get(domain.id), NotFoundError);
    assert.deepEqual(await client.users.listDomains(user).all(), []);
  });
});
