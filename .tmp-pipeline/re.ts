import { readFileSync } from 'node:fs';
const text = readFileSync('/work/shared/seeds/ainvest-alibaba-h200-2026-01-09.txt','utf8');
const terms = ['approv*','permit*','permission','allow*','authoriz*','green light','import*','block*','ban','banned','pause*','halt*','reject*','prohibit*'];
const body = terms.map(t=>t.replace('*','')).join('|');
const variants: Record<string, RegExp> = {
  lookbehind_iu: new RegExp(`(?<![\\p{Script=Latin}\\p{Nd}])(?:${body})`, 'giu'),
  lookbehind_i: new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F])(?:${body})`, 'gi'),
  nolook_iu: new RegExp(`(?:${body})`, 'giu'),
  nolook_i: new RegExp(`(?:${body})`, 'gi'),
  b_i: new RegExp(`\\b(?:${body})`, 'gi'),
};
const lower = text.toLowerCase();
const v2 = new RegExp(`(?:${body})`, 'g');
function time(name: string, f: () => unknown, n = 500) { for (let i=0;i<50;i++) f(); const t=performance.now(); for(let i=0;i<n;i++) f(); console.log(name.padEnd(20), ((performance.now()-t)/n*1000).toFixed(1),'us'); }
for (const [k, re] of Object.entries(variants)) time(k, () => { re.lastIndex=0; let c=0; while(re.exec(text)) c++; return c; });
time('lower+nolook', () => { v2.lastIndex=0; let c=0; while(v2.exec(lower)) c++; return c; });
time('toLowerCase', () => text.toLowerCase());
