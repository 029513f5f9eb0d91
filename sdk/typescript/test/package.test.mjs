// `npm pack` makes a package that installs on its own and works both ways: import (ESM) and require (CommonJS),
// with type declarations a TypeScript consumer compiles against.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm pack', () => {
  let work;
  let consumer;
  let files;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'meridian-dns-pack-'));
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], packageDir));
    files = packed[0].files.map(f => f.path);
    consumer = join(work, 'consumer');
    execFileSync('mkdir', [consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    const tarball = readdirSync(work).find(name => name.endsWith('.tgz'));
    npm(['install', '--no-audit', '--no-fund', '--offline', join(work, tarball)], consumer);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the builds, declarations and README, and no tests or sources', () => {
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'README.md', 'package.json']) {
      assert.ok(files.includes(file), `${file} missing from the package`);
    }
    assert.ok(!files.some(f => f.startsWith('test/') || f.startsWith('src/')), files.join(', '));
  });

  it('has no runtime dependencies', () => {
    const manifest = createRequire(join(consumer, 'x.js'))('meridian-dns/package.json');
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(readdirSync(join(consumer, 'node_modules')).filter(name => !name.startsWith('.')), ['meridian-dns']);
  });

  it('imports as an ES module and requires as CommonJS', () => {
    const check = "if (typeof m.Meridian !== 'function' || m.PocketDNS !== m.Meridian || typeof m.RateLimitError !== 'function') throw new Error('bad exports');"
      + "const c = new m.Meridian({ apiKey: 'mk_live_x', baseUrl: 'https://dns.example.net' }); if (typeof c.users.createSession !== 'function') throw new Error('no users');"
      + "console.log(c.baseUrl)";
    writeFileSync(join(consumer, 'esm.mjs'), `import * as m from 'meridian-dns'; ${check}`);
    writeFileSync(join(consumer, 'cjs.cjs'), `const m = require('meridian-dns'); ${check}`);
    assert.equal(execFileSync(process.execPath, ['esm.mjs'], { cwd: consumer, encoding: 'utf8' }).trim(), 'https://dns.example.net');
    assert.equal(execFileSync(process.execPath, ['cjs.cjs'], { cwd: consumer, encoding: 'utf8' }).trim(), 'https://dns.example.net');
    const esmError = execFileSync(process.execPath, ['--input-type=module', '-e',
      "import { MeridianError } from 'meridian-dns'; import { createRequire } from 'node:module'; const cjs = createRequire(import.meta.url)('meridian-dns'); console.log(typeof MeridianError, typeof cjs.MeridianError)"],
    { cwd: consumer, encoding: 'utf8' });
    assert.equal(esmError.trim(), 'function function');
  });

  it('type-checks a TypeScript consumer in both module systems', () => {
    const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
    const source = "import { Meridian, PocketDNS, UnprocessableEntityError, type PartnerRecord } from 'meridian-dns';\n"
      + "const client: Meridian = new PocketDNS({ apiKey: 'mk_live_x', environment: 'production', baseUrl: 'https://dns.example.net' });\n"
      + "export async function run(): Promise<string> {\n"
      + "  const session = await client.users.createSession({ user_identifier: 'u', email: 'u@example.com' });\n"
      + "  const domain = await client.users.addDomain('u', { name: 'example.com' });\n"
      + "  const record: PartnerRecord = await client.records.create({ domain_id: domain.id, type: 'A', name: 'www', value: '192.0.2.1', ttl: 300 });\n"
      + "  for await (const r of client.records.list(domain.id)) console.log(r.ttl.toFixed(0));\n"
      + "  try { await client.records.get(record.id); } catch (e) { if (e instanceof UnprocessableEntityError) return String(e.status); }\n"
      + "  return session.login_url;\n}\n";
    /** Compiles one file with its own tsconfig (--types cannot be emptied on the command line). */
    const compile = (file, module) => {
      writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], module, moduleResolution: module },
        files: [file],
      }));
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
    };
    for (const [file, module] of [['consumer.mts', 'NodeNext'], ['consumer.cts', 'NodeNext'], ['consumer.ts', 'Node16']]) {
      writeFileSync(join(consumer, file), source);
      compile(file, module);
    }
    // A wrong call must not compile: the declarations really constrain the consumer.
    writeFileSync(join(consumer, 'wrong.mts'), "import { Meridian } from 'meridian-dns';\nnew Meridian({}).records.create({ domain_id: 1 });\n");
    assert.throws(() => compile('wrong.mts', 'NodeNext'), e => /domain_id|not assignable/.test(String(e.stdout)));
  });
});
