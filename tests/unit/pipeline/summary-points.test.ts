import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { detectArticle } from '@/lib/pipeline/article';
import { defaultPack } from '@/lib/pack/default-pack';
import { scan } from '@/lib/pipeline/scan';
import { isListPoint } from '@/lib/pipeline/claims';
import { splitSentences } from '@/lib/pipeline/sentences';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

const body = [
  'Alibaba reported its quarterly results on Thursday, with its cloud unit again the fastest-growing part of the group and margins in the commerce business under pressure.',
  'Revenue at Alibaba Cloud rose 31% from a year earlier, the company said in a filing, helped by companies renting more computing power for their own models.',
  'Executives told analysts on a call that demand for computing still outstripped supply and that more capacity would come online over the next two quarters.',
  'The company also said it would keep spending on its instant delivery service, which has weighed on profit for several quarters in a row now.',
].map((p) => `<p>${p}</p>`).join('');

const page = (summary: string) =>
  doc(`<html><head><title>Alibaba results: cloud up 31%</title><meta property="og:type" content="article"></head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ul></nav>
  <main><h1>Alibaba results: cloud up 31%</h1>
  <section class="highlights"><h2>Highlights</h2>${summary}</section>
  <div class="story-text">${body}</div></main>
  <aside><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside></body></html>`);

const points = '<ul><li>Alibaba Cloud revenue up 31%, beating forecasts</li><li>Alibaba says Beijing has cleared its first H200 imports</li><li>Commerce margins shrink as delivery spending goes on</li></ul>';

describe('key points between the headline and the story', () => {
  it('reads a list of short plain statements after the headline with the text, before it', () => {
    const info = detectArticle(page(points));
    expect(info.isArticle).toBe(true);
    expect(info.text.text.indexOf('Alibaba Cloud revenue up 31%')).toBeGreaterThanOrEqual(0);
    expect(info.text.text.indexOf('Alibaba Cloud revenue up 31%')).toBeLessThan(info.text.text.indexOf('Alibaba reported'));
    expect(info.text.text).not.toContain('Another story');
  });

  it('leaves out a list of links (related stories), however placed', () => {
    const links = '<ul><li><a href="/x">Alibaba Cloud revenue up 31%, beating forecasts</a></li><li><a href="/y">Alibaba says it will add more capacity</a></li></ul>';
    expect(detectArticle(page(links)).text.text).not.toContain('beating forecasts');
  });

  it('makes a claim of each point that states something, as of a sentence', () => {
    const result = scan(page(points), defaultPack, { asOf: '2026-01-09' });
    const claim = result.claims.find((c) => c.text.startsWith('Alibaba Cloud revenue up 31%'));
    expect(claim?.items.map((l) => l.id)).toContain('cloud-revenue-growth');
    // No figure: a heading of this length would not be a claim; a point of the list is.
    const approval = result.claims.find((c) => c.text.startsWith('Alibaba says Beijing has cleared'));
    expect(approval?.items.map((l) => l.id)).toContain('h200-import-approval');
  });
});

describe('a point of a list is no heading', () => {
  it('tells a run of short statements from a heading standing above a paragraph', () => {
    const text = 'Cloud sales rise 30% on AI demand\nAlibaba shares jump 5% in Hong Kong\nCloud sales rise 30% on AI demand again\nThe company said on Thursday that its cloud revenue rose 30%.';
    const sentences = splitSentences(text, 'en');
    expect(isListPoint(text, sentences, 0, 'en')).toBe(true);
    expect(isListPoint(text, sentences, 1, 'en')).toBe(true);
    const heading = 'Shares jump after the results\nAlibaba’s shares rose 5% in Hong Kong after the company reported faster cloud growth.';
    expect(isListPoint(heading, splitSentences(heading, 'en'), 0, 'en')).toBe(false);
  });
});
