import { furnitureOf } from './article-furniture';

/**
 * Publication dates: the formats pages write them in, the meta tags that carry them, the visible date line.
 */

export const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\\.?';
export const DATE_PATTERNS: Array<{ pattern: RegExp; order: 'ymd' | 'mdy' | 'dmy' }> = [
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, order: 'ymd' },
  { pattern: /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, order: 'ymd' },
  { pattern: new RegExp(`\\b${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i'), order: 'mdy' },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'i'), order: 'dmy' },
  { pattern: /^((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)/, order: 'ymd' },
];

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 February
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date written in `text`, as YYYY-MM-DD: ISO, "2026年1月9日", "Jan.09 2026", "9 January 2026". */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  let best: { index: number; date: string } | null = null;
  for (const { pattern, order } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.index)) continue;
    const [, a, b, c] = match as unknown as [string, string, string, string];
    const monthOf = (name: string) => MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
    const date =
      order === 'ymd' ? isoDate(+a, +b, +c) : order === 'mdy' ? isoDate(+c, monthOf(a), +b) : isoDate(+c, monthOf(b), +a);
    if (date) best = { index: match.index, date };
  }
  return best?.date ?? null;
}

export const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date', 'dcterms.date', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'article.published', 'citation_publication_date', 'article:modified_time',
];

export function visibleDate(root: Element, text: string): string | null {
  const scopes: ParentNode[] = [];
  const article = root.closest('article');
  if (article) scopes.push(article);
  scopes.push(root);
  for (const scope of scopes) {
    const time = scope.querySelector('time[datetime]');
    const date = parseDate(time?.getAttribute('datetime')) ?? parseDate(time?.textContent);
    if (date) return date;
  }
  for (const scope of scopes) {
    const bylines = scope.querySelectorAll('[class*="date"], [class*="time"], [class*="publish"], [class*="byline"], [class*="dateline"], [class*="meta"]');
    for (let i = 0; i < bylines.length && i < 20; i++) {
      const date = parseDate(bylines[i]!.textContent);
      if (date) return date;
    }
  }
  // Blog and portal layouts write the date as plain text near the top or at the end.
  return parseDate(text.slice(0, 1500)) ?? parseDate(text.slice(-1500));
}

export function documentTimeDate(document: Document): string | null {
  const times = document.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length && i < 10; i++) {
    const time = times[i]!;
    let furniture = false;
    for (let node = time.parentElement; node && !furniture; node = node.parentElement) {
      furniture = !!furnitureOf(node, node.tagName.toUpperCase());
    }
    if (!furniture) return parseDate(time.getAttribute('datetime'));
  }
  return null;
}
