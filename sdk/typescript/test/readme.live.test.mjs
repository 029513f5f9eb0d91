// Runs every ```js example of README.md against the live fixture, each as its own ES module importing the package
// by name (a package may import itself), with the environment variables the README says the examples read.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixture } from './support/fixture.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map(match => match[1]);
const scratch = new URL('./.readme-examples/', import.meta.url);

describe('README examples', () => {
  const fx = fixture();
  const env = {
    ...process.env,
    MERIDIAN_BASE_URL: fx.baseUrl,
    MERIDIAN_API_KEY: fx.partner.productionKey,
    POCKETDNS_API_KEY: fx.partner.productionKey,
    MERIDIAN_SANDBOX_KEY: fx.partner.sandboxKey,
    MERIDIAN_SANDBOX_BASE_URL: fx.sandboxBaseUrl,
    MERIDIAN_EMAIL_DNS_KEY: fx.emailDns.apiKey,
    MAIL_DOMAIN: fx.emailDns.domain,
    MAIL_RECORD_TYPE: fx.emailDns.recordType,
    CLOUDFLARE_API_KEY: fx.emailDns.authorize.ApiKey,
    MERIDIAN_SIMPLE_TOKEN: fx.simple.token,
    MERIDIAN_SIMPLE_BASE_URL: fx.simple.baseUrl,
  };
  mkdirSync(scratch, { recursive: true });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('has examples to run', () => {
    assert.ok(examples.length >= 8, `found ${examples.length}`);
  });

  examples.forEach((code, index) => {
    const title = code.split('\n').find(line => line.includes('new ') || line.includes('await ')) ?? code.split('\n')[0];
    it(`example ${index + 1} runs: ${title.trim()}`, () => {
      const file = new URL(`example-${index + 1}.mjs`, scratch);
      writeFileSync(file, code);
      try {
        execFileSync(process.execPath, [fileURLToPath(file)], { env, encoding: 'utf8', stdio: 'pipe', timeout: 120_000 });
      } catch (error) {
        assert.fail(`README example ${index + 1} failed:\n${code}\n--- stderr:\n${error.stderr}\n--- stdout:\n${error.stdout}`);
      }
    });
  });
});
