import { readFileSync } from 'node:fs';
import { textToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
const seed = readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8');
const docs = Array.from({length: 80}, () => textToDocument(seed));
const acc: Record<string, number[]> = {};
for (let i = 0; i < 80; i++) { const r = scan(docs[i]!, defaultPack, { asOf: '2026-11-24' }); if (i >= 20) for (const [k, v] of Object.entries(r.timingsMs)) (acc[k] ??= []).push(v); }
for (const [k, v] of Object.entries(acc)) { v.sort((a, b) => a - b); console.log(k, v[Math.floor(v.length / 2)]!.toFixed(2)); }
for (let i = 0; i < 8; i++) { const r = scan(textToDocument(seed), defaultPack, { asOf: '2026-11-24' }); console.log(JSON.stringify(r.timingsMs)); }
