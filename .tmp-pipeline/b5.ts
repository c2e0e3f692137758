import { readFileSync } from 'node:fs';
import { htmlToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
const name = process.argv[2] ?? 'demo-alibaba-h200';
const docs = Array.from({length: 60}, () => htmlToDocument(readFileSync(`tests/fixtures/pages/${name}.html`,'utf8')));
const acc: Record<string, number[]> = {};
for (let i = 0; i < 60; i++) { const r = scan(docs[i]!, defaultPack, { asOf: '2026-11-24' }); if (i >= 10) for (const [k, v] of Object.entries(r.timingsMs)) (acc[k] ??= []).push(v); }
console.log(Object.entries(acc).map(([k, v]) => `${k} min ${Math.min(...v).toFixed(2)} med ${v.sort((a,b)=>a-b)[v.length>>1]!.toFixed(2)}`).join('\n'));
for (let i = 0; i < 10; i++) { const r = scan(docs[i]!, defaultPack, { asOf: '2026-11-24' }); const { total, ...rest } = r.timingsMs; console.log(total.toFixed(2), Object.values(rest).reduce((a, b) => a + b, 0).toFixed(2)); }
