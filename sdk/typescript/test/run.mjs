// Runs the whole suite: starts the shared SDK fixture (sdk/fixture/start.sh, or MERIDIAN_SDK_FIXTURE) once, hands its
// JSON line to every test file in MERIDIAN_SDK_FIXTURE_JSON, runs `node --test`, and stops the fixture by closing its
// stdin. Writes `passed=N failed=N skipped=N` to $MERIDIAN_SDK_RESULTS/sdk-typescript.counts when that is set.
//   node test/run.mjs [test files…]        (default: every test/*.test.mjs)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixturePath = process.env.MERIDIAN_SDK_FIXTURE ?? join(packageDir, '..', 'fixture', 'start.sh');
const files = process.argv.length > 2 ? process.argv.slice(2)
  : readdirSync(join(packageDir, 'test')).filter(name => name.endsWith('.test.mjs')).sort().map(name => join('test', name));

/** Starts the fixture and resolves with its JSON line; rejects with its stderr if it exits first. */
function startFixture() {
  const child = spawn(fixturePath, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-8000); });
  const ready = new Promise((resolve, reject) => {
    child.on('error', error => reject(new Error(`cannot run the SDK fixture ${fixturePath}: ${error.message}`)));
    child.on('exit', code => reject(new Error(`the SDK fixture ${fixturePath} exited (${code}) before it was ready:\n${stderr}`)));
    createInterface({ input: child.stdout }).once('line', line => resolve(line));
  });
  return { child, ready };
}

function writeCounts(counts) {
  const dir = process.env.MERIDIAN_SDK_RESULTS;
  const line = `passed=${counts.pass} failed=${counts.fail} skipped=${counts.skipped}`;
  if (dir) writeFileSync(join(dir, 'sdk-typescript.counts'), line + '\n');
  console.log(`sdk-typescript: ${line}`);
}

let fixture;
let exitCode = 1;
const counts = { pass: 0, fail: 1, skipped: 0 };
try {
  fixture = startFixture();
  const json = await fixture.ready;
  JSON.parse(json); // a fixture that prints anything else fails here, by name
  const tapDir = mkdtempSync(join(tmpdir(), 'meridian-sdk-ts-'));
  const tapFile = join(tapDir, 'results.tap');
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
  { cwd: packageDir, stdio: 'inherit', env: { ...process.env, MERIDIAN_SDK_FIXTURE_JSON: json } });
  const code = await new Promise(resolve => tests.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  const tap = readFileSync(tapFile, 'utf8');
  rmSync(tapDir, { recursive: true, force: true });
  const total = name => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  counts.pass = total('pass');
  counts.fail = total('fail') + total('cancelled');
  counts.skipped = total('skipped') + total('todo');
  if (code !== 0 && counts.fail === 0) counts.fail = 1; // the runner failed without a failing test: still a failure
  exitCode = counts.fail > 0 ? 1 : 0;
} catch (error) {
  console.error(`sdk-typescript: ${error.message}`);
} finally {
  writeCounts(counts);
  if (fixture) {
    fixture.child.stdin.end();
    const timer = setTimeout(() => fixture.child.kill('SIGTERM'), 30_000);
    await new Promise(resolve => (fixture.child.exitCode !== null ? resolve() : fixture.child.on('exit', resolve)));
    clearTimeout(timer);
  }
}
process.exit(exitCode);
