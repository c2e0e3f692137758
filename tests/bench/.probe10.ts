import { htmlToDocument } from '../../lib/cli/scan';
const shell = `<html><head><title>Dashboard</title></head><body><div id="app">${'<div class="row"><span class="cell">Value</span><button>Edit</button><a href="/x">Open</a></div>'.repeat(1500)}</div></body></html>`;
const d = htmlToDocument(shell);
const time = (label: string, fn: () => unknown) => { for (let i = 0; i < 5; i++) fn(); const ts: number[] = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); fn(); ts.push(performance.now() - t0); } ts.sort((a, b) => a - b); console.log(label.padEnd(20), (ts[15]! * 1000).toFixed(0), 'µs'); };
time('gebtn p', () => d.body.getElementsByTagName('p'));
time('gebtn br', () => d.body.getElementsByTagName('br'));
time('qsa p', () => d.body.querySelectorAll('p'));
time('treewalker', () => { const w = d.createTreeWalker(d.body, 1); let n = 0; let p = 0; while (w.nextNode()) { n++; if ((w.currentNode as Element).localName === 'p') p++; } return n; });
time('treewalker tagName', () => { const w = d.createTreeWalker(d.body, 1); let n = 0; while (w.nextNode()) { if ((w.currentNode as Element).tagName === 'P') n++; } return n; });
