import { countHan, hasHan } from '../text/cjk';

/**
 * Page furniture: navigation, rails, share bars, comments, ads, recognised by tag, role and class/id words.
 */

// Not FORM: ASP.NET pages wrap the whole page in one.
export const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'DIALOG', 'MENU', 'FIGURE', 'INPUT', 'LABEL', 'SELECT', 'BUTTON']);

export const BOILERPLATE_ROLES = new Set([
  'navigation', 'banner', 'complementary', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar', 'dialog',
  'alertdialog', 'tablist', 'form',
]);

/**
 * Words of page furniture in class/id tokens. A token is furniture when its first or last
 * segment is one ("related-stories", "share_bar", "site-footer"), never on bare substrings
 * ("header-lead", "shareholder-letter") nor mid-token ("layout-two-col-sidebar-right", a
 * page wrapper).
 */
export const BOILERPLATE_TOKEN =
  /^(?:nav|navbar|navigation|menu|breadcrumbs?|related|recirc|recommend(?:ed|ations)?|more|most|popular|trending|comments?|disqus|replies|share|sharing|social|newsletter|subscribe|subscription|signup|promo|promos|ad|ads|advert|advertisement|adslot|dfp|sponsor|sponsored|outbrain|taboola|footer|sidebar|rail|ticker|tickers|quotes|marketdata|paywall|barrier|regwall|tags|bio|cookie|consent|gdpr|popup|toolbar|pagination|pager|disclosures?|disclaimer)$/i;

/** Words unambiguous enough to count anywhere in a token ("sd-sharing-enabled", "o-paywall-box"). */
export const FURNITURE_ANYWHERE = /^(?:sharing|share|social|related|comments?|newsletter|outbrain|taboola|paywall|barrier|regwall|recirc)$/i;

/** Tokens that name the article text itself: a container so named is never page furniture. */
export const CONTENT_TOKEN = /^(?:article|story|post|entry|content|main)[-_]?(?:body|content|text|main)?$|^(?:body|text)$/i;

/**
 * Class words of a dek (standfirst, strapline, kicker): the summary set between the headline
 * and the story, which restates the story's claims in other words (BEM's "story__dek" too).
 */
export const DEK_TOKEN = /^(?:dek|deck|standfirst|strapline|kicker|subtitle|subheadline|summary-line)$/i;

export function isDekWord(token: string): boolean {
  const segments = token.split(/[-_]/).filter(Boolean);
  return DEK_TOKEN.test(token) || (segments.length > 1 && DEK_TOKEN.test(segments[segments.length - 1]!));
}

export const FURNITURE_LABEL = /^(?:advertisement|share(?: this(?: story| article)?)?:?|sponsored(?: content)?|story continues below.*|continue reading.*|read more.*|related(?: articles| stories| coverage)?:?|subscribe.*|sign up.*|广告|相关阅读.*|相关新闻.*|推荐阅读.*|责任编辑.*)$/i;


// linkedom throws on document.head/body when a document has no root element; a browser returns null.
export function headOf(document: Document): HTMLHeadElement | null {
  return document.documentElement ? document.head : null;
}
export function bodyOf(document: Document): HTMLElement | null {
  return document.documentElement ? document.body : null;
}

/** Class tokens and the id, apart: ids are often generated ("gigya-share-btns-2_gig_containerParent"). */
export function tokensOf(element: Element): { classes: string[]; id: string | null } {
  const className = element.getAttribute('class');
  return { classes: className ? className.split(/\s+/).filter(Boolean) : [], id: element.getAttribute('id') };
}

export function isFurnitureWord(token: string, anywhere: boolean): boolean {
  const segments = token.split(/[-_]/);
  return (
    BOILERPLATE_TOKEN.test(segments[0]!) ||
    (segments.length > 1 && BOILERPLATE_TOKEN.test(segments[segments.length - 1]!)) ||
    (anywhere && segments.some((segment) => FURNITURE_ANYWHERE.test(segment)))
  );
}

export type Furniture = 'strong' | 'named' | null;

/**
 * Page furniture by markup alone. `strong`: tag, role, hidden, the extension's own UI.
 * `named`: class/id words only, which a page wrapper can carry by bad luck (id="ad-portal"
 * around the whole page): callers ignore a `named` element that holds the story container.
 */
export function furnitureOf(element: Element, tag: string): Furniture {
  if (tag.startsWith('THESIS-LENS-') || BOILERPLATE_TAGS.has(tag) || isHidden(element)) return 'strong';
  const role = element.getAttribute('role');
  if (role && BOILERPLATE_ROLES.has(role.toLowerCase())) return 'strong';
  const { classes, id } = tokensOf(element);
  if (classes.length === 0 && !id) return null;
  if (classes.some((token) => CONTENT_TOKEN.test(token)) || (id && CONTENT_TOKEN.test(id))) return null;
  const named = classes.some((token) => isFurnitureWord(token, true)) || (!!id && isFurnitureWord(id, false));
  return named ? 'named' : null;
}

/** <article>, <main>, role=main, itemprop=articleBody: what holds the story, never furniture itself. */
export function isStoryContainer(element: Element, tag: string): boolean {
  return (
    tag === 'ARTICLE' ||
    tag === 'MAIN' ||
    element.getAttribute('role') === 'main' ||
    (element.getAttribute('itemprop') ?? '').split(/\s+/).includes('articleBody')
  );
}

export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Length of `text` with CJK characters counted twice (a Chinese character carries about a word). */
export function weightedLength(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0 || !hasHan(trimmed)) return trimmed.length;
  return trimmed.length + countHan(trimmed);
}
