import type { Clipping, ItemRef } from './schema';
import { openSourceLink } from './notebook-link';
import { blockquote, escapeMarkdownText, linkDestination, noteTag, oneLine } from './notebook-escape';

/**
 * Taking clippings elsewhere: Markdown (for notes apps such as Obsidian), CSV (for
 * spreadsheets) and W3C Web Annotation JSON-LD (for other annotation tools, and for
 * Thesis Lens's own import). Pure functions of the clippings; the library page turns
 * their output into a download.
 */

/** Item titles by `thesisId/itemId`, so that exports read "Alibaba secures H200 supply", not an id. */
export type ItemTitles = ReadonlyMap<string, string>;

export const itemKey = (ref: ItemRef): string => `${ref.thesisId}/${ref.itemId}`;

const day = (iso: string) => iso.slice(0, 10);

// ---------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------

/** One clipping; everything from the page or the reader is escaped (text, never markup). */
function markdownEntry(clipping: Clipping): string {
  const { page } = clipping;
  const source = `[${escapeMarkdownText(oneLine(page.title || page.site || page.canonicalUrl))}](<${linkDestination(openSourceLink(clipping))}>)`;
  const meta = [source, escapeMarkdownText(oneLine(page.site)), page.published ? `published ${page.published}` : '', `saved ${day(clipping.createdAt)}`, clipping.stance]
    .filter(Boolean)
    .join(' · ');
  const lines = [blockquote(clipping.quote), '', `— ${meta}`];
  const note = clipping.note.trim();
  if (note) lines.push('', note.split('\n').map((line) => escapeMarkdownText(line.trim())).join('\n'));
  const tags = clipping.tags.map(noteTag).filter(Boolean);
  if (tags.length) lines.push('', tags.map((tag) => `#${tag}`).join(' '));
  return lines.join('\n');
}

export function toMarkdown(clippings: readonly Clipping[], options: { itemTitles?: ItemTitles; exportedAt?: Date } = {}): string {
  const titles = options.itemTitles ?? new Map<string, string>();
  // Group by checklist item (a clipping linked to two items appears under both); unlinked last.
  const groups = new Map<string, { title: string; clippings: Clipping[] }>();
  const unlinked: Clipping[] = [];
  for (const clipping of clippings) {
    if (clipping.items.length === 0) unlinked.push(clipping);
    for (const ref of clipping.items) {
      const key = itemKey(ref);
      let group = groups.get(key);
      if (!group) {
        group = { title: titles.get(key) ?? ref.itemId, clippings: [] };
        groups.set(key, group);
      }
      group.clippings.push(clipping);
    }
  }
  const exportedAt = (options.exportedAt ?? new Date()).toISOString();
  const out: string[] = [
    '# Thesis Lens clippings',
    '',
    `Exported ${day(exportedAt)} · ${clippings.length} clipping${clippings.length === 1 ? '' : 's'}`,
  ];
  const sections = [...groups.entries()].sort((a, b) => a[1].title.localeCompare(b[1].title));
  for (const [key, group] of sections) {
    out.push('', `## ${escapeMarkdownText(oneLine(group.title))}`, '', `\`${key.replace(/`/g, '')}\``);
    for (const clipping of group.clippings) out.push('', markdownEntry(clipping));
  }
  if (unlinked.length) {
    out.push('', '## Not linked to a checklist item');
    for (const clipping of unlinked) out.push('', markdownEntry(clipping));
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// CSV (RFC 4180, spreadsheet-safe)
// ---------------------------------------------------------------------------------------

export const CSV_COLUMNS = ['id', 'saved', 'quote', 'note', 'tags', 'items', 'stance', 'title', 'site', 'published', 'url', 'topics'] as const;

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab or CR, which
 * some spreadsheets skip before looking) is a formula there, so it gets a leading
 * apostrophe (OWASP "CSV injection").
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function csvField(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(clippings: readonly Clipping[], options: { itemTitles?: ItemTitles } = {}): string {
  const titles = options.itemTitles ?? new Map<string, string>();
  const rows = [CSV_COLUMNS.join(',')];
  for (const c of clippings) {
    const cells = [
      c.id,
      c.createdAt,
      c.quote,
      c.note,
      c.tags.join('; '),
      c.items.map((ref) => titles.get(itemKey(ref)) ?? itemKey(ref)).join('; '),
      c.stance,
      c.page.title,
      c.page.site,
      c.page.published ?? '',
      c.page.canonicalUrl,
      c.topics.join('; '),
    ];
    rows.push(cells.map(csvField).join(','));
  }
  // CRLF per RFC 4180; a BOM so that spreadsheets read UTF-8 (Chinese quotes) correctly.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------
// W3C Web Annotation JSON-LD
// ---------------------------------------------------------------------------------------

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Purpose of the body that links a clipping to a checklist item (value `thesisId/itemId`). */
export const ITEM_BODY_PURPOSE = 'classifying';
export const STANCE_BODY_PURPOSE = 'assessing';

export interface AnnotationBody {
  type: 'TextualBody';
  purpose: string;
  value: string;
  format?: string;
}

/** One clipping as a Web Annotation; `thesisLens` carries what the model has no term for. */
export function toAnnotation(clipping: Clipping) {
  const body: AnnotationBody[] = [];
  if (clipping.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: clipping.note, format: 'text/plain' });
  for (const tag of clipping.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const ref of clipping.items) body.push({ type: 'TextualBody', purpose: ITEM_BODY_PURPOSE, value: itemKey(ref) });
  body.push({ type: 'TextualBody', purpose: STANCE_BODY_PURPOSE, value: clipping.stance });
  return {
    id: `urn:uuid:${clipping.id}`,
    type: 'Annotation' as const,
    motivation: clipping.note ? 'commenting' : 'highlighting',
    created: clipping.createdAt,
    modified: clipping.updatedAt,
    body,
    target: {
      source: clipping.page.canonicalUrl,
      selector: clipping.selectors,
    },
    thesisLens: {
      schemaVersion: clipping.schemaVersion,
      page: clipping.page,
      topics: clipping.topics,
      items: clipping.items,
      stance: clipping.stance,
    },
  };
}
export type ClippingAnnotation = ReturnType<typeof toAnnotation>;

/** An AnnotationCollection with every clipping on its one page. */
export function toAnnotationJson(clippings: readonly Clipping[], options: { exportedAt?: Date } = {}): string {
  const items = clippings.map(toAnnotation);
  const head = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Thesis Lens clippings',
    generated: (options.exportedAt ?? new Date()).toISOString(),
    total: items.length,
  };
  // One annotation per line: readable and diffable, a third smaller than indented JSON
  // (10,000 clippings stay well under the import limit).
  const lines = items.map((item) => JSON.stringify(item));
  const opening = JSON.stringify(head).slice(0, -1);
  return `${opening},\n"first":{"type":"AnnotationPage","startIndex":0,"items":[\n${lines.join(',\n')}\n]}}\n`;
}
