import { parseHTML } from 'linkedom';
import { readFileSync, readdirSync } from 'node:fs';
import { detectArticle } from '../../lib/pipeline/article';
const dir = 'tests/fixtures/pages';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const exp = JSON.parse(readFileSync(`${dir}/${f.replace('.html', '.expected.json')}`, 'utf8'));
  const { document } = parseHTML(readFileSync(`${dir}/${f}`, 'utf8'));
  const t0 = performance.now();
  const info = detectArticle(document as unknown as Document, { url: exp.url });
  const t = performance.now() - t0;
  const bad = (exp.excludedText ?? []).filter((s: string) => info.text.text.includes(s));
  const flags = [info.isArticle !== exp.isArticle && 'ISARTICLE', info.published !== exp.published && `DATE ${info.published}`, bad.length && `LEAK ${bad}`, exp.lang && exp.lang !== info.lang && 'LANG'].filter(Boolean);
  console.log(f.padEnd(36), info.isArticle, info.published, info.lang, t.toFixed(2), info.roots[0]?.tagName + '.' + info.roots[0]?.getAttribute('class'), info.text.text.length, JSON.stringify(info.title.slice(0, 40)), info.siteName, flags.join(' '));
  if (process.argv[2] === f) console.log(info.text.text, info.url);
}
