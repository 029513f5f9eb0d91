// Construction rules: where the key, environment and server come from, and what is refused before any request.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Meridian, MeridianConfigurationError, PocketDNS, SimpleClient } from 'meridian-dns';

const ENV_NAMES = ['MERIDIAN_API_KEY', 'POCKETDNS_API_KEY', 'MERIDIAN_BASE_URL', 'MERIDIAN_SANDBOX_BASE_URL',
  'MERIDIAN_SIMPLE_TOKEN', 'MERIDIAN_SIMPLE_BASE_URL'];
let saved;
beforeEach(() => {
  saved = Object.fromEntries(ENV_NAMES.map(name => [name, process.env[name]]));
  for (const name of ENV_NAMES) delete process.env[name];
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]; else process.env[name] = value;
  }
});

/** A fetch that fails the test if the client sends anything. */
const noRequests = () => assert.fail('no request may be sent');

describe('construction', () => {
  it('takes the key and server from the options', () => {
    const client = new Meridian({ apiKey: 'mk_live_a_b', baseUrl: 'https://dns.example.net/' });
    assert.equal(client.environment, 'production');
    assert.equal(client.baseUrl, 'https://dns.example.net');
  });

  it('reads MERIDIAN_API_KEY and MERIDIAN_BASE_URL', () => {
    process.env.MERIDIAN_API_KEY = 'mk_live_env_key';
    process.env.MERIDIAN_BASE_URL = 'https://env.example.net';
    assert.equal(new Meridian().baseUrl, 'https://env.example.net');
  });

  it('reads POCKETDNS_API_KEY only when MERIDIAN_API_KEY is unset', async () => {
    process.env.POCKETDNS_API_KEY = 'mk_test_pocket';
    const seen = [];
    const fetch = async (url, init) => { seen.push(init.headers.Authorization); return new Response('{"domains":[]}'); };
    await new Meridian({ baseUrl: 'https://dns.example.net', environment: 'sandbox', fetch }).users.listDomains('u').all();
    process.env.MERIDIAN_API_KEY = 'mk_test_meridian';
    await new Meridian({ baseUrl: 'https://dns.example.net', environment: 'sandbox', fetch }).users.listDomains('u').all();
    assert.deepEqual(seen, ['Bearer mk_test_pocket', 'Bearer mk_test_meridian']);
  });

  it('refuses to start without a key or without a server, naming what is missing', () => {
    assert.throws(() => new Meridian({ baseUrl: 'https://dns.example.net' }), /MERIDIAN_API_KEY/);
    assert.throws(() => new Meridian({ apiKey: 'mk_live_x' }), e => e instanceof MeridianConfigurationError && /baseUrl/.test(e.message));
    assert.throws(() => new Meridian({ apiKey: 'mk_live_x', baseUrl: 'dns.example.net' }), /absolute URL/);
    assert.throws(() => new Meridian({ apiKey: 'mk_live_x', baseUrl: 'https://a.example', environment: 'staging' }), /production' or 'sandbox/);
  });

  it('refuses a mk_test_ key with environment production before any request', () => {
    assert.throws(
      () => new Meridian({ apiKey: 'mk_test_abc_def', environment: 'production', baseUrl: 'https://dns.example.net', fetch: noRequests }),
      e => e instanceof MeridianConfigurationError && /sandbox key/.test(e.message));
  });

  it('puts api.sandbox. in front of the production host for the sandbox', () => {
    const client = new Meridian({ apiKey: 'mk_test_a_b', environment: 'sandbox', baseUrl: 'https://dns.example.net:8443/' });
    assert.equal(client.baseUrl, 'https://api.sandbox.dns.example.net:8443');
    // The spec's pair: api.pocketdns.com and api.sandbox.pocketdns.com (the other SDKs read it the same way).
    assert.equal(new Meridian({ apiKey: 'mk_test_a_b', environment: 'sandbox', baseUrl: 'https://api.example.net' }).baseUrl,
      'https://api.sandbox.example.net');
  });

  it('uses sandboxBaseUrl (or MERIDIAN_SANDBOX_BASE_URL) when given', () => {
    const options = { apiKey: 'mk_test_a_b', environment: 'sandbox', baseUrl: 'http://127.0.0.1:8080' };
    assert.equal(new Meridian({ ...options, sandboxBaseUrl: 'http://127.0.0.2:8080' }).baseUrl, 'http://127.0.0.2:8080');
    process.env.MERIDIAN_SANDBOX_BASE_URL = 'http://127.0.0.3:8080';
    assert.equal(new Meridian(options).baseUrl, 'http://127.0.0.3:8080');
  });

  it('asks for sandboxBaseUrl when the production URL is an IP address', () => {
    assert.throws(() => new Meridian({ apiKey: 'mk_test_a_b', environment: 'sandbox', baseUrl: 'http://127.0.0.1:8080' }), /sandboxBaseUrl/);
  });

  it('takes the environment from the key when none is given', () => {
    assert.equal(new Meridian({ apiKey: 'mk_test_a_b', baseUrl: 'https://dns.example.net' }).environment, 'sandbox');
    assert.equal(new Meridian({ apiKey: 'mk_live_a_b', baseUrl: 'https://dns.example.net' }).environment, 'production');
  });

  it('never shows its key or token when logged', () => {
    const client = new Meridian({ apiKey: 'mk_live_abc_secretpart', baseUrl: 'https://dns.example.net', simpleToken: 'jwt.secret.token' });
    client.simple;
    const shown = inspect(client, { depth: Infinity, showHidden: true }) + JSON.stringify(client);
    assert.ok(!shown.includes('secretpart') && !shown.includes('jwt.secret.token'), shown);
  });

  it('exports PocketDNS as the same class as Meridian', () => {
    assert.equal(PocketDNS, Meridian);
    assert.ok(new PocketDNS({ apiKey: 'mk_live_a', baseUrl: 'https://dns.example.net' }) instanceof Meridian);
  });

  it('builds the Simple API from a JWT, at {baseUrl}/simple unless told otherwise', async () => {
    const seen = [];
    const fetch = async (url, init) => { seen.push([url, init.headers.Authorization]); return new Response('{"data":{"id":"sdk","type":"user"},"meta":{"status":200}}'); };
    const client = new Meridian({ apiKey: 'mk_live_a', baseUrl: 'https://dns.example.net', simpleToken: 'jwt.token.here', fetch });
    assert.deepEqual(await client.simple.whoami(), { id: 'sdk', type: 'user' });
    await new SimpleClient({ token: 'other.jwt', baseUrl: 'https://simple.example.net/', fetch }).whoami();
    assert.deepEqual(seen, [['https://dns.example.net/simple/whoami', 'Bearer jwt.token.here'], ['https://simple.example.net/whoami', 'Bearer other.jwt']]);
    assert.throws(() => new Meridian({ apiKey: 'mk_live_a', baseUrl: 'https://dns.example.net' }).simple, /simpleToken/);
  });
});
