// Builds dist/esm (ES modules) and dist/cjs (CommonJS), each with .d.ts, from src/ with tsc. dist/cjs gets its own
// package.json saying "commonjs", so Node reads its .js files as CommonJS inside this "type": "module" package.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(new URL('dist', root), { recursive: true, force: true });
for (const project of ['tsconfig.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
}
writeFileSync(new URL('dist/cjs/package.json', root), JSON.stringify({ type: 'commonjs' }) + '\n');
writeFileSync(new URL('dist/esm/package.json', root), JSON.stringify({ type: 'module' }) + '\n');
