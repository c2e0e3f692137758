import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `../shared/` is: THESIS_LENS_SHARED overrides. Suites that need it call
 * `sharedDir()`, which throws (failing the suite loudly) when the folder is missing.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(): string {
  const dir = resolve(process.env.THESIS_LENS_SHARED ?? join(repoRoot, '..', 'shared'));
  if (!existsSync(join(dir, 'seeds')) || !existsSync(join(dir, 'corpus', 'readability-pages'))) {
    throw new Error(
      `The shared folder is missing or incomplete at ${dir} (expected seeds/ and corpus/readability-pages/). ` +
        'Set THESIS_LENS_SHARED to its path.',
    );
  }
  return dir;
}

export function seedPath(): string {
  const dir = join(sharedDir(), 'seeds');
  const file = readdirSync(dir).find((name) => name.endsWith('.txt'));
  if (!file) throw new Error(`No seed article (*.txt) in ${dir}`);
  return join(dir, file);
}

export function readSeed(): string {
  return readFileSync(seedPath(), 'utf8');
}

export interface CorpusPage {
  name: string;
  html: string;
  expected: { title?: string; readerable?: boolean } | null;
}

export function corpusPages(): CorpusPage[] {
  const dir = join(sharedDir(), 'corpus', 'readability-pages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .map((entry) => {
      const metaPath = join(dir, entry.name, 'expected-metadata.json');
      return {
        name: entry.name,
        html: readFileSync(join(dir, entry.name, 'source.html'), 'utf8'),
        expected: existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export { repoRoot };
