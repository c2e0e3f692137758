import { countHan, hasHan } from '../text/cjk';
import { headOf } from './article-furniture';
import { normalisedTitle } from './article-root';

/**
 * Article metadata: <meta> tags, JSON-LD, canonical URL, language and the title without its site suffix.
 */

export const MAX_JSON_LD = 20;

export const ARTICLE_LD_TYPE = /(?:Article|BlogPosting|ReportageNews)$/;

export const ARTICLE_LD_HINT = /Article"|BlogPosting"|ReportageNews"/;


export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  url?: string;
  publisher?: string;
  inLanguage?: string;
}

/** Lowercased meta name/property/itemprop → content, first occurrence wins. */
export function readMeta(document: Document): Map<string, string> {
  const meta = new Map<string, string>();
  const scope: ParentNode = headOf(document) ?? document;
  const elements = scope.querySelectorAll('meta');
  for (let i = 0; i < elements.length && i < 500; i++) {
    const element = elements[i]!;
    const content = element.getAttribute('content');
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attr);
      if (!key) continue;
      for (const token of key.toLowerCase().split(/\s+/)) if (token && !meta.has(token)) meta.set(token, content.trim());
    }
  }
  return meta;
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return asText(record['name'] ?? record['@id'] ?? record['url']);
  }
  return undefined;
}

export function isArticleType(type: unknown): boolean {
  if (typeof type === 'string') return ARTICLE_LD_TYPE.test(type.replace(/^.*[/:]/, ''));
  return Array.isArray(type) && type.some(isArticleType);
}

/** The first Article-like object in the page's JSON-LD (arrays, @graph, mainEntity included). */
export function readJsonLd(document: Document): JsonLdArticle | null {
  const scripts = document.querySelectorAll('script');
  for (let i = 0, seen = 0; i < scripts.length && seen < MAX_JSON_LD; i++) {
    if (scripts[i]!.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    seen++;
    const raw = (scripts[i]!.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|\/\/\s*<!\[CDATA\[)|(?:\/\/\s*)?\]\]>\s*$/g, '');
    // Section fronts carry big ItemList blobs: parse only what can hold an article type.
    if (!ARTICLE_LD_HINT.test(raw)) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue; // broken JSON-LD is common; other signals remain
    }
    const queue: unknown[] = [data];
    for (let next = 0; next < queue.length && next < 500; next++) {
      const node = queue[next];
      if (Array.isArray(node)) {
        queue.push(...node);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (isArticleType(record['@type'])) {
        return {
          headline: asText(record['headline']) ?? asText(record['name']),
          datePublished: asText(record['datePublished']) ?? asText(record['dateCreated']),
          url: typeof record['url'] === 'string' ? record['url'] : asText(record['mainEntityOfPage']),
          publisher: asText(record['publisher']),
          inLanguage: asText(record['inLanguage']),
        };
      }
      if (record['@graph']) queue.push(record['@graph']);
      if (record['mainEntity']) queue.push(record['mainEntity']);
    }
  }
  return null;
}

export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

export function detectLang(document: Document, sample: string, jsonLdLang: string | undefined): 'en' | 'zh' {
  const head = sample.slice(0, 2000);
  if (head.length >= 20) {
    const cjk = countHan(head);
    return cjk / head.length > 0.15 ? 'zh' : 'en';
  }
  const declared = document.documentElement?.getAttribute('lang') ?? jsonLdLang ?? '';
  return /^zh/i.test(declared) ? 'zh' : 'en';
}

export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s*_\s*/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!.trim();
    if ((siteName && normalisedTitle(last) === normalisedTitle(siteName)) || last.length < 30) {
      return parts.slice(0, -1).join(' - ').trim();
    }
  }
  return title.trim();
}

/** A date written inside the article's container or its byline/date elements. */
