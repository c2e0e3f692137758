import type { Runtime } from 'webextension-polyfill';
import { getDomain } from 'tldts';
import type { Audience } from '@/lib/messages/protocol';

/**
 * Who is asking the background, decided from what the browser says about the sender
 * (`runtime.MessageSender`), never from the message itself.
 *
 * - **Extension page**: one of our own pages (popup, checklist page, library). The browser
 *   sets `sender.url` to the frame's URL, so it starts with this extension's origin
 *   (`chrome-extension://<id>/`, `moz-extension://<uuid>/`). The popup has no `sender.tab`;
 *   the checklist page and the library opened in a tab do have one, and are still our pages:
 *   the URL, not the presence of a tab, decides. We declare no web-accessible resources, so
 *   no web page can frame one of our pages to borrow its origin.
 * - **Content script**: our script running in a web page (gate, lens, clipper). It has a
 *   `sender.tab`, a web `sender.url` (the page it runs in, which the page may have chosen
 *   but cannot fake for another site) and runs in the top frame only (none of our content
 *   scripts runs in sub-frames, so `frameId` must be 0). A compromised renderer can send
 *   anything a content script can, so a content script is trusted with its own page only:
 *   the tab and the URL come from here, never from the payload.
 * - Anything else (another extension, a page through `externally_connectable`, which we do
 *   not declare, a sub-frame) is refused.
 */
export type Caller =
  | { kind: 'extension-page'; url: string; tabId: number | null }
  | { kind: 'content-script'; url: string; tabId: number; frameId: number };

export function classifySender(sender: Runtime.MessageSender, own: { id: string; origin: string }): Caller | null {
  if (sender.id !== own.id) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  const origin = own.origin.endsWith('/') ? own.origin : `${own.origin}/`;
  if (url.startsWith(origin)) return { kind: 'extension-page', url, tabId: sender.tab?.id ?? null };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return null;
  return { kind: 'content-script', url, tabId, frameId: sender.frameId ?? 0 };
}

/** Which callers a message accepts (declared with the message in lib/messages). */
export type { Audience };

export function accepts(audience: Audience, caller: Caller): boolean {
  if (audience === 'pages-and-content-scripts') return true;
  return audience === 'extension-pages' ? caller.kind === 'extension-page' : caller.kind === 'content-script';
}

/**
 * The site a URL belongs to: its registrable domain ("eTLD+1", with private suffixes such as
 * github.io counted as suffixes), or the host itself for IP addresses and single-label hosts.
 */
export function siteOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** A page may name a canonical address on its own site only (not another site's article). */
export function sameSite(a: string, b: string): boolean {
  const siteA = siteOfUrl(a);
  return siteA !== null && siteA === siteOfUrl(b);
}

/** The canonical URL a content script may claim for its page: honoured when on the same site, else dropped. */
export function trustedCanonical(pageUrl: string, canonical: string | null | undefined): string | null {
  return canonical && sameSite(pageUrl, canonical) ? canonical : null;
}

/** The URL without fragment. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * What we keep of a page's address where it is only needed to name the page (tab reports):
 * no query and no fragment, which is where session ids, tokens and mail ids travel.
 */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return withoutFragment(url).split('?')[0]!;
  }
}
