import { htmlToDocument } from '../../lib/cli/scan';
import { detectArticle } from '../../lib/pipeline/article';
const shell = `<html><head><title>Dashboard</title></head><body><div id="app">${'<div class="row"><span class="cell">Value</span><button>Edit</button><a href="/x">Open</a></div>'.repeat(1500)}</div></body></html>`;
const d = htmlToDocument(shell);
const t0 = performance.now(); for (let i = 0; i < 200; i++) detectArticle(d); console.log((performance.now() - t0) / 200);
const c0 = process.cpuUsage(); for (let i = 0; i < 200; i++) detectArticle(d); const c = process.cpuUsage(c0); console.log('cpu ms/call', (c.user + c.system) / 1000 / 200);
const c1 = process.cpuUsage(); for (let i = 0; i < 200; i++) d.body.querySelectorAll('p'); const cc = process.cpuUsage(c1); console.log('qsa p cpu ms/call', (cc.user + cc.system) / 1000 / 200);
const c2 = process.cpuUsage(); for (let i = 0; i < 200; i++) d.body.getElementsByTagName('p'); const c3 = process.cpuUsage(c2); console.log('gebtn p cpu ms/call', (c3.user + c3.system) / 1000 / 200);
