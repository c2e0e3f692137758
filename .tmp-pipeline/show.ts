import { readFileSync } from 'node:fs';
import { htmlToDocument, textToDocument } from '../lib/cli/scan';
import { defaultPack } from '../lib/pack/default-pack';
import { scan } from '../lib/pipeline/scan';
for (const name of process.argv.slice(2)) {
  const isTxt = name.endsWith('.txt');
  const exp = isTxt ? {} : JSON.parse(readFileSync(`tests/fixtures/pages/${name}.expected.json`, 'utf8'));
  const doc = isTxt ? textToDocument(readFileSync(name, 'utf8')) : htmlToDocument(readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8'));
  const r = scan(doc, defaultPack, { url: exp.url ?? null, ...(exp.asOf ? { asOf: exp.asOf } : {}) });
  console.log('==', name, r.title, r.published, r.topics, 'claims', r.claims.length);
  for (const c of r.claims) console.log('-', c.text.slice(0, 200), '|', c.items.map(i => `${i.id}:${i.stance}`).join(' '), c.hedged ? 'H' : '', c.figures.map(f => f.raw).join(';'), '|', c.checks.map(k => `${k.itemId}:${k.verdict}:${k.known}`).join(' '));
}
