// The ES module build in a real browser (headless Debian chromium): a page served from a loopback server that also
// forwards /api/* to the live fixture (same origin, as a partner's own backend-for-frontend would) imports
// dist/esm, makes a user, a domain and records (POST with an Idempotency-Key made by the browser's Web Crypto),
// lists them with for await and catches a typed 422. The page writes what happened into the DOM chromium dumps.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixture } from './support/fixture.mjs';

const CHROMIUM = '/usr/bin/chromium';
const distDir = fileURLToPath(new URL('../dist/esm/', import.meta.url));

const page = `<!doctype html><html><body><pre id="result">pending</pre><script type="module">
import { Meridian, UnprocessableEntityError } from '/sdk/index.js';
const out = document.getElementById('result');
try {
  const key = new URL(location.href).searchParams.get('key');
  const client = new Meridian({ apiKey: key, baseUrl: location.origin });
  const user = 'browser-' + crypto.randomUUID().slice(0, 8);
  await client.users.createSession({ user_identifier: user });
  const domain = await client.users.addDomain(user, { name: user + '.example' });
  await client.records.create({ domain_id: domain.id, type: 'A', name: 'www', value: '192.0.2.80' });
  await client.records.create({ domain_id: domain.id, type: 'TXT', name: 'www', value: 'from a browser' });
  const types = [];
  for await (const r of client.records.list(domain.id, { per_page: 1 })) types.push(r.type);
  let typed = false;
  try { await client.records.create({ domain_id: domain.id, type: 'A', name: 'x', value: 'bad', ttl: 0 }); }
  catch (e) { typed = e instanceof UnprocessableEntityError && e.status === 422 && e.body.errors.length === 2; }
  out.textContent = 'RESULT ' + JSON.stringify({ types: types.sort(), typed });
} catch (e) {
  out.textContent = 'FAILED ' + e.name + ': ' + e.message;
}
</script></body></html>`;

const CONTENT_TYPES = { '.js': 'text/javascript', '.html': 'text/html' };

describe('in a browser', () => {
  const fx = fixture();
  let server;
  let origin;
  const idempotencyKeys = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the browser test needs Debian's chromium package (./test.sh installs it)`);
    server = createServer(async (req, res) => {
      if (req.url === '/' || req.url.startsWith('/?')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(page);
      }
      if (req.url.startsWith('/sdk/')) {
        const file = normalize(join(distDir, req.url.slice('/sdk/'.length)));
        if (!file.startsWith(distDir) || !existsSync(file)) { res.writeHead(404); return res.end(); }
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
      // Everything else goes to the fixture's server, as it was asked.
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      if (req.headers['idempotency-key']) idempotencyKeys.push(req.headers['idempotency-key']);
      const headers = Object.fromEntries(['authorization', 'content-type', 'accept', 'idempotency-key']
        .filter(name => req.headers[name]).map(name => [name, req.headers[name]]));
      const answer = await fetch(fx.baseUrl + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise(done => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise(done => { server.closeAllConnections(); server.close(done); }));

  it('runs the ES module build against the live server', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'meridian-sdk-ts-chromium-'));
    try {
      const url = `${origin}/?key=${encodeURIComponent(fx.partner.productionKey)}`;
      const dom = await new Promise((done, fail) => execFile(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu',
        '--no-first-run', `--user-data-dir=${profile}`, '--virtual-time-budget=60000', '--dump-dom', url],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout))));
      const result = dom.match(/<pre id="result">([^<]*)<\/pre>/)?.[1] ?? dom;
      assert.ok(result.startsWith('RESULT '), `the page reported: ${result}`);
      assert.deepEqual(JSON.parse(result.slice('RESULT '.length).replace(/&quot;/g, '"')), { types: ['A', 'TXT'], typed: true });
      assert.ok(idempotencyKeys.length >= 3 && idempotencyKeys.every(k => /^[0-9a-f-]{36}$/.test(k)), `keys: ${idempotencyKeys}`);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
