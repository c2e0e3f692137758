import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
const { document } = parseHTML(readFileSync(`../shared/corpus/readability-pages/${process.argv[2]}/source.html`, 'utf8'));
for (const p of [...document.getElementsByTagName('p')].filter(p => p.textContent.length > 150).slice(0, 2)) {
  const chain = [];
  for (let n = p.parentElement; n; n = n.parentElement) chain.push(`${n.tagName}.${n.getAttribute('class') ?? ''}#${n.getAttribute('id') ?? ''}[${n.getAttribute('role') ?? ''}]`);
  console.log(chain.join(' < '));
}
