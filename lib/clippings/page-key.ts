/**
 * The key clippings are filed under for "which clippings belong to this page": the URL
 * without its fragment and without tracking parameters, so that a page reached from a
 * newsletter link (utm_*) shows the clippings saved from the plain link.
 */
const TRACKING_PARAM = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|cmpid|ocid|smid|sref|ncid)$/i;

/** The address without its fragment: the same page, wherever in it the reader was. */
export function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function pageKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING_PARAM.test(name)) parsed.searchParams.delete(name);
  parsed.search = parsed.searchParams.toString() ? `?${parsed.searchParams.toString()}` : '';
  return parsed.toString();
}

/** Both keys a clipping is filed under (the address seen and the canonical one). */
export function pageKeysOf(page: { url: string; canonicalUrl: string }): string[] {
  return [...new Set([pageKey(page.url), pageKey(page.canonicalUrl)])];
}

/** Host name without "www.", for the site filter when a page names no publication. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
