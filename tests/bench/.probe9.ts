import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { htmlToDocument } from '../../lib/cli/scan';
import { defaultPack } from '../../lib/pack/default-pack';
import { detectArticle } from '../../lib/pipeline/article';
import { scan } from '../../lib/pipeline/scan';
const shell = `<html><head><title>Dashboard</title></head><body><div id="app">${'<div class="row"><span class="cell">Value</span><button>Edit</button><a href="/x">Open</a></div>'.repeat(1500)}</div></body></html>`;
const docs: Record<string, Document> = { shell: htmlToDocument(shell) };
for (const n of ['demo-alibaba-h200', 'bizpress-cloud-38-paywall']) docs[n] = htmlToDocument(readFileSync(`tests/fixtures/pages/${n}.html`, 'utf8'));
for (const [name, d] of Object.entries(docs)) {
  for (let i = 0; i < 30; i++) scan(d, defaultPack, { asOf: '2026-06-01' });
  const runs = Array.from({ length: 20 }, () => scan(d, defaultPack, { asOf: '2026-06-01' }).timingsMs);
  const med = (k: string) => runs.map((r) => r[k] ?? 0).sort((a, b) => a - b)[10]!.toFixed(3);
  const t0 = performance.now(); for (let i = 0; i < 20; i++) detectArticle(d); const det = (performance.now() - t0) / 20;
  const t1 = performance.now(); for (let i = 0; i < 20; i++) new Readability(d.cloneNode(true) as Document).parse(); const rd = (performance.now() - t1) / 20;
  console.log(name, Object.keys(runs[0]!).map((k) => `${k}=${med(k)}`).join(' '), 'detect', det.toFixed(3), 'readability+clone', rd.toFixed(3));
}
