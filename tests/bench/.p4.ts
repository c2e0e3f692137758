import { parseHTML } from 'linkedom';
for (const h of ['<body><article><p>x</p></article></body>', '<html><head><title>t</title></head><body><p>y</p></body></html>', '<!doctype html><html><head><title>t</title></head><body><p>y</p></body></html>', '<html><head></head><body><p>z</p></body></html>','']) {
  const { document } = parseHTML(h);
  console.log(JSON.stringify(h.slice(0,30)), !!document.documentElement, !!document.body, document.body?.innerHTML, document.getElementsByTagName('p').length);
}
