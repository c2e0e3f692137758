/**
 * The compact text form of one head's sparse weights: for each kept feature, in index order,
 * the gap from the previous index as a base-64 varint (5 bits a character, the sixth bit
 * says "more follows"), then the weight as a 12-bit signed integer in two characters. About
 * four characters a weight instead of nine in a JSON array, and it loads without a parse of
 * thousands of numbers, so the content script can afford it.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Quantized weights are integers in [-QMAX, QMAX]. */
export const QMAX = 2047;

export function encodeWeights(entries: readonly (readonly [index: number, q: number])[]): string {
  let out = '';
  let last = 0;
  for (const [index, q] of entries) {
    if (!Number.isInteger(q) || Math.abs(q) > QMAX) throw new Error(`weight ${q} out of range`);
    if (index < last) throw new Error('indices must be sorted');
    let gap = index - last;
    last = index;
    do {
      const chunk = gap & 31;
      gap >>>= 5;
      out += ALPHABET[chunk | (gap ? 32 : 0)];
    } while (gap);
    const biased = q + QMAX + 1;
    out += ALPHABET[biased >> 6]! + ALPHABET[biased & 63]!;
  }
  return out;
}

/** Decodes `encodeWeights` output; a malformed string throws instead of yielding wrong weights. */
export function decodeWeights(text: string, visit: (index: number, q: number) => void): void {
  let i = 0;
  let index = 0;
  const next = (): number => {
    const v = VALUE.get(text[i++] ?? '');
    if (v === undefined) throw new Error(`weights text is malformed at character ${i - 1}`);
    return v;
  };
  while (i < text.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const v = next();
      gap += (v & 31) * 2 ** shift;
      shift += 5;
      if (!(v & 32)) break;
      if (shift > 30) throw new Error('weights text has an overlong index gap');
    }
    index += gap;
    const q = ((next() << 6) | next()) - QMAX - 1;
    visit(index, q);
  }
}
