// The committed types (src/generated) must be what openapi-typescript makes of the documents the server serves now:
// a server change that alters a document fails here until `npm run generate -- <url>` is run and committed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { DOCUMENTS, GENERATED_DIR, renderTypes } from '../scripts/generate-types.mjs';
import { fixture } from './support/fixture.mjs';

describe('generated types', () => {
  it('match the OpenAPI documents the live server serves', async () => {
    const served = await renderTypes(fixture().baseUrl);
    assert.deepEqual([...served.keys()], DOCUMENTS.map(name => `${name}.ts`));
    for (const [file, text] of served) {
      const committed = await readFile(new URL(file, GENERATED_DIR), 'utf8');
      assert.ok(committed === text,
        `src/generated/${file} differs from what the server serves now: run \`npm run generate -- <server url>\` and commit it`);
    }
  });
});
