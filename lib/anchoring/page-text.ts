import { buildTextIndex, type TextIndex } from '../dom/text-index';

/**
 * The text clippings are positioned in: the page's body, as `buildTextIndex` sees it,
 * without the extension's own UI (every element whose tag starts with `thesis-lens-`:
 * the sidebar, the save dialog, highlight cards). Saving and re-anchoring must build it
 * the same way, or positions would drift by the length of our own UI's text.
 */
export function isExtensionUi(element: Element): boolean {
  return element.tagName.toLowerCase().startsWith('thesis-lens-');
}

/** A bound for hostile pages: positions past it are not indexed (quotes there are "not found"). */
export const PAGE_TEXT_MAX_CHARS = 2_000_000;

export function buildPageTextIndex(doc: Document): TextIndex {
  const root = doc.body ?? doc.documentElement;
  return buildTextIndex(root ? [root] : [], { exclude: isExtensionUi, maxChars: PAGE_TEXT_MAX_CHARS });
}
