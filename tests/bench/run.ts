import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection, BenchValue } from './bench';

/**
 * `npm run bench [-- name…]`: runs every tests/bench/*.bench.ts (or those whose file name
 * contains one of the given names), prints each section as a table, and writes all of them
 * to bench-results/latest.json.
 */

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const filters = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

function format(value: BenchValue | undefined): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? String(value) : value;
}

function printSection(section: BenchSection): void {
  const columns = section.columns ?? Object.keys(section.rows[0] ?? {});
  const cells = section.rows.map((row) => columns.map((column) => format(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join('  ');
  console.log(`\n## ${section.title}\n`);
  console.log(line(columns));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells) console.log(line(row));
  for (const note of section.notes ?? []) console.log(`  · ${note}`);
}

const sections: Array<BenchSection & { module: string }> = [];
let failed = 0;
for (const name of modules) {
  const module = (await import(pathToFileURL(join(here, name)).href)) as { run?: () => Promise<BenchSection> };
  if (typeof module.run !== 'function') {
    console.error(`${name}: exports no run() function`);
    failed++;
    continue;
  }
  try {
    const section = await module.run();
    printSection(section);
    sections.push({ module: name, ...section });
  } catch (error) {
    failed++;
    console.error(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

const out = join(repoRoot, 'bench-results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? null, cores: cpus().length, sections }, null, 2)}\n`,
);
console.log(`\nWrote ${out}`);
if (modules.length === 0) console.error(`No bench module matches ${filters.join(', ')}`);
process.exitCode = failed > 0 || modules.length === 0 ? 1 : 0;
