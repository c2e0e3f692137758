import { readFileSync } from 'node:fs';
import { htmlToDocument, textToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
const docs = [textToDocument(readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8')), htmlToDocument(readFileSync('tests/fixtures/pages/demo-alibaba-h200.html','utf8'))];
for (let i=0;i<600;i++) for (const d of docs) scan(d, defaultPack, { asOf: '2026-11-24' });
