import { readFileSync, readdirSync } from 'node:fs';
import { textToDocument, htmlToDocument } from '/work/main/lib/cli/scan';
import { defaultPack } from '/work/main/lib/pack/default-pack';
import { scan } from '/work/main/lib/pipeline/scan';
import { Readability } from '@mozilla/readability';
const seed = readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8');
const pages = ['SEED', ...readdirSync('/work/main/tests/fixtures/pages').filter(f=>f.endsWith('.html'))];
for (const p of pages) {
  const mk = () => p==='SEED' ? textToDocument(seed) : htmlToDocument(readFileSync('/work/main/tests/fixtures/pages/'+p,'utf8'));
  let r; const N=20; let tot=0; const stages: Record<string,number> = {};
  for (let i=0;i<N;i++){ const d=mk(); r=scan(d, defaultPack,{asOf:'2026-11-24'}); if(i>=5){tot+=r.timingsMs.total; for(const [k,v] of Object.entries(r.timingsMs)) stages[k]=(stages[k]??0)+v/(N-5);} }
  let rt=0; for (let i=0;i<N;i++){ const d=mk(); const t=performance.now(); new Readability(d as any).parse(); if(i>=5) rt+=performance.now()-t; }
  console.log(p.padEnd(40), 'pipeline', (tot/(N-5)).toFixed(2), 'readability', (rt/(N-5)).toFixed(2), JSON.stringify(Object.fromEntries(Object.entries(stages).map(([k,v])=>[k,+v.toFixed(2)]))), r!.relevant, r!.topics.join(','), r!.claims.length);
}
