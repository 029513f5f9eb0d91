// A `meridian serve` of the test's own (the real executable the solution build made, on a fresh data directory), for
// what the shared fixture does not hand out: its admin key. Stopped by stop().
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

function repositoryRoot() {
  const fixture = process.env.MERIDIAN_SDK_FIXTURE;
  return fixture ? resolve(dirname(fixture), '..', '..') : resolve(new URL('../../../..', import.meta.url).pathname);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    }).on('error', fail);
  });
}

/** Starts the server; resolves with { baseUrl, adminKey, stop } once it answers HTTP. */
export async function startOwnServer() {
  const dll = join(repositoryRoot(), 'artifacts', 'bin', 'Meridian.Server', 'release', 'meridian.dll');
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build the solution first (dotnet build Meridian.sln -c Release)`);
  const data = mkdtempSync(join(tmpdir(), 'meridian-sdk-ts-admin-'));
  const port = await freePort();
  const child = spawn('dotnet', [dll, 'serve', '--data', data, '--http', `127.0.0.1:${port}`, '--dns', '127.0.0.1:0',
    '--Dns:SandboxListen=off'], { cwd: data, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const adminKey = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`meridian serve did not print its admin key:\n${output}`)), 60_000);
    const read = chunk => {
      output = (output + chunk).slice(-20_000);
      const key = output.match(/^(mk_live_\S+)$/m)?.[1];
      if (key && /Now listening on/.test(output)) { clearTimeout(timer); done(key); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', code => { clearTimeout(timer); fail(new Error(`meridian serve exited (${code}):\n${output}`)); });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise(done => child.on('exit', done));
    }
    rmSync(data, { recursive: true, force: true });
  };
  return { baseUrl: `http://127.0.0.1:${port}`, adminKey, stop };
}
