import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { anchorInIndex, anchorInText, buildPageTextIndex, describeOffsets, describeRange, matchQuote } from '@/lib/anchoring';

// Invented article text (the seed article is never copied into the repository).
const PARAGRAPHS = [
  'Cloud revenue at the group rose 34% from a year earlier, the fastest pace among its segments.',
  'Executives said AI-related products kept growing at triple-digit rates for a ninth quarter.',
  'The company plans to spend RMB 380 billion on AI infrastructure over three years.',
  'Analysts cautioned that export rules could still limit access to advanced accelerators.',
  'Quick commerce keeps growing, but it consumes significant cash every quarter.',
];

/**
 * Text and offsets are checked on linkedom documents (what the pipeline parses); linkedom
 * has no offset-based Range, so the Range round trips run on happy-dom.
 */
function html(paragraphs: string[], extra = ''): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html><head><title>t</title></head><body><article><h1>Headline</h1>${extra}${body}</article></body></html>`;
}
function page(paragraphs: string[], extra = ''): Document {
  return parseHTML(html(paragraphs, extra)).document as unknown as Document;
}
function livePage(paragraphs: string[], extra = ''): Document {
  const window = new Window({ url: 'https://www.example.com/' });
  window.document.write(html(paragraphs, extra));
  return window.document as unknown as Document;
}

function saveQuote(doc: Document, quote: string) {
  const index = buildPageTextIndex(doc);
  const at = index.text.indexOf(quote);
  expect(at).toBeGreaterThanOrEqual(0);
  const selectors = describeOffsets(index.text, at, at + quote.length)!;
  return { quote: selectors[0], position: selectors[1] };
}

describe('re-anchoring a saved quote', () => {
  const quote = 'spend RMB 380 billion on AI infrastructure';

  it('finds it by position on the unchanged page, and the Range covers exactly the quote', () => {
    const doc = livePage(PARAGRAPHS);
    const selectors = saveQuote(doc, quote);
    const anchor = anchorInIndex(buildPageTextIndex(doc), selectors)!;
    expect(anchor.method).toBe('position');
    expect(anchor.range.toString()).toBe(quote);
  });

  it('finds it after a paragraph is inserted above (position moved, exact quote)', () => {
    const selectors = saveQuote(page(PARAGRAPHS), quote);
    const edited = page(['A new opening paragraph about the quarter, added after publication.', ...PARAGRAPHS]);
    const index = buildPageTextIndex(edited);
    const anchor = anchorInText(index.text, selectors)!;
    expect(anchor.method).toBe('quote');
    expect(index.text.slice(anchor.start, anchor.end)).toBe(quote);
    expect(anchor.start).toBeGreaterThan(selectors.position.start);
  });

  it('finds it approximately when the sentence was edited, and rejects too different text', () => {
    const sentence = PARAGRAPHS[2]!;
    const selectors = saveQuote(page(PARAGRAPHS), sentence);
    const edited = [...PARAGRAPHS];
    edited[2] = 'The company now plans to spend RMB 380 billion on AI infrastructure over the next three years.';
    const anchor = anchorInIndex(buildPageTextIndex(livePage(edited)), selectors)!;
    expect(anchor.method).toBe('fuzzy');
    expect(anchor.range.toString()).toContain('RMB 380 billion on AI infrastructure');
    expect(anchor.range.toString()).toContain('The company');

    const rewritten = [...PARAGRAPHS];
    rewritten[2] = 'Management dropped its capital spending target entirely during the call.';
    expect(anchorInText(buildPageTextIndex(page(rewritten)).text, selectors)).toBeNull();
  });

  it('chooses the occurrence whose prefix and suffix match when the quote is repeated', () => {
    const repeated = [
      'Shares fell 4% in Hong Kong on Monday after the report.',
      ...PARAGRAPHS,
      'By the close, shares fell 4% in Hong Kong again as export worries returned.',
    ];
    const doc = page(repeated);
    const index = buildPageTextIndex(doc);
    const second = index.text.lastIndexOf('fell 4% in Hong Kong');
    const [q, p] = describeOffsets(index.text, second, second + 'fell 4% in Hong Kong'.length)!;
    // Move the second one so that the position fails and the quote search must decide.
    const shifted = page(['Inserted lead paragraph.', ...repeated]);
    const text = buildPageTextIndex(shifted).text;
    const anchor = anchorInText(text, { quote: q, position: p })!;
    expect(anchor.method).toBe('quote');
    expect(anchor.start).toBe(text.lastIndexOf('fell 4% in Hong Kong'));
  });

  it('reports a quote that is gone as not found', () => {
    const selectors = saveQuote(page(PARAGRAPHS), PARAGRAPHS[4]!);
    const without = page(PARAGRAPHS.slice(0, 4));
    expect(anchorInText(buildPageTextIndex(without).text, selectors)).toBeNull();
  });

  it('ignores the extension\'s own UI when building positions', () => {
    const plain = page(PARAGRAPHS);
    const withUi = page(PARAGRAPHS, '<thesis-lens-sidebar><p>Sidebar: spend RMB 380 billion on AI infrastructure</p></thesis-lens-sidebar>');
    expect(buildPageTextIndex(withUi).text).toBe(buildPageTextIndex(plain).text);
    const selectors = saveQuote(plain, quote);
    expect(anchorInText(buildPageTextIndex(withUi).text, selectors)!.method).toBe('position');
  });
});

describe('describing a selection', () => {
  it('turns a Range across elements into quote and position selectors', () => {
    const doc = livePage(PARAGRAPHS);
    const paragraphs = doc.querySelectorAll('p');
    const range = doc.createRange();
    range.setStart(paragraphs[1]!.firstChild!, 'Executives said '.length);
    range.setEnd(paragraphs[2]!.firstChild!, 'The company plans'.length);
    const index = buildPageTextIndex(doc);
    const [q, p] = describeRange(index, range)!;
    expect(q.exact.startsWith('AI-related products')).toBe(true);
    expect(q.exact.endsWith('The company plans')).toBe(true);
    expect(index.text.slice(p.start, p.end)).toBe(q.exact);
    expect(q.prefix.endsWith('Executives said ')).toBe(true);
    expect(q.suffix.startsWith(' to spend')).toBe(true);
  });

  it('resolves element boundaries (a triple-click selection) and trims whitespace', () => {
    const doc = livePage(PARAGRAPHS);
    const p = doc.querySelectorAll('p')[3]!;
    const range = doc.createRange();
    range.setStart(p, 0);
    range.setEnd(p, 1);
    const [q] = describeRange(buildPageTextIndex(doc), range)!;
    expect(q.exact).toBe(PARAGRAPHS[3]);
  });

  it('returns null for a selection of nothing but whitespace', () => {
    expect(describeOffsets('a   b', 1, 4)).toBeNull();
  });
});

describe('matchQuote', () => {
  it('prefers exact over fuzzy and scores by context', () => {
    const text = 'alpha beta gamma. alpha beta gamma! alpha bxta gamma?';
    const m = matchQuote(text, 'alpha beta gamma', { prefix: '. ', suffix: '!' })!;
    expect(m.exact).toBe(true);
    expect(m.start).toBe(18);
  });

  it('works on plain text without a DOM', () => {
    expect(anchorInText('one two three', { quote: { exact: 'two' }, position: { start: 4, end: 7 } })!.method).toBe('position');
    expect(anchorInText('one two three', { quote: { exact: 'zzzzzzzz' } })).toBeNull();
  });
});
