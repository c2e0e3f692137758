import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The earliest day each date a note speaks of can mean: "mid-May 2026" → 2026-05-01, "2026-03-19" → itself, "2026" → 2026-01-01. */
function datesMentioned(note: string): string[] {
  const out: string[] = [];
  for (const m of note.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) out.push(`${m[1]}-${m[2]}-${m[3]}`);
  const monthYear = new RegExp(`\\b(${MONTHS.join('|')})\\b[\\s,-]*(?:quarter\\s+)?(\\d{4})\\b`, 'gi');
  for (const m of note.matchAll(monthYear)) out.push(`${m[2]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}-01`);
  for (const m of note.matchAll(/(\d{4})年(\d{1,2})月/g)) out.push(`${m[1]}-${m[2]!.padStart(2, '0')}-01`);
  for (const m of note.matchAll(/\b(20\d{2})\b(?!-\d{2})/g)) out.push(`${m[1]}-01-01`);
  return out;
}

describe('the bundled pack speaks of no date after its entry', () => {
  it('reads the dates a note mentions', () => {
    expect(datesMentioned('no delivery reported by mid-May 2026')).toEqual(['2026-05-01', '2026-01-01']);
    expect(datesMentioned('growth in the March 2026 quarter; on 2026-03-19')).toContain('2026-03-19');
    expect(datesMentioned('2026年5月交付')).toContain('2026-05-01');
  });

  for (const item of defaultPack.items) {
    it(`${item.id}: every note is no later than its date`, () => {
      for (const entry of item.history) {
        for (const mentioned of datesMentioned(entry.note)) {
          expect(mentioned <= entry.date, `${entry.date}: "${entry.note}" speaks of ${mentioned}`).toBe(true);
        }
      }
    });
  }
});
