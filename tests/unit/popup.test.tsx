// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { htmlToDocument } from '@/lib/cli/scan';
import { defaultPack } from '@/lib/pack/default-pack';
import { scan } from '@/lib/pipeline/scan';
import { TabReportSchema } from '@/lib/messages/lens';
import { Popup, type PopupTabState } from '@/components/popup/Popup';
import { REPORT_LIMITS, reportItemsOf } from '@/components/popup/report-items';
import { useUiLocale } from '../support/i18n';

afterEach(() => useUiLocale('en'));

function demoResult() {
  const html = readFileSync('tests/fixtures/pages/demo-alibaba-h200.html', 'utf8');
  return scan(htmlToDocument(html), defaultPack, { url: 'https://www.reuters.com/technology/demo', asOf: '2026-01-10' });
}

function mount(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

const noop = () => {};
const handlers = { onShowSidebar: noop, onAnnotate: noop, onTogglePaused: noop, onToggleAllSites: noop, onOpenChecklist: noop, onOpenLibrary: noop };

describe('the report of a tab', () => {
  it('lists the items the page touches with their status and claims, in the checklist order, within bounds', () => {
    const result = demoResult();
    const items = reportItemsOf([result], [defaultPack], '2026-01-10');
    const touched = new Set(result.claims.flatMap((claim) => claim.items.map((link) => link.id)));
    expect(items.map((item) => item.id)).toEqual(defaultPack.items.map((item) => item.id).filter((id) => touched.has(id)));
    for (const item of items) {
      const claims = result.claims.filter((claim) => claim.items.some((link) => link.id === item.id));
      expect(item.claimCount).toBe(claims.length);
      expect(item.claims.length).toBe(Math.min(claims.length, REPORT_LIMITS.claimsPerItem));
      expect(item.claims[0]!.stance).toBe(claims[0]!.items.find((link) => link.id === item.id)!.stance);
      for (const claim of item.claims) expect(claim.text.length).toBeLessThanOrEqual(REPORT_LIMITS.claimChars);
    }
    // What the lens sends passes the message schema.
    expect(() => TabReportSchema.parse({ url: 'https://x.test/', relevant: true, topics: [], claims: result.claims.length, items })).not.toThrow();
  });
});

describe('the popup', () => {
  const state = (): PopupTabState => {
    const result = demoResult();
    return {
      report: TabReportSchema.parse({ url: 'https://www.reuters.com/technology/demo', relevant: true, topics: result.topics, claims: result.claims.length, items: reportItemsOf([result], [defaultPack], '2026-01-10') }),
      host: 'reuters.com',
      paused: false,
      allSites: false,
    };
  };

  it('lists the page’s items and, under each, its claims with their stance', () => {
    const tab = state();
    const host = mount(<Popup state={tab} notice="" error="" busy={false} {...handlers} />);
    const list = host.querySelector('[data-testid="popup-items"]')!;
    const rows = [...list.querySelectorAll(':scope > li')];
    expect(rows.map((row) => row.getAttribute('data-item-id'))).toEqual(tab.report!.items.map((item) => item.id));
    const first = tab.report!.items[0]!;
    expect(rows[0]!.querySelector('.tl-popup__item-title')!.textContent).toBe(first.title);
    expect(rows[0]!.querySelectorAll('.tl-popup__claim')).toHaveLength(first.claims.length);
    expect(rows[0]!.querySelector('.tl-popup__claim')!.textContent).toContain(first.claims[0]!.text);
    expect(host.querySelector('[data-testid="claim-count"]')!.textContent).toBe(`${tab.report!.claims} claims on this page`);
    // No controls in the list: the first Tab stop stays "Show sidebar".
    expect(list.querySelectorAll('button, a, input, [tabindex]')).toHaveLength(0);
  });

  it('speaks Chinese when the browser does', () => {
    useUiLocale('zh_CN');
    const tab = state();
    const host = mount(<Popup state={tab} notice="" error="" busy={false} {...handlers} />);
    expect(host.querySelector('[data-testid="claim-count"]')!.textContent).toBe(`本页有 ${tab.report!.claims} 条论断`);
    expect(host.querySelector('.tl-popup__button--primary')!.textContent).toBe('显示侧栏');
    expect(host.querySelector('[data-testid="popup-items"]')!.getAttribute('aria-label')).toBe('本页涉及的清单条目与论断');
    expect(host.textContent).toMatch(/支持|质疑|中性/);
  });
});
