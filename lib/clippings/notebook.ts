import { strToU8, zipSync } from 'fflate';
import type { Clipping, ItemRef } from './schema';
import { pageKey } from './page-key';
import { openSourceLink, sourceAddressOf } from './notebook-link';
import { itemKey, type ItemTitles } from './export';
import { blockquote, escapeMarkdownText, linkDestination, noteTag, oneLine, yamlString } from './notebook-escape';

export { escapeMarkdownText, noteTag, yamlString } from './notebook-escape';

/**
 * The library as a research notebook: clippings grouped under the article they came from,
 * and each article written as one Markdown note with YAML front matter, the way Obsidian and
 * Logseq keep notes (one file per source, properties on top, quotes below). Pure functions;
 * the library page turns their output into a download, a zip or the clipboard.
 *
 * Everything that comes from a page (title, site, quote) or from the reader (note, tags) is
 * text, never markup: it is escaped in the body, and written as quoted strings in the front
 * matter, so that a hostile title cannot add a property, a link, a tag or an HTML element.
 */

export interface Article {
  /** The page's key (address read at, without fragment or tracking parameters). */
  key: string;
  title: string;
  site: string;
  url: string;
  canonicalUrl: string;
  published: string | null;
  /** Its clippings in reading order (position on the page), the first saved first on ties. */
  clippings: Clipping[];
  /** The checklist items its clippings touch, in reading order of first appearance. */
  items: ItemRef[];
  /** When the newest of its clippings was saved (ISO), for newest-first order. */
  latestAt: string;
  /** When the first was saved. */
  firstAt: string;
}

const positionOf = (clipping: Clipping) => clipping.selectors[1].start;

/** Clippings grouped by the article they were read in, newest article first. */
export function groupByArticle(clippings: readonly Clipping[]): Article[] {
  const byKey = new Map<string, Article>();
  for (const clipping of clippings) {
    const key = pageKey(clipping.page.url);
    let article = byKey.get(key);
    if (!article) {
      const { page } = clipping;
      article = { key, title: page.title, site: page.site, url: page.url, canonicalUrl: page.canonicalUrl, published: page.published, clippings: [], items: [], latestAt: clipping.createdAt, firstAt: clipping.createdAt };
      byKey.set(key, article);
    }
    article.clippings.push(clipping);
    if (clipping.createdAt > article.latestAt) article.latestAt = clipping.createdAt;
    if (clipping.createdAt < article.firstAt) article.firstAt = clipping.createdAt;
    // A later save may know more about the page (a title the first one lacked).
    if (!article.title && clipping.page.title) article.title = clipping.page.title;
    if (!article.published && clipping.page.published) article.published = clipping.page.published;
  }
  const articles = [...byKey.values()];
  for (const article of articles) {
    article.clippings.sort((a, b) => positionOf(a) - positionOf(b) || (a.createdAt < b.createdAt ? -1 : 1));
    for (const clipping of article.clippings) for (const ref of clipping.items) if (!article.items.some((known) => itemKey(known) === itemKey(ref))) article.items.push(ref);
  }
  return articles.sort((a, b) => (a.latestAt < b.latestAt ? 1 : a.latestAt > b.latestAt ? -1 : a.key < b.key ? -1 : 1));
}

export interface ItemGroup {
  /** `thesisId/itemId`, or '' for clippings linked to no item. */
  key: string;
  ref: ItemRef | null;
  clippings: Clipping[];
}

/** Clippings grouped by checklist item (a clipping under each of its items), unlinked last; order within a group kept. */
export function groupByItem(clippings: readonly Clipping[], titles: ItemTitles = new Map()): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  const unlinked: Clipping[] = [];
  for (const clipping of clippings) {
    if (clipping.items.length === 0) unlinked.push(clipping);
    for (const ref of clipping.items) {
      const key = itemKey(ref);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, ref, clippings: [] }));
      if (group.clippings[group.clippings.length - 1] !== clipping) group.clippings.push(clipping);
    }
  }
  const title = (group: ItemGroup) => titles.get(group.key) ?? group.ref?.itemId ?? '';
  const sorted = [...groups.values()].sort((a, b) => title(a).localeCompare(title(b)));
  return unlinked.length ? [...sorted, { key: '', ref: null, clippings: unlinked }] : sorted;
}

// ---------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------

function yamlList(key: string, values: readonly string[]): string[] {
  if (values.length === 0) return [`${key}: []`];
  return [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)];
}

// ---------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------

export interface NoteOptions {
  itemTitles?: ItemTitles;
  /** Words for the stances in the reader's language (defaults: the English words). */
  stanceWords?: Readonly<Record<Clipping['stance'], string>>;
  /** Heading words, in the reader's language. */
  words?: Partial<NoteWords>;
}

export interface NoteWords {
  source: string;
  published: string;
  saved: string;
  openAtPassage: string;
  items: string;
}

const ENGLISH_WORDS: NoteWords = { source: 'Source', published: 'published', saved: 'saved', openAtPassage: 'open at the passage', items: 'Checklist items' };
const ENGLISH_STANCES = { supports: 'Supports', challenges: 'Challenges', neutral: 'Neutral' } as const;

/** A clipping's quote, note and stance line (without the article's front matter). */
export function clippingMarkdown(clipping: Clipping, options: NoteOptions = {}, withSource = false): string {
  const titles = options.itemTitles ?? new Map<string, string>();
  const words = { ...ENGLISH_WORDS, ...options.words };
  const stance = (options.stanceWords ?? ENGLISH_STANCES)[clipping.stance];
  const parts = [blockquote(clipping.quote)];
  const note = clipping.note.trim();
  if (note) parts.push(note.split('\n').map((line) => escapeMarkdownText(line.trim())).join('\n'));
  const items = clipping.items.map((ref) => escapeMarkdownText(oneLine(titles.get(itemKey(ref)) ?? ref.itemId)));
  const meta = [escapeMarkdownText(stance), ...items, `${words.saved} ${clipping.createdAt.slice(0, 10)}`, `[${escapeMarkdownText(words.openAtPassage)}](<${linkDestination(openSourceLink(clipping))}>)`];
  if (withSource) {
    const { page } = clipping;
    meta.unshift(escapeMarkdownText(oneLine(page.title || page.site || page.canonicalUrl)));
  }
  parts.push(`— ${meta.join(' · ')}`);
  const tags = clipping.tags.map(noteTag).filter(Boolean);
  if (tags.length) parts.push(tags.map((tag) => `#${tag}`).join(' '));
  return parts.join('\n\n');
}

/** One clipping on its own, for "Copy as Markdown" on a card. */
export function singleClippingMarkdown(clipping: Clipping, options: NoteOptions = {}): string {
  return `${clippingMarkdown(clipping, options, true)}\n`;
}

/**
 * One article as a note: YAML front matter (title, source, site, author, published, clipped,
 * tags, theses, items), a heading, the source line, then each quote with its note and stance.
 */
export function articleNote(article: Article, options: NoteOptions = {}): string {
  const titles = options.itemTitles ?? new Map<string, string>();
  const words = { ...ENGLISH_WORDS, ...options.words };
  const tags = [...new Set(article.clippings.flatMap((clipping) => clipping.tags).map(noteTag).filter(Boolean))];
  const theses = [...new Set(article.items.map((ref) => ref.thesisId))];
  const title = oneLine(article.title) || oneLine(article.site) || article.canonicalUrl;
  const source = sourceAddressOf(article);
  const front = [
    '---',
    `title: ${yamlString(title)}`,
    `source: ${yamlString(source)}`,
    ...(article.canonicalUrl !== source ? [`canonical: ${yamlString(article.canonicalUrl)}`] : []),
    `site: ${yamlString(oneLine(article.site))}`,
    // Clippings do not record an author; the key is there for the reader to fill in.
    'author: ""',
    article.published ? `published: ${article.published}` : 'published: null',
    `clipped: ${article.firstAt.slice(0, 10)}`,
    ...yamlList('tags', tags),
    ...yamlList('thesis', theses),
    ...yamlList('items', article.items.map(itemKey)),
    '---',
  ];
  const sourceLine = [`${words.source}: [${escapeMarkdownText(oneLine(article.site) || new URL(source).hostname)}](<${linkDestination(source)}>)`];
  if (article.published) sourceLine.push(`${words.published} ${article.published}`);
  const body = [`# ${escapeMarkdownText(title)}`, sourceLine.join(' · ')];
  if (article.items.length) body.push(`${escapeMarkdownText(words.items)}: ${article.items.map((ref) => escapeMarkdownText(oneLine(titles.get(itemKey(ref)) ?? ref.itemId))).join(' · ')}`);
  for (const clipping of article.clippings) body.push(clippingMarkdown(clipping, options));
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------

const MAX_NAME = 80;

/** A file name every OS accepts: no path separators, reserved or control characters, bounded. */
export function noteFileName(article: Pick<Article, 'title' | 'site' | 'published' | 'firstAt'>): string {
  const date = article.published ?? article.firstAt.slice(0, 10);
  const title = oneLine(article.title || article.site || 'clipping')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${date} ${[...title].slice(0, MAX_NAME).join('').trim() || 'clipping'}.md`;
}

/** Names made unique within one archive: "… (2).md" for a second article of the same name. */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.md$/, ` (${n}).md`);
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Several articles as one zip archive of notes (a folder Obsidian or Logseq can open as is). */
export function notebookZip(articles: readonly Article[], options: NoteOptions & { folder?: string } = {}): Uint8Array {
  const names = uniqueNames(articles.map(noteFileName));
  const folder = options.folder ? `${options.folder.replace(/[/\\]+$/, '')}/` : '';
  const files: Record<string, Uint8Array> = {};
  articles.forEach((article, index) => {
    files[`${folder}${names[index]!}`] = strToU8(articleNote(article, options));
  });
  // Fixed time stamps: the same notes make the same archive.
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
