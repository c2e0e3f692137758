import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle } from '@/lib/pipeline/article';
import { defaultPack } from '@/lib/pack/default-pack';
import { scan } from '@/lib/pipeline/scan';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

const paragraphs = [
  'Alibaba said on Thursday that revenue at its cloud division rose 31% from a year earlier, helped by companies renting computing power for their own models.',
  'Executives told analysts that demand for computing still outstripped supply and that more capacity would come online over the next two quarters.',
  'The group kept spending on its instant delivery service, which has weighed on operating profit for several quarters in a row.',
  'Shares of the company were little changed in Hong Kong trading after the results were published in the afternoon.',
].map((p) => `<p>${p}</p>`);

const page = (beforeBody: string, afterFirst = '') =>
  doc(`<html><head><title>Alibaba cloud sales climb</title><meta property="og:type" content="article"></head><body>
  <article><h1>Alibaba cloud sales climb</h1>${beforeBody}
  <div class="byline">By A. Writer</div>${paragraphs[0]}${afterFirst}${paragraphs.slice(1).join('')}</article></body></html>`);

const dek = 'Cloud sales rose 31%; delivery spending cut profit by half.';

describe('deks: the summary between the headline and the story', () => {
  it('leaves out a heading right under the headline, before the first paragraph', () => {
    const info = detectArticle(page(`<h2>${dek}</h2>`));
    expect(info.isArticle).toBe(true);
    expect(info.text.text).not.toContain('delivery spending cut profit');
    expect(info.text.text).toContain('revenue at its cloud division rose 31%');
  });

  it('leaves out an element named as a dek, standfirst or kicker, whatever its tag', () => {
    for (const name of ['dek', 'story__standfirst', 'article-kicker', 'c-strapline']) {
      expect(detectArticle(page(`<p class="${name}">${dek}</p>`)).text.text, name).not.toContain('delivery spending cut profit');
    }
  });

  it('keeps a sub-heading inside the body, after the first paragraph', () => {
    const info = detectArticle(page('', '<h2>Delivery spending cut profit by half</h2>'));
    expect(info.text.text).toContain('Delivery spending cut profit by half');
  });

  it('keeps the title of a live blog’s first post, which is no dek', () => {
    const info = detectArticle(page('<div class="post"><time>09:14</time><h2>Cloud sales beat forecasts</h2></div>'));
    expect(info.text.text).toContain('Cloud sales beat forecasts');
  });

  it('makes no claim of the dek; the same statement in the body is one', () => {
    const result = scan(page(`<h2>${dek}</h2>`), defaultPack, { asOf: '2026-01-09' });
    expect(result.claims.some((c) => c.text.includes('delivery spending cut profit'))).toBe(false);
    expect(result.claims.some((c) => c.text.includes('revenue at its cloud division rose 31%'))).toBe(true);
  });
});

describe('disclosures', () => {
  it('reads no claim in an author’s disclosure of a position, in its own box or as a line', () => {
    const line = 'Disclosure: I hold a long position in Alibaba shares and may buy more over the next 72 hours.';
    for (const box of [`<section class="author-disclosure"><p>${line}</p></section>`, `<p>${line}</p>`]) {
      const result = scan(page('', box), defaultPack, { asOf: '2026-01-09' });
      expect(result.claims.some((c) => c.text.includes('long position'))).toBe(false);
      expect(result.claims.length).toBeGreaterThan(0);
    }
  });
});
