import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPack } from '@/lib/pack/default-pack';
import { parseCorpus, type CorpusFile } from '@/lib/model/corpus';
import type { TrainingExample } from '@/lib/model/train';

export const ITEMS = defaultPack.items.map((i) => ({ id: i.id, kind: i.kind }));
export const ITEM_IDS = ITEMS.map((i) => i.id);
const DATA_DIR = join(import.meta.dirname, '../../../lib/model/training-data');

export function corpusFiles(): CorpusFile[] {
  return readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .map((name) => ({ name, content: readFileSync(join(DATA_DIR, name), 'utf8') }));
}

let cached: TrainingExample[] | undefined;
/** The committed corpus, parsed once per test file. */
export function committedCorpus(): TrainingExample[] {
  cached ??= parseCorpus(corpusFiles(), ITEM_IDS);
  return cached;
}
