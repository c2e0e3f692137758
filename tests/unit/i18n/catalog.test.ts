import { describe, expect, it } from 'vitest';
import { CATALOG_AREAS, catalog } from '@/lib/i18n/catalog';
import { UI_LOCALES } from '@/lib/i18n/catalog/types';
import { catalogProblems, messagesJson } from '@/lib/i18n/messages-json';
import { t } from '@/lib/i18n';
import { useUiLocale } from '../../support/i18n';
import { STATUS_LABELS } from '@/components/status/labels';

describe('UI catalogue', () => {
  it('has every string in English and Simplified Chinese, with the same substitutions', () => {
    expect(catalogProblems(catalog, UI_LOCALES)).toEqual([]);
  });

  it('has no key declared by two areas (a later area would silently win)', () => {
    const areas: Array<Record<string, unknown>> = Object.values(CATALOG_AREAS);
    const declared = areas.reduce((n, area) => n + Object.keys(area).length, 0);
    expect(Object.keys(catalog)).toHaveLength(declared);
  });

  it('keeps each area to its own key prefix', () => {
    for (const [area, entries] of Object.entries(CATALOG_AREAS)) {
      if (area === 'common') continue;
      for (const key of Object.keys(entries)) expect(key.startsWith(`${area}_`), key).toBe(true);
    }
  });

  it('reports a missing translation and mismatched substitutions', () => {
    const broken = {
      ok: { en: 'Saved $1 clippings', zh_CN: '已保存 $1 条摘录' },
      gap: { en: 'Hello', zh_CN: ' ' },
      subs: { en: '$1 of $2', zh_CN: '$1' },
      'bad-key': { en: 'x', zh_CN: 'x' },
    };
    expect(catalogProblems(broken, UI_LOCALES)).toEqual([
      'gap: no zh_CN text',
      'subs: zh_CN uses other $n than en',
      'bad-key: keys may hold only A-Z, a-z, 0-9 and _',
    ]);
  });

  it('writes browser catalogues with named placeholders for $n', () => {
    const json = messagesJson({ count: { en: '$1 claims on $2', zh_CN: '$2 上有 $1 条论断' } }, 'zh_CN');
    expect(json.count).toEqual({
      message: '$P2$ 上有 $P1$ 条论断',
      placeholders: { P1: { content: '$1' }, P2: { content: '$2' } },
    });
  });
});

describe('t()', () => {
  it('follows the UI language and fills substitutions', () => {
    useUiLocale('zh_CN');
    try {
      expect(t('status_atRisk')).toBe('有风险');
      expect(STATUS_LABELS['at-risk'].word).toBe('有风险');
    } finally {
      useUiLocale('en');
    }
    expect(STATUS_LABELS['at-risk'].word).toBe('At risk');
  });

  it('prefers the browser catalogue when there is one', () => {
    const host = globalThis as { chrome?: unknown };
    const before = host.chrome;
    host.chrome = { i18n: { getMessage: (key: string, subs: string[]) => `[${key}:${subs.join('|')}]` } };
    try {
      expect(t('common_save', 3, 'x')).toBe('[common_save:3|x]');
    } finally {
      host.chrome = before;
    }
  });
});
