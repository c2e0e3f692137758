import { readFileSync, readdirSync } from 'node:fs';
import { textToDocument, htmlToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
import { Readability } from '@mozilla/readability';
const seed = readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8');
const pages: Record<string, () => Document> = { SEED: () => textToDocument(seed) };
for (const f of readdirSync('tests/fixtures/pages').filter(f => f.endsWith('.html'))) pages[f.replace('.html','')] = () => htmlToDocument(readFileSync('tests/fixtures/pages/' + f, 'utf8'));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let sp = 0, sr = 0;
for (const [name, mk] of Object.entries(pages)) {
  const N = 30;
  const docs = Array.from({ length: N }, mk); const rdocs = Array.from({ length: N }, mk);
  for (let i = 0; i < 5; i++) scan(docs[i]!, defaultPack, { asOf: '2026-11-24' });
  let t = cpu(); for (let i = 5; i < N; i++) scan(docs[i]!, defaultPack, { asOf: '2026-11-24' }); const p = (cpu() - t) / (N - 5);
  for (let i = 0; i < 5; i++) new Readability(rdocs[i] as any).parse();
  t = cpu(); for (let i = 5; i < N; i++) new Readability(rdocs[i] as any).parse(); const r = (cpu() - t) / (N - 5);
  sp += p; sr += r;
  console.log(name.padEnd(34), 'pipeline cpu ms', p.toFixed(2).padStart(7), ' readability cpu ms', r.toFixed(2).padStart(7), ' ratio', (p / r).toFixed(2));
}
console.log('TOTAL', sp.toFixed(1), sr.toFixed(1), (sp / sr).toFixed(2));
