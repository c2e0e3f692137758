#!/usr/bin/env node
// `npm run eval`: the page pipeline's accuracy on labelled pages, overall, by item and by
// language. It runs the shared scorer (../shared/devset/score.mjs, which runs `scan`) on the
// dev set, on the team's own held-out sets (every tests/holdout* folder with a labels.json, in
// name order: tests/holdout, then tests/holdout-2, …) and on every other set given with
// --set DIR (a folder laid out the same way: labels.json and pages/). All are measuring
// sticks, never a source of words.
//
// Usage: npm run eval [-- --set DIR ...] [--as-of YYYY-MM-DD] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const shared = path.resolve(process.env.THESIS_LENS_SHARED ?? path.join(root, '..', 'shared'));
const scorer = path.join(shared, 'devset', 'score.mjs');
if (!existsSync(scorer)) {
  console.error(`eval: the shared scorer is missing (${scorer}); set THESIS_LENS_SHARED to the shared folder`);
  process.exit(2);
}
const args = process.argv.slice(2);
const sets = [null];
for (let i = 0; i < args.length; i++) if (args[i] === '--set') sets.push(path.resolve(args[++i]));
// The held-out sets are scored by default so that a gain on the dev set is seen beside them.
const testsDir = path.join(root, 'tests');
const holdouts = existsSync(testsDir)
  ? readdirSync(testsDir).filter((name) => /^holdout(-\d+)?$/.test(name)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  : [];
for (const name of holdouts) {
  const holdout = path.join(testsDir, name);
  if (existsSync(path.join(holdout, 'labels.json')) && !sets.includes(holdout)) sets.push(holdout);
}
const asOfIndex = args.indexOf('--as-of');
const asOf = asOfIndex >= 0 ? args[asOfIndex + 1] : '2026-01-09';
const asJson = args.includes('--json');

const results = [];
for (const set of sets) {
  const run = spawnSync(process.execPath, [scorer, '--json', '--as-of', asOf, ...(set ? ['--set', set] : [])], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.error(`eval: scoring ${set ?? 'the dev set'} failed: ${(run.stdout || run.stderr).trim().split('\n').slice(-2).join(' | ')}`);
    process.exit(1);
  }
  results.push({ set: set ? path.relative(root, set) || set : 'dev set', ...JSON.parse(run.stdout) });
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}
// The sets the link combiner was fitted to (lib/model/combiner.json) are no longer held out: say so.
const combinerPath = path.join(root, 'lib/model/combiner.json');
const combinerSets = existsSync(combinerPath) ? JSON.parse(readFileSync(combinerPath, 'utf8')).trainedOn?.sets ?? [] : [];
const pct = (x) => (typeof x === 'number' ? x.toFixed(3) : '—');
for (const r of results) {
  const trained = combinerSets.includes(r.set) ? ', the link combiner\'s training pages: not held out' : '';
  console.log(`\n${r.set} (${r.pages} pages, as of ${asOf}${trained})`);
  console.log(`  relevance   P/R/F1 ${pct(r.relevance.precision)} / ${pct(r.relevance.recall)} / ${pct(r.relevance.f1)}   topics exactly right ${pct(r.topicsExact)}`);
  console.log(`  links       P/R/F1 ${pct(r.links.precision)} / ${pct(r.links.recall)} / ${pct(r.links.f1)}   (tp ${r.links.tp}, fp ${r.links.fp}, fn ${r.links.fn})`);
  console.log(`  stance      ${pct(r.stanceAccuracy)}   figure verdicts ${pct(r.figureVerdictAccuracy)}`);
  console.log(`  links F1 by language  ${Object.entries(r.linksByLang).map(([k, v]) => `${k} ${pct(v)}`).join('   ')}`);
  console.log('  links F1 by item');
  for (const [item, f1] of Object.entries(r.linksByItem).sort()) console.log(`    ${item.padEnd(28)} ${pct(f1)}`);
}
