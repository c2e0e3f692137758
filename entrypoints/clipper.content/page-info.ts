import { parseDate } from '@/lib/pipeline/article';
import { hostOf, withoutFragment } from '@/lib/clippings/page-key';
import type { ClippingPage } from '@/lib/clippings/schema';

/**
 * What a clipping records about its page, read from the page's own metadata (title, site,
 * publication date, canonical address): cheap, and without the article reader, which the
 * clipper does not bundle. Where the lens has read the article, its findings come first.
 */

const PUBLISHED_META = ['article:published_time', 'og:published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'pubdate', 'publishdate', 'publish-date', 'date'];

function meta(doc: Document, names: readonly string[]): string | null {
  for (const name of names) {
    const element = doc.querySelector(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

function jsonLdPublished(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const found = /"datePublished"\s*:\s*"([^"]{6,40})"/.exec(script.textContent ?? '');
    if (found) return found[1]!;
  }
  return null;
}

export function canonicalOf(doc: Document, base: string): string | null {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, ['og:url']);
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}


export function pageInfoOf(doc: Document, seenUrl: string, known: { title?: string; site?: string | null; published?: string | null } = {}): ClippingPage {
  const seen = withoutFragment(seenUrl);
  const canonical = canonicalOf(doc, seen) ?? seen;
  const title = known.title || meta(doc, ['og:title', 'twitter:title']) || doc.title || '';
  const site = known.site || meta(doc, ['og:site_name', 'application-name']) || hostOf(seen);
  const published = known.published ?? (parseDate(meta(doc, PUBLISHED_META)) || parseDate(jsonLdPublished(doc)) || parseDate(doc.querySelector('time[datetime]')?.getAttribute('datetime')));
  return {
    url: seen,
    canonicalUrl: withoutFragment(canonical),
    title: title.replace(/\s+/g, ' ').trim().slice(0, 1000),
    site: site.slice(0, 1000),
    published: published ?? null,
  };
}
