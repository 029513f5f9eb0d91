// The shared SDK fixture's description (see sdk/fixture and test/run.mjs) and helpers for the live tests.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** The fixture's JSON line; the live tests run under test/run.mjs, which starts the fixture. */
export function fixture() {
  const json = process.env.MERIDIAN_SDK_FIXTURE_JSON;
  if (!json) throw new Error('the live tests need the SDK fixture: run them with `npm test` (test/run.mjs starts sdk/fixture/start.sh)');
  return JSON.parse(json);
}

/** A name no other run uses, for users and domains. */
export function unique(prefix) {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** What the DNS server answers for name/type: the answer's data, one string per record (`dig +short`). */
export function dig(server, name, type) {
  const output = execFileSync('dig', [`@${server.host}`, '-p', String(server.port), '+short', '+tries=1', '+time=3', name, type], { encoding: 'utf8' });
  return output.split('\n').map(line => line.trim()).filter(Boolean).sort();
}

/** Asks until the DNS server gives the expected answer (publishing follows the API's answer by a moment), then
 *  returns what it last answered, for the test's assertion. Waits at most about 10 s. */
export async function digUntil(server, name, type, expected) {
  let answer = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    answer = dig(server, name, type);
    if (JSON.stringify(answer) === JSON.stringify([...expected].sort())) return answer;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return answer;
}
