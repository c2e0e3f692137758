import { readFileSync } from 'node:fs';
import { htmlToDocument } from '../../lib/cli/scan';
import { defaultPack } from '../../lib/pack/default-pack';
import { scan } from '../../lib/pipeline/scan';
const name = process.argv[2]!;
const exp = JSON.parse(readFileSync(`tests/fixtures/pages/${name}.expected.json`, 'utf8'));
const r = scan(htmlToDocument(readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8')), defaultPack, { url: exp.url, asOf: exp.asOf });
console.log(r.topics, r.relevant, r.published, r.timingsMs);
for (const c of r.claims) console.log('-', c.text.slice(0, 160), JSON.stringify(c.items), JSON.stringify(c.checks.map((k) => [k.itemId, k.verdict, k.figure, k.known])));
