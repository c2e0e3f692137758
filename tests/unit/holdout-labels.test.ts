import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain node script without type declarations
import { checkLabels, pageText } from '../holdout/check-labels.mjs';

const holdout = path.join(__dirname, '..', 'holdout');
const holdout2 = path.join(__dirname, '..', 'holdout-2');
const holdout3 = path.join(__dirname, '..', 'holdout-3');
const holdout4 = path.join(__dirname, '..', 'holdout-4');

describe('the held-out set (tests/holdout)', () => {
  it('is well-formed: pages exist, every quote occurs once, ids and stances are valid', () => {
    expect(checkLabels(holdout)).toEqual([]);
  });
});

describe('the second held-out set (tests/holdout-2)', () => {
  it('is well-formed: pages exist, every quote occurs once, ids and stances are valid', () => {
    expect(checkLabels(holdout2)).toEqual([]);
  });
});

describe('the third held-out set (tests/holdout-3)', () => {
  it('is well-formed: pages exist, every quote occurs once, ids and stances are valid', () => {
    expect(checkLabels(holdout3)).toEqual([]);
  });
});

describe('the fourth held-out set (tests/holdout-4)', () => {
  it('is well-formed: pages exist, every quote occurs once, ids and stances are valid', () => {
    expect(checkLabels(holdout4)).toEqual([]);
  });
});

describe('the label checker', () => {
  const makeSet = (labels: unknown, pages: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'holdout-check-'));
    mkdirSync(path.join(dir, 'pages'));
    for (const [name, html] of Object.entries(pages)) writeFileSync(path.join(dir, 'pages', name), html);
    writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(labels));
    return dir;
  };
  const page = '<html><head><script>var x = "Cloud revenue rose";</script></head><body><p>Cloud revenue rose 34% in the quarter, the company said. Cloud revenue rose again later.</p></body></html>';
  const entry = (claims: unknown[]) => [{ file: 'a.html', relevant: true, topics: ['alibaba'], lang: 'en', published: '2025-11-25', claims }];

  it('accepts a quote that occurs once, ignoring scripts', () => {
    const dir = makeSet(entry([{ quote: 'rose 34% in the quarter', items: ['cloud-revenue-growth'], stance: 'supports', figure: { value: 34, unit: 'percent', verdict: 'matches' } }]), { 'a.html': page });
    expect(checkLabels(dir)).toEqual([]);
  });

  it('rejects a quote found twice, an unknown item, a bad stance, a short quote and a bad figure', () => {
    const dir = makeSet(entry([
      { quote: 'Cloud revenue rose', items: ['cloud-growth'], stance: 'positive' },
      { quote: 'rose 34%', items: ['cloud-revenue-growth'], stance: 'supports', figure: { value: '34', unit: 'pct', verdict: 'same' } },
    ]), { 'a.html': page });
    const problems = checkLabels(dir).join('\n');
    expect(problems).toMatch(/occurs 2 times/);
    expect(problems).toMatch(/unknown item cloud-growth/);
    expect(problems).toMatch(/stance must be/);
    expect(problems).toMatch(/8 characters/);
    expect(problems).toMatch(/figure.value/);
    expect(problems).toMatch(/figure.unit/);
    expect(problems).toMatch(/figure.verdict/);
  });

  it('rejects a missing page, a negative with claims and a page without an entry', () => {
    const dir = makeSet([
      { file: 'missing.html', relevant: true, topics: ['alibaba'], lang: 'en', published: '2025-01-01', claims: [] },
      { file: 'a.html', relevant: false, topics: ['alibaba'], lang: 'en', published: '2025-01-01', claims: [{ quote: 'rose 34% in the quarter', items: ['cloud-revenue-growth'], stance: 'supports' }] },
    ], { 'a.html': page, 'b.html': page });
    const problems = checkLabels(dir).join('\n');
    expect(problems).toMatch(/missing.html.*does not exist/);
    expect(problems).toMatch(/a negative has no topics and no claims/);
    expect(problems).toMatch(/pages\/b.html has no entry/);
  });

  it('takes text without markup and decodes entities', () => {
    expect(pageText('<p>Alibaba&rsquo;s <b>cloud</b></p><style>p{}</style>').replace(/\s+/g, ' ').trim()).toBe('Alibaba\u2019s cloud');
  });
});
