/**
 * Reading the training corpus (lib/model/training-data/*.jsonl): one JSON object a line, checked
 * against the schema and the thesis's item ids. Pure (the caller reads the files), so the
 * train script and the tests share it. Errors name the file and line; nothing is dropped silently.
 */
import { TrainingExampleSchema, type TrainingExample } from './train';

export type CorpusFile = { name: string; content: string };

export function parseCorpus(files: readonly CorpusFile[], itemIds: readonly string[]): TrainingExample[] {
  const known = new Set(itemIds);
  const seen = new Map<string, string>();
  const errors: string[] = [];
  const out: TrainingExample[] = [];
  // Fixed order (by file name, then line) so training is the same wherever it runs.
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    file.content.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const where = `${file.name}:${i + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (err) {
        errors.push(`${where}: not JSON (${(err as Error).message})`);
        return;
      }
      const parsed = TrainingExampleSchema.safeParse(json);
      if (!parsed.success) {
        errors.push(`${where}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
        return;
      }
      const e = parsed.data;
      const unknown = e.items.filter((id) => !known.has(id));
      if (unknown.length) errors.push(`${where}: unknown item id ${unknown.join(', ')}`);
      // The same sentence may appear again after another predecessor (a continuation and its near miss).
      const fold = (t: string) => t.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
      const key = e.previous === undefined ? fold(e.text) : `${fold(e.previous)}\n${fold(e.text)}`;
      const first = seen.get(key);
      if (first) errors.push(`${where}: duplicate of ${first}`);
      else seen.set(key, where);
      out.push(e);
    });
  }
  if (errors.length) throw new Error(`training corpus has ${errors.length} error(s):\n${errors.slice(0, 50).join('\n')}`);
  return out;
}
