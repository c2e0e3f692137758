import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { unzipSync, strFromU8 } from 'fflate';
import {
  articleNote,
  escapeMarkdownText,
  groupByArticle,
  groupByItem,
  noteFileName,
  notebookZip,
  singleClippingMarkdown,
  uniqueNames,
  yamlString,
} from '@/lib/clippings/notebook';
import { contextTerm, openSourceLink, sourceAddressOf } from '@/lib/clippings/notebook-link';
import type { Clipping } from '@/lib/clippings/schema';
import { toMarkdown } from '@/lib/clippings/export';
import { clipping } from './clippings-fixtures';

/** Splits a note into its front matter (parsed as YAML) and its body. */
function frontMatter(note: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(note);
  if (!match) throw new Error(`no front matter in:\n${note}`);
  return { data: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** Three clippings from one article (saved out of reading order), two from another, one from a third. */
function threeArticles(): Clipping[] {
  const at = (n: number, story: number, start: number, minutes: number, extra: Partial<Clipping> = {}) => {
    const base = clipping(n);
    const quote = `Quote ${n} from story ${story}`;
    return {
      ...base,
      quote,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: 'the words just before ', suffix: ' and the words after it' },
        { type: 'TextPositionSelector', start, end: start + quote.length },
      ],
      page: { ...base.page, url: `https://news.example.com/story-${story}?edition=asia`, canonicalUrl: `https://news.example.com/story-${story}`, title: `Story ${story}`, site: 'Example News' },
      createdAt: new Date(Date.UTC(2026, 1, 1, 0, minutes)).toISOString(),
      ...extra,
    } as Clipping;
  };
  return [
    at(1, 1, 500, 1),
    at(2, 1, 100, 2, { tags: ['AI cloud', 'h200'] }),
    at(3, 2, 50, 3),
    at(4, 1, 300, 10, { items: [{ thesisId: 'other-thesis', itemId: 'capex' }] }),
    at(5, 3, 10, 5, { note: 'Watch the margin.' }),
    at(6, 2, 20, 4),
  ];
}

describe('the notebook, by article', () => {
  it('groups clippings under their article, newest article first, quotes in reading order, items counted once', () => {
    const articles = groupByArticle(threeArticles());
    expect(articles.map((a) => a.title)).toEqual(['Story 1', 'Story 3', 'Story 2']);
    const [first] = articles;
    expect(first!.clippings.map((c) => c.quote)).toEqual(['Quote 2 from story 1', 'Quote 4 from story 1', 'Quote 1 from story 1']);
    expect(first!.items.map((ref) => `${ref.thesisId}/${ref.itemId}`)).toEqual(['alibaba-ai-cloud-h200/cloud-revenue-growth', 'other-thesis/capex']);
    expect(first!.latestAt).toBe('2026-02-01T00:10:00.000Z');
    expect(first!.firstAt).toBe('2026-02-01T00:01:00.000Z');
  });

  it('files a page read with tracking parameters under the same article', () => {
    const a = clipping(1, { page: { ...clipping(1).page, url: 'https://x.example/a?utm_source=mail' } });
    const b = clipping(2, { page: { ...clipping(2).page, url: 'https://x.example/a' } });
    expect(groupByArticle([a, b])).toHaveLength(1);
  });

  it('groups by checklist item with unlinked clippings last', () => {
    const groups = groupByItem([clipping(0), clipping(1), { ...clipping(2), items: [] }], new Map([['alibaba-ai-cloud-h200/h200-procurement', 'A secures supply']]));
    expect(groups.map((g) => g.key)).toEqual(['alibaba-ai-cloud-h200/h200-procurement', 'alibaba-ai-cloud-h200/cloud-revenue-growth', '']);
    expect(groups[2]!.clippings.map((c) => c.id)).toEqual([clipping(2).id]);
  });
});

describe('a note per article with YAML front matter', () => {
  const titles = new Map([['alibaba-ai-cloud-h200/cloud-revenue-growth', 'Cloud revenue keeps growing']]);

  it('writes front matter that a YAML parser reads back as Obsidian and Logseq expect', () => {
    const [article] = groupByArticle(threeArticles());
    const note = articleNote(article!, { itemTitles: titles });
    const { data, body } = frontMatter(note);
    expect(data).toEqual({
      title: 'Story 1',
      source: 'https://news.example.com/story-1?edition=asia',
      canonical: 'https://news.example.com/story-1',
      site: 'Example News',
      author: '',
      published: '2026-01-09',
      clipped: '2026-02-01',
      tags: ['AI-cloud', 'h200', 'chips', 'cloud', 'batch-1'],
      thesis: ['alibaba-ai-cloud-h200', 'other-thesis'],
      items: ['alibaba-ai-cloud-h200/cloud-revenue-growth', 'other-thesis/capex'],
    });
    expect(body).toMatch(/^\n# Story 1\n\nSource: \[Example News\]\(<https:\/\/news\.example\.com\/story-1\?edition=asia>\) · published 2026-01-09/);
    expect(body).toContain('Checklist items: Cloud revenue keeps growing · capex');
    // Each quote as a block quote, then its stance, items and a link to the passage.
    const quoteAt = (n: number) => body.indexOf(`> Quote ${n} from story 1`);
    expect(quoteAt(2)).toBeGreaterThan(0);
    expect(quoteAt(2)).toBeLessThan(quoteAt(4));
    expect(quoteAt(4)).toBeLessThan(quoteAt(1));
    expect(body).toContain('— Supports · Cloud revenue keeps growing · saved 2026-02-01 · [open at the passage](<https://news.example.com/story-1?edition=asia#:~:text=words%20just%20before-,Quote%202%20from%20story%201,-and%20the%20words>)');
  });

  it('keeps a note and a stance with their quote, in the reader\u2019s words', () => {
    const articles = groupByArticle(threeArticles());
    const story3 = articles.find((a) => a.title === 'Story 3')!;
    const note = articleNote(story3, { stanceWords: { supports: '支持', challenges: '质疑', neutral: '中性' }, words: { saved: '保存于' } });
    expect(note).toContain('> Quote 5 from story 3\n\nWatch the margin.\n\n— 支持 · cloud-revenue-growth · 保存于 2026-02-01');
  });

  it('writes published: null and no canonical key when the page had neither', () => {
    const c = clipping(7, { page: { ...clipping(7).page, published: null, url: 'https://a.example/x', canonicalUrl: 'https://a.example/x' } });
    const { data } = frontMatter(articleNote(groupByArticle([c])[0]!));
    expect(data.published).toBeNull();
    expect('canonical' in data).toBe(false);
  });
});

describe('escaping what a page or a reader wrote', () => {
  const hostileTitle = 'Evil"\ntitle: hijacked\n---\n# [click](javascript:alert(1)) <script>alert(1)</script>';
  const hostile = clipping(9, {
    quote: '# Not a heading\n---\n<img src=x onerror=alert(1)> [[Secret note]] {{embed}} %%hidden%% $x$ ==mark== key:: value &amp; 1. item',
    note: '- not a list\n    not code\n[link](https://evil.example) #fake-tag\n\u2028after a line separator',
    tags: ['ok tag', '#x', '###', '123'],
    page: { ...clipping(9).page, title: hostileTitle, site: 'Site](javascript:x) \u0085' },
  });

  it('front matter: a hostile title stays one string and adds no key', () => {
    const { data } = frontMatter(articleNote(groupByArticle([hostile])[0]!));
    expect(data.title).toBe(hostileTitle.replace(/\s+/g, ' ').trim());
    expect(data.site).toBe('Site](javascript:x)');
    expect(Object.keys(data)).toEqual(['title', 'source', 'canonical', 'site', 'author', 'published', 'clipped', 'tags', 'thesis', 'items']);
    expect(data.tags).toEqual(['ok-tag', 'x', 'tag-123']);
    expect(parseYaml(`v: ${yamlString('a\u2028b\u007f\ufeffc')}`)).toEqual({ v: 'a\u2028b\u007f\ufeffc' });
  });

  it('body: no element, link, wiki link, tag, comment, heading or list comes from page text', () => {
    const { body: written } = frontMatter(articleNote(groupByArticle([hostile])[0]!));
    // Our own link destinations are written `](<…>)`; everything else must be escaped.
    const body = written.replace(/\]\(<[^>\s]*>\)/g, '](LINK)');
    const links = [...written.matchAll(/(?<!\\)\[(?:\\.|[^\]\\])*\]\(<([^>]*)>\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(2);
    const lines = body.split('\n');
    // The only heading and the only links are ours.
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([lines.find((line) => line.startsWith('# '))!, '#ok-tag #x #tag-123']);
    expect(body).not.toMatch(/(^|[^\\])</);
    expect(body).not.toMatch(/(^|[^\\])\[\[/);
    expect(body).not.toMatch(/(^|[^\\])%%/);
    expect(body).not.toMatch(/(^|[^\\])\{\{/);
    expect(body).not.toMatch(/(^|[^\\])==/);
    expect(body).not.toMatch(/(^|[^\\])\$/);
    expect(body).not.toMatch(/(^|[^\\])::/);
    expect(body).not.toMatch(/(^|[^\\])&amp;/);
    expect(body).not.toMatch(/(^|[^\\])#fake/);
    expect(body).toContain('> \\# Not a heading\n>\n> \\---');
    expect(body).toContain('\\- not a list\nnot code\n\\[link\\](https://evil.example) \\#fake-tag');
    expect(links.every((href) => href!.startsWith('https://www.reuters.com/'))).toBe(true);
  });

  it('escapes inline markup characters and nothing else', () => {
    expect(escapeMarkdownText('Revenue rose 5.2% to $3bn (a record): good')).toBe('Revenue rose 5.2% to \\$3bn (a record): good');
    expect(escapeMarkdownText('1. first')).toBe('1\\. first');
    expect(escapeMarkdownText('*bold* _it_ `code` |pipe| ~~s~~ ^id')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\|pipe\\| \\~\\~s\\~\\~ \\^id');
  });

  it('copy as Markdown: one clipping with its source title, escaped', () => {
    const md = singleClippingMarkdown(hostile);
    expect(md.startsWith('> \\# Not a heading')).toBe(true);
    expect(md).toContain('— Evil" title: hijacked --- \\# \\[click\\](javascript:alert(1)) \\<script\\>');
    expect(md).not.toMatch(/[^\\]<script/);
  });
});

describe('files and the archive', () => {
  it('names notes safely and uniquely', () => {
    expect(noteFileName({ title: 'A/B: "C"? <D>|*\u0000', site: '', published: '2026-01-09', firstAt: '2026-02-01T00:00:00Z' })).toBe('2026-01-09 A B C D.md');
    expect(noteFileName({ title: '', site: '', published: null, firstAt: '2026-02-01T00:00:00Z' })).toBe('2026-02-01 clipping.md');
    expect(noteFileName({ title: '阿里巴巴云收入'.repeat(30), site: '', published: null, firstAt: '2026-02-01T00:00:00Z' })).toHaveLength('2026-02-01 '.length + 80 + 3);
    expect(uniqueNames(['a.md', 'A.md', 'a.md'])).toEqual(['a.md', 'A (2).md', 'a (3).md']);
  });

  it('zips one note per article, each readable back with its front matter', () => {
    const articles = groupByArticle(threeArticles());
    const zip = notebookZip(articles, { folder: 'Thesis Lens' });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['Thesis Lens/2026-01-09 Story 1.md', 'Thesis Lens/2026-01-09 Story 2.md', 'Thesis Lens/2026-01-09 Story 3.md']);
    const story2 = strFromU8(files['Thesis Lens/2026-01-09 Story 2.md']!);
    expect(story2).toBe(articleNote(articles[2]!));
    expect(frontMatter(story2).data.title).toBe('Story 2');
    // Same notes, same bytes.
    expect(notebookZip(articles, { folder: 'Thesis Lens' })).toEqual(zip);
  });
});

describe('open source: the address read at, at the right passage', () => {
  it('uses the address read at, the canonical one only when that one is unusable', () => {
    expect(sourceAddressOf({ url: 'https://a.example/x?edition=asia', canonicalUrl: 'https://a.example/x' })).toBe('https://a.example/x?edition=asia');
    expect(sourceAddressOf({ url: '', canonicalUrl: 'https://a.example/x' })).toBe('https://a.example/x');
    expect(sourceAddressOf({ url: 'javascript:alert(1)', canonicalUrl: 'https://a.example/x' })).toBe('https://a.example/x');
  });

  it('adds the stored prefix and suffix, whole words only, within the quote\u2019s paragraph', () => {
    const c = clipping(3, {
      quote: 'sales rose',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'sales rose', prefix: 'ier paragraph.\nIn March, cloud ', suffix: ' 12% - a record, & more\nNext' },
        { type: 'TextPositionSelector', start: 40, end: 50 },
      ],
      page: { ...clipping(3).page, url: 'https://a.example/x?id=1#old', canonicalUrl: 'https://a.example/canon' },
    });
    expect(openSourceLink(c)).toBe('https://a.example/x?id=1#:~:text=In%20March%2C%20cloud-,sales%20rose,-12%25%20%2D%20a');
  });

  it('drops a cut word at the outer edge, keeps a page-edge context whole, and gives Chinese no context', () => {
    expect(contextTerm('rtly after the results came out ', 'prefix')).toBe('results came out');
    expect(contextTerm('Short start ', 'prefix')).toBe('Short start');
    expect(contextTerm(' before the close of trading tod', 'suffix')).toBe('before the close');
    expect(contextTerm('阿里巴巴表示，云业务收入', 'prefix')).toBe('');
    expect(contextTerm('', 'suffix')).toBe('');
  });
});

describe('the one-file export by item escapes page text too', () => {
  it('a hostile title, site, quote, note and item title become text', () => {
    const hostile = clipping(4, {
      quote: '<script>alert(1)</script> [[Secret]] $5bn and $3bn',
      note: '# not a heading\n- not a list',
      tags: ['=cmd|calc'],
      page: { ...clipping(4).page, title: '](javascript:alert(1))', site: '<b>Site</b>' },
    });
    const md = toMarkdown([hostile], { itemTitles: new Map([['alibaba-ai-cloud-h200/h200-procurement', '**Bold** <i>item</i>']]), exportedAt: new Date('2026-02-01T00:00:00Z') });
    expect(md).toContain('## \\*\\*Bold\\*\\* \\<i\\>item\\</i\\>');
    expect(md).toContain('> \\<script\\>alert(1)\\</script\\> \\[\\[Secret\\]\\] \\$5bn and \\$3bn');
    expect(md).toContain('— [\\](javascript:alert(1))](<https://www.reuters.com/technology/story-4/?utm_source=newsletter#:~:text=');
    expect(md).toContain(' · \\<b\\>Site\\</b\\> · ');
    expect(md).toContain('\\# not a heading\n\\- not a list');
    expect(md).toContain('#cmdcalc');
    expect(md).not.toMatch(/(^|[^\\])<(script|b|i)>/m);
  });
});
