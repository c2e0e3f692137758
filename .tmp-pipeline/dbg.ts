import { defaultPack } from '../lib/pack/default-pack';
import { extractFigures, checkFigures } from '../lib/pipeline/figures';
const t = process.argv[2]!;
const f = extractFigures(t);
console.log(f);
console.log(checkFigures({ text: t, figures: f }, defaultPack.items, { published: process.argv[3] ?? '2025-11-25', asOf: '2026-01-09', entities: defaultPack.entities }));
