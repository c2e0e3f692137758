import { htmlToDocument } from '../../lib/cli/scan';
import { detectArticle } from '../../lib/pipeline/article';
import { corpusPages } from '../support/shared';
import { timeMedian } from './bench';
const links = `<html><head><title>Site map</title></head><body><ul>${'<li><a href="/story">Alibaba cloud H200 headline</a></li>'.repeat(33_000)}</ul></body></html>`;
const pages = [...corpusPages().map((p) => ({ name: p.name, html: p.html })), { name: 'links', html: links }];
for (const p of pages) {
  const d = htmlToDocument(p.html);
  if (detectArticle(d).isArticle) continue;
  const t = timeMedian(() => detectArticle(d), () => undefined);
  const t1 = timeMedian(() => d.getElementsByTagName('p'), () => undefined);
  const t2 = timeMedian(() => d.querySelectorAll('script[type="application/ld+json"]'), () => undefined);
  const t3 = timeMedian(() => d.getElementsByTagName('script'), () => undefined);
  console.log(p.name.padEnd(30), (t * 1000).toFixed(0), 'µs; getElementsByTagName(p)', (t1 * 1000).toFixed(0), 'qsa ld', (t2 * 1000).toFixed(0), 'gebtn script', (t3*1000).toFixed(0), 'nodes', d.getElementsByTagName('*').length);
}
