import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { corpusPages } from '/work/main/tests/support/shared';
import { defaultPack } from '/work/main/lib/pack/default-pack';
import { gateTermsFromPacks } from '/work/main/lib/gate';
const r = await build({ entryPoints: ['/work/main/lib/gate.ts'], bundle: true, minify: true, format: 'iife', globalName: 'G', write: false });
const logic = r.outputFiles[0]!.text + '\nglobalThis.G = G;';
const terms = gateTermsFromPacks([defaultPack]);
const b = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext({ javaScriptEnabled: JSON.parse(process.env.JS ?? 'false') });
let cur = '';
await ctx.route('**/*', (rt) => rt.request().isNavigationRequest() ? rt.fulfill({ body: cur, contentType: 'text/html' }) : rt.abort());
const page = await ctx.newPage();
const res: any[] = [];
for (const p of corpusPages()) {
  cur = p.html;
  await page.goto('https://x.test/', { waitUntil: 'domcontentloaded' });
  await page.evaluate(logic);
  res.push(await page.evaluate(`((terms) => {
    const t = (fn) => { let n = 0; const s = performance.now(); let e; do { fn(); n++; e = performance.now() - s; } while (e < 5); return e / n; };
    const c = G.compileGateTerms(terms); const smp = G.samplePage(document);
    const q = () => 0;
    return { compile: t(() => G.compileGateTerms(terms)), sample: t(() => G.samplePage(document)), decide: t(() => G.mayBeRelevant(smp, c)), query: t(q), nodes: document.getElementsByTagName('*').length, len: smp.body.length };
  })(${JSON.stringify(terms)})`));
}
const med = (k: string) => { const v = res.map((x) => x[k]).sort((a, b) => a - b); return [v[Math.floor(v.length / 2)], v[Math.floor(v.length * 0.95)]]; };
for (const k of ['compile', 'sample', 'decide', 'query', 'nodes', 'len']) console.log(k, med(k));
await b.close();
