// Fails when src/lib/api/schema.d.ts is not what `npm run gen:api` would generate from docs/openapi.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = join(root, '..', 'docs', 'openapi.json');
const committed = join(root, 'src', 'lib', 'api', 'schema.d.ts');

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} is missing; the API writes it (see the server's OpenAPI setup).`);
  process.exit(1);
}
if (!existsSync(committed)) {
  console.error('check:api: src/lib/api/schema.d.ts is missing: run `npm run gen:api` and commit it.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'spoc-check-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), spec, '-o', fresh], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const normalize = (text) => text.replace(/\r\n/g, '\n');
  if (normalize(readFileSync(fresh, 'utf8')) !== normalize(readFileSync(committed, 'utf8'))) {
    console.error(
      'check:api: src/lib/api/schema.d.ts is stale: docs/openapi.json changed. Run `npm run gen:api` in client/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('check:api: src/lib/api/schema.d.ts matches docs/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
