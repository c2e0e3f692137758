import { readFileSync } from 'node:fs';
import { textToDocument, htmlToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
import { Readability } from '@mozilla/readability';
const seed = readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8');
const pages: Record<string, () => Document> = {
  SEED: () => textToDocument(seed),
  demo: () => htmlToDocument(readFileSync('tests/fixtures/pages/demo-alibaba-h200.html','utf8')),
  zh: () => htmlToDocument(readFileSync('tests/fixtures/pages/zh-alibaba-cloud-results.html','utf8')),
};
for (const [name, mk] of Object.entries(pages)) {
  const docs = Array.from({length: 60}, mk);
  const p: number[] = []; const r: number[] = [];
  for (let i = 0; i < 60; i++) {
    let t = performance.now(); scan(docs[i]!, defaultPack, { asOf: '2026-11-24' }); p.push(performance.now() - t);
    const d2 = mk(); t = performance.now(); new Readability(d2 as any).parse(); r.push(performance.now() - t);
  }
  const med = (a: number[]) => a.slice(10).sort((x, y) => x - y)[Math.floor((a.length - 10) / 2)]!;
  const mn = (a: number[]) => Math.min(...a); console.log(name, 'min', mn(p).toFixed(2), mn(r).toFixed(2), 'pipeline median', med(p).toFixed(2), 'readability median', med(r).toFixed(2));
}
