import { describe, expect, it } from 'vitest';
import { QMAX, decodeWeights, encodeWeights } from '@/lib/model/codec';
import { FEATURE_SPACE } from '@/lib/model/features';

const decode = (text: string) => {
  const out: [number, number][] = [];
  decodeWeights(text, (i, q) => out.push([i, q]));
  return out;
};

describe('weights codec', () => {
  it('round-trips sparse weights, including the ends of both ranges', () => {
    const entries: [number, number][] = [[0, 1], [1, -1], [31, QMAX], [32, -QMAX], [1000, 7], [FEATURE_SPACE - 1, -300]];
    const text = encodeWeights(entries);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decode(text)).toEqual(entries);
    expect(decode('')).toEqual([]);
  });

  it('refuses what it cannot represent and text it did not write', () => {
    expect(() => encodeWeights([[5, QMAX + 1]])).toThrow(/out of range/);
    expect(() => encodeWeights([[5, 1], [4, 1]])).toThrow(/sorted/);
    expect(() => decode('A')).toThrow(/malformed/);
    expect(() => decode('A*A')).toThrow(/malformed/);
    expect(() => decode('__________AA')).toThrow(/overlong/);
  });
});
