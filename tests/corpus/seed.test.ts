import { describe, expect, it } from 'vitest';
import { main, textToDocument } from '@/lib/cli/scan';
import { defaultPack } from '@/lib/pack/default-pack';
import { scan } from '@/lib/pipeline/scan';
import { ScanResultSchema, type ScanResult } from '@/lib/pipeline/types';
import { readSeed, seedPath } from '../support/shared';

/**
 * The seed article (../shared/seeds/*.txt) is the source of the default thesis: scanned as
 * the checklist read on its own date, it must be relevant to both topics, touch nearly every
 * item, and its headline figures must match the pack's.
 */
const AS_OF = '2026-01-09';

describe('seed article', () => {
  const result: ScanResult = ScanResultSchema.parse(scan(textToDocument(readSeed()), defaultPack, { asOf: AS_OF }));
  const linked = new Set(result.claims.flatMap((claim) => claim.items.map((item) => item.id)));
  const checks = result.claims.flatMap((claim) => claim.checks.map((check) => ({ ...check, claim: claim.text })));

  it('is an article, dated by its visible date line, relevant to both topics', () => {
    expect(result.isArticle).toBe(true);
    expect(result.published).toBe('2026-01-09');
    expect(result.relevant).toBe(true);
    expect(result.topics).toEqual(expect.arrayContaining(['alibaba', 'h200-exports']));
  });

  it('links claims to at least 9 of the 11 checklist items', () => {
    const all = defaultPack.items.map((item) => item.id);
    expect(all).toHaveLength(11);
    const missing = all.filter((id) => !linked.has(id));
    expect(missing.length, `items with no claim: ${missing.join(', ')}`).toBeLessThanOrEqual(2);
  });

  it('checks 34% cloud growth and the RMB 380B plan as matching the pack', () => {
    const cloud = checks.filter((check) => check.itemId === 'cloud-revenue-growth' && /34/.test(check.claim));
    expect(cloud.map((check) => check.verdict), JSON.stringify(checks)).toContain('matches');
    const capex = checks.filter((check) => check.itemId === 'capex-commitment' && /380/.test(check.claim));
    expect(capex.map((check) => check.verdict), JSON.stringify(checks)).toContain('matches');
    expect(checks.filter((check) => /\b34%/.test(check.claim) && check.itemId === 'cloud-revenue-growth').every((c) => c.verdict === 'matches')).toBe(true);
  });

  it('the scan command gives the same result from the file', async () => {
    let stdout = '';
    const code = await main([seedPath(), '--json', '--as-of', AS_OF], { stdout: (t) => void (stdout += t), stderr: () => {} });
    expect(code).toBe(0);
    const fromCli = ScanResultSchema.parse(JSON.parse(stdout));
    expect(fromCli.claims.map((c) => [c.text, c.items])).toEqual(result.claims.map((c) => [c.text, c.items]));
    expect(fromCli.items).toEqual(result.items);
  });
});
