// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { CandidateFigure, EvidenceClaim, EvidenceSource, FigureConflict, ItemEvidence, StatusSuggestion, ThesisEvidence } from '@/lib/evidence/schema';
import { ItemEvidenceView, evidenceOfItem, ruleText, type ItemEvidenceProps } from '@/components/evidence/ItemEvidence';
import { formatDate } from '@/components/status/labels';
import { useUiLocale } from '../../support/i18n';
import { mount } from '../../support/mount';

const source = (site: string, date: string, title = `Report on ${site}`): EvidenceSource => ({ pageKey: `https://www.${site}/a/${date}`, url: `https://www.${site}/a/${date}`, title, site, date });
const claim = (text: string, stance: EvidenceClaim['stance'], site: string, date: string, hedged = false): EvidenceClaim => ({ text, stance, hedged, source: source(site, date) });

const supports = [
  claim('Beijing approved the first H200 import licences.', 'supports', 'reuters.com', '2026-03-02'),
  claim('The first H200 servers cleared customs in Shanghai.', 'supports', 'cnbc.com', '2026-03-03'),
  claim('Licences were granted to three cloud providers.', 'supports', 'reuters.com', '2026-03-04'),
];
const challenges = [claim('Some shipments may still be held for inspection.', 'challenges', 'scmp.com', '2026-03-05', true)];
const evidence: ItemEvidence = { itemId: 'h200-import-approval', since: '2026-01-12', supports, challenges, supportSites: 2, challengeSites: 1 };
const suggestion: StatusSuggestion = {
  itemId: 'h200-import-approval',
  from: 'pending',
  to: 'on-track',
  rule: 'catalyst-supported',
  basis: supports,
  sites: 2,
  fingerprint: 'pending>on-track:abcd1234',
};
const conflict: FigureConflict = {
  itemId: 'h200-import-approval',
  measure: 'cloud revenue growth',
  period: '2026-03-31',
  unit: '%',
  reports: [
    { value: 34, figure: '34%', text: 'Cloud revenue grew 34%.', source: source('reuters.com', '2026-03-02') },
    { value: 35, figure: '35%', text: 'Cloud revenue grew 35%.', source: source('cnbc.com', '2026-03-03') },
  ],
};
const candidate: CandidateFigure = {
  id: 'h200-import-approval/units/2026-06-30/50000',
  itemId: 'h200-import-approval',
  measure: 'H200 units shipped',
  period: '2026-06-30',
  unit: 'units',
  value: 50000,
  reports: [{ value: 50000, figure: '50,000 units', text: 'About 50,000 units are due.', source: source('cnbc.com', '2026-03-03') }],
};

function props(change: Partial<ItemEvidenceProps> = {}): ItemEvidenceProps {
  return {
    itemTitle: 'H200 import approval',
    idPrefix: 'thesis-h200',
    evidence,
    conflicts: [conflict],
    candidates: [candidate],
    suggestion,
    onApply: vi.fn(async () => {}),
    onDismiss: vi.fn(async () => {}),
    onAddFigure: vi.fn(async () => {}),
    ...change,
  };
}

const buttonNamed = (host: HTMLElement, text: string) => [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text)!;

describe('an item’s evidence on the checklist page', () => {
  it('groups the claims since the last status into supports and challenges, each with its site, title link and date, and counts separate sites', () => {
    const host = mount(<ItemEvidenceView {...props({ suggestion: undefined })} />);
    expect(host.querySelector('h5')!.textContent).toBe(`Since its last status (${formatDate('2026-01-12')})`);
    const sides = [...host.querySelectorAll('.tl-ev-side__count')].map((p) => p.textContent);
    expect(sides).toEqual(['▲Supports 3 claims from 2 sites', '▼Challenges 1 claim from 1 site']);
    // Short lists are open; a long one is folded under its count.
    expect([...host.querySelectorAll<HTMLDetailsElement>('details.tl-ev-side')].map((d) => d.open)).toEqual([true, true]);
    const many = mount(<ItemEvidenceView {...props({ suggestion: undefined, evidence: { ...evidence, supports: [...supports, ...supports] } })} />);
    expect(many.querySelector<HTMLDetailsElement>('details.tl-ev-side--supports')!.open).toBe(false);
    const first = host.querySelector('.tl-ev-side--supports .tl-ev-claim')!;
    expect(first.querySelector('q')!.textContent).toBe('Beijing approved the first H200 import licences.');
    expect(first.querySelector('.tl-ev-source__site')!.textContent).toBe('reuters.com');
    expect(first.querySelector('a')!.getAttribute('href')).toBe('https://www.reuters.com/a/2026-03-02');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-02');
    expect(host.querySelector('.tl-ev-side--challenges')!.textContent).toContain('(hedged)');
  });

  it('puts sources that disagree side by side: value, source and date for each', () => {
    const host = mount(<ItemEvidenceView {...props({ suggestion: undefined })} />);
    const box = host.querySelector('[data-testid="evidence-conflicts"]')!;
    expect(box.textContent).toContain(`cloud revenue growth, period ended ${formatDate('2026-03-31')}: the sources give different values`);
    const reports = [...box.querySelectorAll('.tl-ev-report')];
    expect(reports.map((r) => r.querySelector('.tl-ev-report__value')!.textContent)).toEqual(['34%', '35%']);
    expect(reports.map((r) => r.querySelector('.tl-ev-source__site')!.textContent)).toEqual(['reuters.com', 'cnbc.com']);
    expect(reports.map((r) => r.querySelector('time')!.getAttribute('datetime'))).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('states the suggestion, its rule in words and its basis; Apply and Dismiss hand the suggestion back', async () => {
    const p = props();
    const host = mount(<ItemEvidenceView {...p} />);
    const box = host.querySelector('[data-testid="evidence-suggestion"]')!;
    expect(box.textContent).toContain('Suggested status: Pending → On track');
    expect(box.textContent).toContain('Rule: a pending, at-risk or broken catalyst is suggested on track when, since its last status, at least two separate sites report it happening');
    expect(box.querySelector('summary')!.textContent).toBe('Based on 3 claims from 2 sites');
    expect(box.querySelectorAll('.tl-ev-claim')).toHaveLength(3);
    const apply = buttonNamed(host, 'Apply');
    expect(apply.getAttribute('aria-label')).toBe('Apply the suggested status On track to H200 import approval');
    await act(async () => apply.click());
    expect(p.onApply).toHaveBeenCalledWith(suggestion);
    await act(async () => buttonNamed(host, 'Dismiss').click());
    expect(p.onDismiss).toHaveBeenCalledWith(suggestion);
  });

  it('shows a failed action as an alert instead of losing it', async () => {
    const host = mount(<ItemEvidenceView {...props({ onApply: async () => Promise.reject(new Error('The evidence changed')) })} />);
    await act(async () => {
      buttonNamed(host, 'Apply').click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(host.querySelector('[role="alert"]')!.textContent).toBe('The evidence changed');
  });

  it('offers a newer key figure with its source and one click to add it; a figure without a period is shown but cannot be added', async () => {
    const p = props({ suggestion: undefined, candidates: [candidate, { ...candidate, id: 'x', period: null }], measureLabel: (measure) => (measure === 'H200 units shipped' ? 'H200 units shipped to China' : measure) });
    const host = mount(<ItemEvidenceView {...p} />);
    const items = [...host.querySelectorAll('.tl-ev-candidate')];
    expect(items[0]!.textContent).toContain(`H200 units shipped to China, period ended ${formatDate('2026-06-30')}: 50,000 units`);
    expect(items[0]!.querySelector('.tl-ev-source__site')!.textContent).toBe('cnbc.com');
    expect(items[1]!.textContent).toContain('no period named');
    expect(items[1]!.querySelector('button')).toBeNull();
    await act(async () => items[0]!.querySelector('button')!.click());
    expect(p.onAddFigure).toHaveBeenCalledWith(candidate);
  });

  it('says nothing was read since the status when the log has nothing, and nothing at all when it cannot say', () => {
    const empty = mount(<ItemEvidenceView {...props({ evidence: { ...evidence, supports: [], challenges: [], supportSites: 0, challengeSites: 0 }, conflicts: [], candidates: [], suggestion: undefined })} />);
    expect(empty.textContent).toBe(`Nothing read about this item since ${formatDate('2026-01-12')}.`);
    const unknown = mount(<ItemEvidenceView {...props({ evidence: undefined, conflicts: [], candidates: [], suggestion: undefined })} />);
    expect(unknown.textContent).toBe('');
  });

  it('picks one item’s evidence out of the thesis’s, and states an unknown rule with the general sentence', () => {
    const thesis: ThesisEvidence = { thesisId: 't', asOf: '2026-03-06', items: [evidence], conflicts: [conflict], candidates: [candidate], suggestions: [suggestion] };
    expect(evidenceOfItem(thesis, 'h200-import-approval')).toEqual({ evidence, conflicts: [conflict], candidates: [candidate], suggestion });
    expect(evidenceOfItem(thesis, 'other')).toEqual({ evidence: undefined, conflicts: [], candidates: [], suggestion: undefined });
    expect(ruleText('risk-rising')).toContain('report it materialising');
    expect(ruleText('no-such-rule')).toContain('lean clearly one way');
  });

  it('speaks Chinese when the browser does', () => {
    useUiLocale('zh_CN');
    const host = mount(<ItemEvidenceView {...props()} />);
    expect(host.textContent).toContain('建议状态：待定 → ');
    expect(host.textContent).toContain('相互矛盾的来源');
    expect(buttonNamed(host, '采用')).toBeDefined();
  });
});
