import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './bench';

/**
 * What a relevant news page loads (the gate, the lens and the clipper) against the 60 KB
 * gzipped budget of the reading issue (below Hypothesis's annotator plus our gate), and what
 * stays in the extension (the background, where the packs and the learned model live; the
 * panel's frame). Sizes of the production Chromium build.
 */

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const PAGE_BUDGET_GZIP = 60 * 1024;

function buildDir(): { dir: string; built: string } {
  const dir = resolve(repoRoot, process.env.THESIS_LENS_EXT_DIR ?? '.output/chrome-mv3');
  if (existsSync(join(dir, 'content-scripts', 'lens.js'))) return { dir, built: 'existing build' };
  const outDir = mkdtempSync(join(tmpdir(), 'thesis-lens-sizes-'));
  execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, env: { ...process.env, THESIS_LENS_OUT_DIR: outDir }, stdio: 'ignore' });
  return { dir: join(outDir, 'chrome-mv3'), built: 'built for this run' };
}

const sizeOf = (path: string) => {
  const raw = readFileSync(path);
  return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
};

export async function run(): Promise<BenchSection> {
  const { dir, built } = buildDir();
  const rows: BenchSection['rows'] = [];
  let pageTotal = 0;
  for (const script of ['gate', 'lens', 'clipper']) {
    const size = sizeOf(join(dir, 'content-scripts', `${script}.js`));
    pageTotal += size.gzip;
    rows.push({ bundle: `content-scripts/${script}.js`, 'raw (bytes)': size.raw, 'gzip (bytes)': size.gzip, 'share of page budget': Math.round((size.gzip / PAGE_BUDGET_GZIP) * 1000) / 1000 });
  }
  rows.push({ bundle: 'a relevant page loads (sum)', 'raw (bytes)': null, 'gzip (bytes)': pageTotal, 'share of page budget': Math.round((pageTotal / PAGE_BUDGET_GZIP) * 1000) / 1000 });
  const background = sizeOf(join(dir, 'background.js'));
  rows.push({ bundle: 'background.js (not loaded by pages)', 'raw (bytes)': background.raw, 'gzip (bytes)': background.gzip, 'share of page budget': null });
  return {
    title: 'Bundle sizes: what a relevant page loads, against the 60 KB gzip budget',
    columns: ['bundle', 'raw (bytes)', 'gzip (bytes)', 'share of page budget'],
    rows,
    notes: [`Build: ${dir} (${built}). The pipeline's claim stage, the packs and the learned model run in the background (lens/analyze).`],
  };
}
