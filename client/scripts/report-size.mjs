// Prints every built chunk with its gzipped size, and the initial JS (entry + modulepreloads),
// failing when the initial JS is over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = new URL('../dist/', import.meta.url).pathname;
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]),
);

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8);
const rows = readdirSync(assets)
  .filter((name) => name.endsWith('.js') || name.endsWith('.css'))
  .map((name) => {
    const content = readFileSync(join(assets, name));
    return { name, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

console.log('\nBundle sizes (KB)        raw     gzip');
for (const row of rows) {
  const flag = initial.has(row.name) ? ' (initial)' : '';
  console.log(`  ${row.name.padEnd(40)}${kb(row.raw)} ${kb(row.gzip)}${flag}`);
}
const initialGzip = rows.filter((row) => initial.has(row.name)).reduce((sum, row) => sum + row.gzip, 0);
console.log(`\nInitial JS: ${(initialGzip / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (initialGzip / 1024 > BUDGET_KB) {
  console.error(`Initial JS is over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
