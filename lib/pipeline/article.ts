import { buildTextIndex, type TextIndex } from '../dom/text-index';
import { PUBLISHED_META, documentTimeDate, parseDate, visibleDate } from './article-dates';
import { headOf } from './article-furniture';
import { absoluteUrl, detectLang, readJsonLd, readMeta, stripSiteSuffix } from './article-metadata';
import { ARTICLE_MIN_TEXT, READERABLE_SCORE, chooseRoot, headlineOf, scoreParagraphs, summaryListBefore } from './article-root';
import { MAX_TEXT_CHARS, furnitureFilter } from './article-text';

export { parseDate } from './article-dates';

/**
 * Is this page a news article, and where is its text?
 *
 * Pure DOM (runs on linkedom in Node and on the live page). It runs on every page a
 * content script sees, so it is built to be cheap: the <meta> tags in <head>, then one
 * pass over the <p> elements scoring their containers (no layout, no getComputedStyle),
 * and only for a page with enough paragraph text the JSON-LD, then one bounded pass over
 * the chosen container to leave out page furniture. A page without paragraph text is
 * rejected after the <p> pass, with no text built.
 *
 * Infinite-scroll pages stack several <article> elements. The main one is the article the
 * page's own metadata describes (its headline matches the page title), else the first
 * substantial one; the others are ignored, because title, date and URL describe only the
 * main one and claims from a stacked article would be filed under the wrong story.
 */

export interface ArticleInfo {
  isArticle: boolean;
  title: string;
  /** YYYY-MM-DD, as the page states it (no time-zone shift). */
  published: string | null;
  /** Canonical link, og:url, or `options.url`. */
  url: string | null;
  lang: 'en' | 'zh';
  siteName: string | null;
  /** Main text containers, in document order. */
  roots: Element[];
  /** The text analysed: the roots without navigation, related links, comments, ads… */
  text: TextIndex;
}

export interface DetectArticleOptions {
  /** The page's URL when the document does not say. */
  url?: string | null;
  /** The article's date (YYYY-MM-DD) when the page carries none. */
  date?: string | null;
}

/** With explicit article metadata (JSON-LD, og:type, published time), shorter texts count (news flashes). */
const ARTICLE_MIN_TEXT_WITH_METADATA = 250;

// ---------------------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------------------

export function detectArticle(document: Document, options: DetectArticleOptions = {}): ArticleInfo {
  const meta = readMeta(document);
  const stats = scoreParagraphs(document);
  // Too little text to be an article even with metadata: skip the JSON-LD (a walk and a parse).
  const jsonLd = stats.total >= ARTICLE_MIN_TEXT_WITH_METADATA ? readJsonLd(document) : null;
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  let metaPublished: string | null = null;
  for (const key of PUBLISHED_META) if (!metaPublished && meta.has(key)) metaPublished = parseDate(meta.get(key));
  const hasArticleMetadata = !!jsonLd || ogType === 'article' || !!meta.get('article:published_time');

  const siteName = meta.get('og:site_name') ?? jsonLd?.publisher ?? meta.get('application-name') ?? null;
  const metaTitle = jsonLd?.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? '';
  const documentTitle = stripSiteSuffix((document.documentElement ? document.title : '') ?? '', siteName);

  const root = chooseRoot(document, stats, metaTitle || documentTitle);
  const rootText = root ? stats.contained.get(root) ?? 0 : 0;
  const isArticle =
    !!root &&
    ((stats.readerScore > READERABLE_SCORE && rootText >= ARTICLE_MIN_TEXT) ||
      (hasArticleMetadata && rootText >= ARTICLE_MIN_TEXT_WITH_METADATA));

  // A page that is not an article stops here: no text pass, no visible-date search.
  // Key points listed between the headline and the text are read before it.
  const summary = isArticle && root ? summaryListBefore(root, document) : null;
  const roots = isArticle && root ? (summary ? [summary, root] : [root]) : [];
  const text = buildTextIndex(roots, { exclude: roots.length ? furnitureFilter(roots) : undefined, maxChars: MAX_TEXT_CHARS });

  const title = metaTitle || documentTitle || (root ? headlineOf(root.closest('article') ?? root) : '');

  const published =
    parseDate(jsonLd?.datePublished) ??
    metaPublished ??
    (isArticle && root ? visibleDate(root, text.text) ?? documentTimeDate(document) : null) ??
    parseDate(options.date);

  const canonical = (headOf(document) ?? document).querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url =
    absoluteUrl(canonical, options.url) ?? absoluteUrl(meta.get('og:url'), options.url) ?? absoluteUrl(jsonLd?.url, options.url) ?? options.url ?? null;

  return {
    isArticle,
    title: title.replace(/\s+/g, ' ').trim(),
    published,
    url,
    lang: detectLang(document, text.text, jsonLd?.inLanguage),
    siteName,
    roots,
    text,
  };
}
