/**
 * Page text and reader text written into Markdown notes and their YAML front matter: as
 * text, never as markup (shared by the notebook and the one-file export).
 */

/**
 * Inline text as Markdown that renders as that text. Backslash-escapes every ASCII
 * punctuation character that starts markup in CommonMark or in Obsidian/Logseq's
 * extensions (`[[links]]`, `#tags`, `%%comments%%`, `==highlights==`, `{{macros}}`, `$math$`,
 * `^block-ids`, HTML and entities), and the characters that open a block at a line's start.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~$^]/g, (c) => `\\${c}`)
    .replace(/%%|==|::|&(?=#?\w+;)/g, (pair) => `\\${pair[0]}${pair.slice(1)}`)
    .replace(/^(\s*)([-+])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** One line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/[\s\u0085]+/g, ' ').trim();
}

/** A URL inside `<…>` link destination: nothing in it may close the bracket or break the line. */
export function linkDestination(url: string): string {
  return url.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c));
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's; beyond what JSON
 * escapes, characters YAML does not allow raw (DEL, C1 controls, the Unicode line and
 * paragraph separators, a byte-order mark) are escaped as \uXXXX too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A tag as Obsidian accepts it: letters, digits, `_`, `-`, `/`; not only digits. */
export function noteTag(tag: string): string {
  const cleaned = tag
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '')
    .replace(/^[-/]+|[-/]+$/g, '');
  return /^\d*$/.test(cleaned) ? (cleaned ? `tag-${cleaned}` : '') : cleaned;
}

/** A quote as a Markdown block quote, one escaped line per paragraph. */
export function blockquote(quote: string): string {
  return quote
    .split(/\n+/)
    .map(oneLine)
    .filter(Boolean)
    .map((line) => `> ${escapeMarkdownText(line)}`)
    .join('\n>\n');
}
