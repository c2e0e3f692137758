import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDir } from '../support/shared';

/**
 * No run of 8 words (16 Chinese characters) of a dev-set page stands anywhere in the project:
 * the pipeline, its lexicons and training sentences, the fixtures and the UI. The dev set's own
 * checker reads source and text files; the training corpus (`.jsonl`) is handed to it as text.
 */
const checker = join(sharedDir(), 'devset', 'check-no-copy.mjs');
const trainingCopies = mkdtempSync(join(tmpdir(), 'thesis-lens-training-'));
afterAll(() => rmSync(trainingCopies, { recursive: true, force: true }));

describe('the dev set is a measuring stick, never a source', () => {
  it('shares no wording with the project’s code, lexicons, training data, fixtures or UI', () => {
    expect(existsSync(checker), checker).toBe(true);
    const data = join('lib', 'model', 'training-data');
    for (const file of readdirSync(data).filter((name) => name.endsWith('.jsonl'))) copyFileSync(join(data, file), join(trainingCopies, `${basename(file, '.jsonl')}.txt`));
    const run = spawnSync(process.execPath, [checker, 'lib', 'tests', 'entrypoints', 'components', 'docs', 'README.md', trainingCopies], { encoding: 'utf8' });
    // On failure the checker's lines say where each shared run of words stands.
    expect(run.status, run.stdout || run.stderr).toBe(0);
    expect(run.stdout).toMatch(/no dev-set wording found/i);
  });
});
