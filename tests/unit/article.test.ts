import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle, parseDate } from '@/lib/pipeline/article';

/** linkedom needs the <html> element to place <head> and <body> (a browser would add it). */
function doc(html: string): Document {
  return parseHTML(/<html/i.test(html) || html === '' ? html : `<html>${html}</html>`).document as unknown as Document;
}

/** A paragraph long enough to count as article text (about 230 characters). */
function para(topic: string): string {
  return `<p>${topic} was the subject of a long discussion among analysts this week, who examined its revenue, its margins and the outlook for the rest of the year in considerable detail, and concluded that the picture was mixed but improving overall.</p>`;
}

const body = (n: number, topic = 'The company') => Array.from({ length: n }, (_, i) => para(`${topic} ${i + 1}`)).join('\n');

describe('parseDate', () => {
  it.each([
    ['2026-01-09T07:30:00Z', '2026-01-09'],
    ['2026-01-09 18:20:05', '2026-01-09'],
    ['2026/1/9', '2026-01-09'],
    ['Jan.09 2026', '2026-01-09'],
    ['January 9, 2026', '2026-01-09'],
    ['Published: 9:45pm, 25 Nov 2025', '2025-11-25'],
    ['Thu, Mar 19, 2026, 4:45 PM', '2026-03-19'],
    ['Sept. 3rd, 2025', '2025-09-03'],
    ['2026年1月29日 10:05', '2026-01-29'],
    ['20251014', '2025-10-14'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('takes the earliest date written and refuses impossible ones', () => {
    expect(parseDate('Updated January 14, 2026; first published 2026-01-13')).toBe('2026-01-14');
    expect(parseDate('2026-02-31')).toBeNull();
    expect(parseDate('no date here, only 34% growth')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
});

describe('detectArticle: metadata', () => {
  it('reads title, date, url and site from JSON-LD in a @graph', () => {
    const info = detectArticle(
      doc(`<html><head><title>Page title | Site</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":"Cloud revenue jumps","datePublished":"2026-05-13T12:00:00Z","url":"https://news.example/cloud","publisher":{"@type":"Organization","name":"News Example"}}]}</script>
        </head><body><article><h1>Cloud revenue jumps</h1>${body(4)}</article></body></html>`),
    );
    expect(info).toMatchObject({ isArticle: true, title: 'Cloud revenue jumps', published: '2026-05-13', siteName: 'News Example' });
    expect(info.url).toBe('https://news.example/cloud');
  });

  it('reads JSON-LD arrays and skips broken JSON-LD blocks', () => {
    const info = detectArticle(
      doc(`<head><script type="application/ld+json">{broken</script>
        <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"A post","datePublished":"2025-12-01"}]</script></head>
        <body><div class="post">${body(3)}</div></body>`),
    );
    expect(info.title).toBe('A post');
    expect(info.published).toBe('2025-12-01');
    expect(info.isArticle).toBe(true);
  });

  it('prefers og/meta tags in a fixed order, then <time>, then the caller\'s date', () => {
    const withMeta = detectArticle(
      doc(`<head><meta property="og:title" content="OG title"><meta property="og:type" content="article">
        <meta name="sailthru.date" content="2026-03-19 16:45:00"><meta property="og:url" content="https://x.example/a"></head>
        <body><article><time datetime="2020-01-01">old</time>${body(3)}</article></body>`),
      { date: '2000-01-01' },
    );
    expect(withMeta).toMatchObject({ title: 'OG title', published: '2026-03-19', url: 'https://x.example/a' });

    const withTime = detectArticle(doc(`<body><article><time datetime="2026-02-25T22:10:00Z">Feb 25</time>${body(4)}</article></body>`), {
      date: '2000-01-01',
    });
    expect(withTime.published).toBe('2026-02-25');

    const undated = detectArticle(doc(`<body><article>${body(4)}</article></body>`), { date: '2026-01-09', url: 'https://y.example/b' });
    expect(undated.published).toBe('2026-01-09');
    expect(undated.url).toBe('https://y.example/b');
  });

  it('reads Dublin Core and visible dates (byline, Chinese, "Jan.09 2026" at the end)', () => {
    expect(detectArticle(doc(`<head><meta name="DC.date.issued" content="2026-01-15"></head><body><div>${body(4)}</div></body>`)).published).toBe(
      '2026-01-15',
    );
    expect(
      detectArticle(doc(`<body><div class="story"><div class="byline">2026年1月29日 10:05</div>${body(4)}</div></body>`)).published,
    ).toBe('2026-01-29');
    expect(detectArticle(doc(`<body><article>${body(4)}<p>Jan.09 2026</p></article></body>`)).published).toBe('2026-01-09');
  });

  it('resolves a relative canonical link against the page URL', () => {
    const info = detectArticle(doc(`<head><link rel="canonical" href="/news/a1"></head><body><article>${body(4)}</article></body>`), {
      url: 'https://site.example/some/path?x=1',
    });
    expect(info.url).toBe('https://site.example/news/a1');
  });

  it('strips a short site suffix from the document title when nothing better exists', () => {
    const info = detectArticle(doc(`<head><title>Alibaba shares rise on cloud news - MarketWatch</title></head><body><article>${body(4)}</article></body>`));
    expect(info.title).toBe('Alibaba shares rise on cloud news');
  });
});

describe('detectArticle: is it an article', () => {
  it('rejects pages without paragraph text, with no roots and no text', () => {
    const info = detectArticle(
      doc(`<head><meta property="og:type" content="website"></head><body><nav><a href="/">Home</a></nav>
        <main><article class="card"><h2><a href="/a">Alibaba cloud jumps</a></h2><p>Short teaser.</p></article>
        <ul>${'<li><a href="/x">Headline about Alibaba and H200</a></li>'.repeat(40)}</ul></main></body>`),
    );
    expect(info.isArticle).toBe(false);
    expect(info.roots).toEqual([]);
    expect(info.text.text).toBe('');
  });

  it('rejects an empty document and a body-less document without throwing', () => {
    expect(detectArticle(doc('')).isArticle).toBe(false);
    expect(detectArticle(doc('<html><head><title>x</title></head></html>')).isArticle).toBe(false);
  });

  it('accepts a short news flash when metadata says article, not without', () => {
    const flash = `<body><article>${para('Alibaba')}${para('The cloud unit')}</article></body>`;
    expect(detectArticle(doc(flash)).isArticle).toBe(false);
    expect(detectArticle(doc(`<head><meta property="og:type" content="article"></head>${flash}`)).isArticle).toBe(true);
  });

  it('counts Chinese characters as words, so Chinese articles of normal length pass', () => {
    const zh = '<p>阿里巴巴集团公布季度业绩，阿里云收入同比增长百分之三十四，增速较上一季度明显加快。公司表示，人工智能相关产品收入已连续多个季度保持三位数增长，资本开支计划可能进一步加码。</p>';
    const info = detectArticle(doc(`<html lang="zh-CN"><head><meta property="og:type" content="article"></head><body><div class="article-content">${zh.repeat(4)}</div></body></html>`));
    expect(info.isArticle).toBe(true);
    expect(info.lang).toBe('zh');
  });

  it('uses paragraphs written as text and <br> in a <div> (old blogs, some portals)', () => {
    const line = 'The quarterly report showed that cloud revenue kept growing at a fast pace while commerce slowed, and analysts said the trend would continue for a while';
    const info = detectArticle(doc(`<body><div id="post">${Array.from({ length: 6 }, () => line).join('<br><br>')}</div></body>`));
    expect(info.isArticle).toBe(true);
    expect(info.text.text).toContain('cloud revenue kept growing');
  });
});

describe('detectArticle: the main text', () => {
  it('finds the densest block on a page with no <article> and leaves out sidebars', () => {
    const info = detectArticle(
      doc(`<body><div id="top"><div id="menu"><a href="/">Home</a> | <a href="/x">Export controls</a></div></div>
        <div id="cols"><div id="left"><div class="headline">Headline</div><div class="txt">${body(5, 'The chip rule')}</div></div>
        <div id="right"><div class="box"><div><a href="/a">Alibaba eyes 200,000 H200 chips</a></div><div><a href="/b">Other</a></div></div></div></div></body>`),
    );
    expect(info.isArticle).toBe(true);
    expect(info.roots).toHaveLength(1);
    expect(info.roots[0]!.className).toBe('txt');
    expect(info.text.text).toContain('The chip rule 1');
    expect(info.text.text).not.toContain('Alibaba eyes');
  });

  it('prefers [itemprop=articleBody] inside an article', () => {
    const info = detectArticle(
      doc(`<body><article><header><h1>T</h1></header><div class="share"><a href="#">Share</a></div>
        <div itemprop="author articleBody">${body(4)}</div></article></body>`),
    );
    expect(info.roots[0]!.getAttribute('itemprop')).toContain('articleBody');
  });

  it('excludes navigation, related links, comments, ads, share bars, newsletters, footers and the extension UI inside the root', () => {
    const info = detectArticle(
      doc(`<body><article>
        <h1>Alibaba cloud jumps</h1>
        <nav><a href="/">Nav link text</a></nav>
        <div class="share-bar"><a href="#">Share on X</a></div>
        ${body(3)}
        <div class="ad-slot"><p>Buy our brokerage account now with zero commission for thirty days and more.</p></div>
        <p>Advertisement</p>
        <p>Read more: <a href="/r">A related headline about Alibaba quick commerce losses</a></p>
        <ul class="link-list"><li><a href="/1">Linked headline one</a></li><li><a href="/2">Linked headline two</a></li></ul>
        <section class="newsletter-signup"><p>Get our newsletter about chips.</p></section>
        <aside><p>Aside text about H200</p></aside>
        <div id="comments"><p>A reader says the H200 will never ship.</p></div>
        <div class="related-stories"><p>Related story text</p></div>
        <figure><figcaption>Caption text</figcaption></figure>
        <thesis-lens-sidebar><p>Extension UI text</p></thesis-lens-sidebar>
        <div hidden><p>Hidden text</p></div>
        <div style="display: none"><p>Inline-hidden text</p></div>
        <footer><p>Footer text</p></footer>
      </article></body>`),
    );
    const text = info.text.text;
    expect(text).toContain('Alibaba cloud jumps');
    expect(text).toContain('The company 3');
    for (const leaked of [
      'Nav link text', 'Share on X', 'brokerage', 'Advertisement', 'A related headline', 'Linked headline', 'newsletter',
      'Aside text', 'never ship', 'Related story text', 'Caption text', 'Extension UI text', 'Hidden text', 'Inline-hidden', 'Footer text',
    ]) {
      expect(text, leaked).not.toContain(leaked);
    }
  });

  it('does not take a page wrapper with an unlucky name for page furniture', () => {
    const info = detectArticle(doc(`<body><div id="ad-portal"><div class="layout-with-sidebar"><article>${body(4)}</article></div></div></body>`));
    expect(info.isArticle).toBe(true);
    expect(info.text.text).toContain('The company 4');
  });

  it('keeps words like "shareholder" and "header-lead" that merely contain furniture words', () => {
    const info = detectArticle(
      doc(`<body><article><div class="header-lead">${para('Lead')}</div><div class="shareholder-letter">${body(3, 'Shareholders')}</div></article></body>`),
    );
    expect(info.text.text).toContain('Lead was the subject');
    expect(info.text.text).toContain('Shareholders 3');
  });

  it('stacked articles: takes the one matching the page title, ignores the others', () => {
    const page = `<head><meta property="og:title" content="Second story headline here"></head><body>
      <article><h1>First story headline here</h1>${body(3, 'First')}</article>
      <article><h2>Second story headline here</h2>${body(3, 'Second')}</article></body>`;
    const info = detectArticle(doc(page));
    expect(info.roots).toHaveLength(1);
    expect(info.text.text).toContain('Second 1');
    expect(info.text.text).not.toContain('First 1');
  });

  it('stacked articles without a title match: the first substantial one, not a teaser card', () => {
    const info = detectArticle(
      doc(`<body><article class="card"><h2>Teaser</h2><p>Short teaser about something else.</p></article>
        <article><h1>Main</h1>${body(4, 'Main')}</article><article><h2>Next</h2>${body(4, 'Next')}</article></body>`),
    );
    expect(info.text.text).toContain('Main 1');
    expect(info.text.text).not.toContain('Next 1');
    expect(info.text.text).not.toContain('Teaser');
  });

  it('ignores an <article> that is only a teaser while the story sits elsewhere', () => {
    const info = detectArticle(
      doc(`<body><aside><article><p>${'Teaser text about a different story. '.repeat(5)}</p></article></aside>
        <div class="story-body">${body(5, 'Story')}</div></body>`),
    );
    expect(info.text.text).toContain('Story 5');
    expect(info.text.text).not.toContain('Teaser text');
  });

  it('maps text offsets back to the page (the index is built over the live roots)', () => {
    const document = doc(`<body><article>${body(3)}</article></body>`);
    const info = detectArticle(document);
    const at = info.text.text.indexOf('The company 2');
    let node: Text | undefined;
    for (let i = 0; i < info.text.nodes.length; i++) if (info.text.starts[i]! <= at) node = info.text.nodes[i];
    expect(node!.data).toContain('The company 2');
    expect(document.body.contains(node!)).toBe(true);
  });

  it('stays bounded on a huge DOM (deep nesting and 100k nodes) without throwing', () => {
    let deep = '';
    for (let i = 0; i < 3000; i++) deep += '<div>';
    deep += body(2);
    for (let i = 0; i < 3000; i++) deep += '</div>';
    const wide = '<ul>' + '<li><a href="/x">link</a></li>'.repeat(30000) + '</ul>';
    const info = detectArticle(doc(`<body>${wide}<article>${body(6)}</article>${deep}</body>`));
    expect(info.isArticle).toBe(true);
    expect(info.text.text).toContain('The company 6');
  }, 60_000);
});

describe('layouts without paragraphs', () => {
  it('reads a story written in <div>s only (no <p>, no <article>, no JSON-LD) as an article, without its menu', () => {
    const divPara = (n: number) =>
      `<div class="txt">Paragraph ${n}: the company told investors on Tuesday that demand for its services kept rising through the quarter, and that it expected the trend to hold into next year as new customers signed on.</div>`;
    const page = doc(
      `<html><head><title>The company sees demand rising</title><meta property="og:type" content="article"></head><body>` +
        `<div class="menu"><div class="item">Markets</div><div class="item">Tech</div><div class="item">Opinion</div></div>` +
        `<div class="wrap"><div class="head"><h1>The company sees demand rising</h1></div><div class="copy">${[1, 2, 3, 4, 5].map(divPara).join('')}</div></div>` +
        `</body></html>`,
    );
    const article = detectArticle(page);
    expect(article.isArticle).toBe(true);
    expect(article.text.text).toContain('Paragraph 1:');
    expect(article.text.text).toContain('Paragraph 5:');
    expect(article.text.text).not.toContain('Opinion');
  });
});
