import { parseHTML } from 'linkedom';
import { isProbablyReaderable } from '@mozilla/readability';
import { detectArticle } from '../../lib/pipeline/article';
import { corpusPages } from '../support/shared';
let agree = 0, n = 0;
for (const page of corpusPages()) {
  const { document } = parseHTML(page.html);
  const t0 = performance.now();
  const info = detectArticle(document as unknown as Document, {});
  const t = performance.now() - t0;
  const r = page.expected?.readerable ?? isProbablyReaderable(document as any);
  n++; if (r === info.isArticle) agree++;
  if (r !== info.isArticle || process.argv[2]) console.log(page.name, 'readerable', r, 'ours', info.isArticle, info.published, info.lang, t.toFixed(2), JSON.stringify(info.title.slice(0,50)), info.text.text.length, info.roots[0]?.tagName, info.roots[0]?.getAttribute('class'));
}
console.log('agree', agree, '/', n);
