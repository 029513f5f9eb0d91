// The Email DNS API against the live fixture: dns.provider detects Cloudflare, dns.authorize keeps the credential,
// dns.set writes the record set at the Cloudflare stand-in (read back from the stand-in), and refusals carry codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Meridian, MeridianApiError } from 'meridian-dns';
import { fixture } from './support/fixture.mjs';

/** Every DNS record the Cloudflare stand-in holds for the zone, all pages. */
async function standInRecords(standIn) {
  const records = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${standIn.baseUrl}/zones/${standIn.zoneId}/dns_records?page=${page}&per_page=100`,
      { headers: { Authorization: `Bearer ${standIn.token}` } });
    assert.equal(response.status, 200);
    const body = await response.json();
    records.push(...body.result);
    if (!body.result_info || page >= body.result_info.total_pages) return records;
  }
}

const unquote = text => text.replace(/^"|"$/g, '').replace(/" "/g, '');

describe('Email DNS API', () => {
  const fx = fixture();
  const { emailDns } = fx;
  const meridian = new Meridian({ apiKey: emailDns.apiKey, baseUrl: fx.baseUrl });

  it('finds the DNS provider', async () => {
    assert.equal(await meridian.emailDns.provider(emailDns.domain), emailDns.provider);
  });

  it('authorizes the provider and sets the record set there', async () => {
    const authorized = await meridian.emailDns.authorize({ Domain: emailDns.domain, Provider: emailDns.provider, ...emailDns.authorize });
    assert.equal(authorized.success, true);
    const set = await meridian.emailDns.set({ Domain: emailDns.domain, Provider: emailDns.provider, RecordType: emailDns.recordType });
    assert.equal(set.success, true);

    const history = await meridian.emailDns.history(emailDns.domain).all();
    assert.ok(history.length >= 1);
    const written = history[0].records.filter(r => r.action !== 'delete');
    assert.ok(written.length >= 1, JSON.stringify(history[0]));
    const held = await standInRecords(emailDns.standIn);
    for (const record of written) {
      assert.ok(held.some(h => h.type === record.type && unquote(h.content) === unquote(record.content)),
        `the stand-in lacks ${record.type} ${record.name} ${record.content}; it holds ${JSON.stringify(held.map(h => [h.type, h.name, h.content]))}`);
    }
    assert.ok(held.some(h => h.type === 'TXT' && /v=spf1|v=DMARC1|v=DKIM1/.test(h.content)));
  });

  it('returns the domain\'s DKIM keys', async () => {
    const dkim = await meridian.emailDns.dkim(emailDns.domain);
    assert.equal(dkim.domain, emailDns.domain);
    assert.ok(dkim.keys.length >= 1 && dkim.keys.every(k => k.private_key.includes('PRIVATE KEY')));
  });

  it('throws the surface\'s {"Errors": [{Code, Message}]} with its codes', async () => {
    const error = await meridian.emailDns.provider('').catch(e => e);
    assert.ok(error instanceof MeridianApiError, String(error));
    assert.ok(Array.isArray(error.body.Errors));
    assert.deepEqual(error.codes, [1]);
    const unknown = await meridian.emailDns.set({ Domain: emailDns.domain, Provider: emailDns.provider, RecordType: 'no-such-type' }).catch(e => e);
    assert.ok(unknown instanceof MeridianApiError, String(unknown));
    assert.equal(unknown.codes.length, 1);
  });
});
