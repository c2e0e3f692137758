#!/usr/bin/env node
// Validates the held-out set's labels.json against its pages, so that the set stays
// well-formed: every page exists, every quote is 10–80 characters and occurs exactly once in
// the page's text, item ids are the default thesis's 11 ids, stances and figures are valid.
// Usage (from the project's root): node tests/holdout/check-labels.mjs [DIR] [--stats]
// The text is the page's text content without scripts and styles, normalised the way the
// shared scorer compares quotes (NFKC, quote folding, collapsed whitespace, lower case).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ITEM_IDS = [
  'h200-import-approval', 'h200-procurement', 'h200-deployment', 'ai-revenue-growth',
  'cloud-revenue-growth', 'capex-commitment', 'infrastructure-recognition', 'valuation-rerating',
  'export-control-tightening', 'quick-commerce-cash-burn', 'core-commerce-slowdown',
];
export const TOPIC_IDS = ['alibaba', 'h200-exports'];
const STANCES = ['supports', 'challenges', 'neutral'];
const UNITS = ['percent', 'cny', 'usd', 'units', 'ratio'];
const VERDICTS = ['matches', 'differs', 'newer'];

const ENTITIES = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c', rdquo: '\u201d', mdash: '\u2014', ndash: '\u2013', middot: '·', copy: '©', hellip: '…' };

/** The page's text content: markup, scripts, styles and comments removed, entities decoded. */
export function pageText(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, name) => ENTITIES[name.toLowerCase()] ?? m);
}

export const normalise = (s) => s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

function occurrences(haystack, needle) {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** Every problem found in the set at `dir` (labels.json + pages/), as readable lines; empty when valid. */
export function checkLabels(dir) {
  const problems = [];
  const labelsPath = path.join(dir, 'labels.json');
  if (!existsSync(labelsPath)) return [`${labelsPath} is missing`];
  let labels;
  try { labels = JSON.parse(readFileSync(labelsPath, 'utf8')); } catch (e) { return [`labels.json is not valid JSON: ${e.message}`]; }
  if (!Array.isArray(labels)) return ['labels.json must be an array of page entries'];
  const seen = new Set();
  for (const [i, page] of labels.entries()) {
    const where = `entry ${i} (${page?.file ?? 'no file'})`;
    if (typeof page?.file !== 'string') { problems.push(`${where}: file must be a string`); continue; }
    if (seen.has(page.file)) problems.push(`${where}: file listed twice`);
    seen.add(page.file);
    const file = path.join(dir, 'pages', page.file);
    if (!existsSync(file)) { problems.push(`${where}: page file does not exist`); continue; }
    if (typeof page.relevant !== 'boolean') problems.push(`${where}: relevant must be true or false`);
    if (!Array.isArray(page.topics) || !Array.isArray(page.claims)) { problems.push(`${where}: topics and claims must be arrays`); continue; }
    for (const t of page.topics) if (!TOPIC_IDS.includes(t)) problems.push(`${where}: unknown topic ${t}`);
    if (!['en', 'zh'].includes(page.lang)) problems.push(`${where}: lang must be en or zh`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(page.published ?? '')) problems.push(`${where}: published must be YYYY-MM-DD`);
    if (!page.relevant) {
      if (page.topics.length || page.claims.length) problems.push(`${where}: a negative has no topics and no claims`);
      continue;
    }
    if (!page.topics.length) problems.push(`${where}: a relevant page names at least one topic`);
    const text = normalise(pageText(readFileSync(file, 'utf8')));
    for (const [j, claim] of page.claims.entries()) {
      const at = `${where} claim ${j} "${claim?.quote}"`;
      if (typeof claim?.quote !== 'string') { problems.push(`${at}: quote must be a string`); continue; }
      const len = [...claim.quote].length;
      if (len < 10 || len > 80) problems.push(`${at}: quote is ${len} characters (10–80)`);
      if (/[.!?]\s+[A-Z"“]|[。！？]./.test(claim.quote)) problems.push(`${at}: quote spans more than one sentence`);
      const n = occurrences(text, normalise(claim.quote));
      if (n !== 1) problems.push(`${at}: quote occurs ${n} times in the page text (must be once)`);
      if (!Array.isArray(claim.items) || !claim.items.length) problems.push(`${at}: items must be a non-empty array`);
      else for (const id of claim.items) if (!ITEM_IDS.includes(id)) problems.push(`${at}: unknown item ${id}`);
      if (new Set(claim.items ?? []).size !== (claim.items ?? []).length) problems.push(`${at}: an item is listed twice`);
      if (!STANCES.includes(claim.stance)) problems.push(`${at}: stance must be one of ${STANCES.join(', ')}`);
      if (claim.figure !== undefined) {
        const f = claim.figure;
        if (typeof f?.value !== 'number' || !Number.isFinite(f.value)) problems.push(`${at}: figure.value must be a number`);
        if (!UNITS.includes(f?.unit)) problems.push(`${at}: figure.unit must be one of ${UNITS.join(', ')}`);
        if (!VERDICTS.includes(f?.verdict)) problems.push(`${at}: figure.verdict must be one of ${VERDICTS.join(', ')}`);
      }
    }
  }
  const pagesDir = path.join(dir, 'pages');
  if (existsSync(pagesDir)) for (const f of readdirSync(pagesDir)) if (!seen.has(f)) problems.push(`pages/${f} has no entry in labels.json`);
  return problems;
}

/** Body size per page: words for English, Han characters for Chinese (whole page text, a rough guide). */
export function pageSizes(dir) {
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  return labels.map((p) => {
    const text = pageText(readFileSync(path.join(dir, 'pages', p.file), 'utf8'));
    return { file: p.file, words: (text.match(/[A-Za-z0-9$%.,'’-]+/g) ?? []).length, han: (text.match(/[\u3400-\u9fff]/g) ?? []).length, claims: p.claims.length };
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.dirname(fileURLToPath(import.meta.url)));
  if (args.includes('--stats')) for (const s of pageSizes(dir)) console.log(`${s.file.padEnd(48)} words ${String(s.words).padStart(5)}  han ${String(s.han).padStart(5)}  claims ${s.claims}`);
  const problems = checkLabels(dir);
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : 'labels OK');
  process.exit(problems.length ? 1 : 0);
}
