import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main, parseArgs } from '@/lib/cli/scan';
import { DIGEST_SCHEMA, type Digest } from '@/lib/evidence/digest';
import { ThesisEvidenceSchema } from '@/lib/evidence/schema';
import { repoRoot } from '../support/shared';

/**
 * `npm run scan -- <files…> --digest`: four saved articles written for this test (three sites,
 * one of them twice; two disagree on the March-quarter cloud growth) through the evidence rules.
 */

const pages = join(repoRoot, 'tests', 'fixtures', 'pages');
const digestPages = readdirSync(pages)
  .filter((name) => name.startsWith('digest-') && name.endsWith('.html'))
  .map((name) => join(pages, name));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('scan --digest', () => {
  it('takes the flag with the others', () => {
    expect(parseArgs(['a.html', '--digest', '--json'])).toMatchObject({ inputs: ['a.html'], digest: true, json: true });
  });

  it('reads the articles in date order and reports evidence, the conflict and the suggestion as JSON', async () => {
    expect(digestPages).toHaveLength(4);
    const { code, stdout, stderr } = await run([...digestPages, '--digest', '--json', '--as-of', '2026-06-30']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const digest = JSON.parse(stdout) as Digest;
    ThesisEvidenceSchema.parse(digest);
    expect(digest).toMatchObject({ schema: DIGEST_SCHEMA, asOf: '2026-06-30', notRelevant: [] });
    expect(digest.articles.map((a) => [a.date, a.site])).toEqual([
      ['2026-06-02', 'harbourwire.com'],
      ['2026-06-03', 'pacificledger.com'],
      ['2026-06-04', 'marketsdeskasia.com'],
      ['2026-06-09', 'harbourwire.com'],
    ]);
    expect(digest.statuses['h200-import-approval']).toBe('on-track');
    const approval = digest.items.find((item) => item.itemId === 'h200-import-approval')!;
    expect(approval).toMatchObject({ since: '2026-01-28', challengeSites: 3 });
    expect(digest.suggestions.find((s) => s.itemId === 'h200-import-approval')).toMatchObject({ from: 'on-track', to: 'at-risk', rule: 'catalyst-challenged', sites: 3 });
    const cloud = digest.conflicts.find((c) => c.measure === 'cloud-revenue-yoy');
    expect(cloud).toMatchObject({ itemId: 'cloud-revenue-growth', period: '2026-03-31', unit: 'percent' });
    expect(cloud!.reports.map((r) => [r.source.site, r.value])).toEqual([
      ['harbourwire.com', 38],
      ['pacificledger.com', 36],
    ]);
  });

  it('gives the same digest whatever the order of the files', async () => {
    const forward = JSON.parse((await run([...digestPages, '--digest', '--json', '--as-of', '2026-06-30'])).stdout) as Digest;
    const backward = JSON.parse((await run([...digestPages].reverse().concat(['--digest', '--json', '--as-of', '2026-06-30']))).stdout) as Digest;
    expect(backward.suggestions).toEqual(forward.suggestions);
    expect(backward.conflicts).toEqual(forward.conflicts);
    expect(backward.articles.map((a) => a.url)).toEqual(forward.articles.map((a) => a.url));
  });

  it('as of the first article, one site suggests nothing', async () => {
    const digest = JSON.parse((await run([...digestPages, '--digest', '--json', '--as-of', '2026-06-02'])).stdout) as Digest;
    expect(digest.articles).toHaveLength(1);
    expect(digest.afterAsOf).toHaveLength(3);
    expect(digest.suggestions.filter((s) => s.itemId === 'h200-import-approval')).toEqual([]);
    expect(digest.conflicts).toEqual([]);
  });

  it('prints a readable digest, and still covers the good files when one fails', async () => {
    const { code, stdout, stderr } = await run([...digestPages, join(pages, 'no-such-page.html'), join(pages, 'neg-hyundai-h200-van.html'), '--digest', '--as-of', '2026-06-30']);
    expect(code).toBe(3);
    expect(stderr).toContain('no such file');
    expect(stderr).toContain('1 of 6 inputs failed');
    expect(stdout).toContain('4 relevant articles from 3 sites (1 not relevant)');
    expect(stdout).toContain('suggested: on-track → at-risk (3 separate sites)');
    expect(stdout).toContain('Sources that disagree:');
    expect(stdout).toMatch(/38% \(38\) — harbourwire\.com, 2026-06-02/);
  });
});
