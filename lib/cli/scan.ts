import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { defaultPack } from '../pack/default-pack';
import { safeParsePack, type ThesisPack } from '../pack/schema';
import { scan } from '../pipeline/scan';
import type { LinkReasons, ScanResult } from '../pipeline/types';
import { today } from '../pack/status';
import { logEntryOf } from '../evidence/log';
import { buildDigest, formatDigest, type DigestInput } from '../evidence/digest';

/**
 * The `scan` command (../shared/spec/scan-cli.md): the extension's page pipeline on saved
 * pages, text files and URLs, from a terminal. Node-only glue lives here; the analysis is
 * the same `scan()` the content script runs.
 *
 * HTML is parsed with linkedom: WXT already depends on it, it is by far the fastest DOM for
 * Node (several times faster than happy-dom or jsdom on the Readability corpus), and its
 * fidelity (no layout, no CSS) is all this pipeline needs, since the pipeline itself avoids
 * layout and computed styles so that it stays cheap on live pages.
 */

export const USAGE =
  'usage: npm run scan -- <file.html | file.txt | http(s)://url>... [--json] [--thesis pack.json] [--date YYYY-MM-DD] [--as-of YYYY-MM-DD] [--digest]';

const FETCH_TIMEOUT_MS = 15_000;

export interface ScanArgs {
  inputs: string[];
  json: boolean;
  thesis: string | null;
  date: string | null;
  asOf: string | null;
  /** Read all inputs as one reading log and print the evidence per item (lib/evidence/digest.ts). */
  digest: boolean;
}

export class UsageError extends Error {}

function checkDate(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${flag} needs a date (YYYY-MM-DD)`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} expects a real date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export function parseArgs(argv: readonly string[]): ScanArgs {
  const args: ScanArgs = { inputs: [], json: false, thesis: null, date: null, asOf: null, digest: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--digest':
        args.digest = true;
        break;
      case '--thesis': {
        const path = value();
        if (!path || path.startsWith('--')) throw new UsageError('--thesis needs a pack file (pack.json)');
        args.thesis = path;
        break;
      }
      case '--date':
        args.date = checkDate('--date', value());
        break;
      case '--as-of':
        args.asOf = checkDate('--as-of', value());
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        args.inputs.push(arg);
    }
  }
  if (args.inputs.length === 0) throw new UsageError(`no input given. ${USAGE}`);
  return args;
}

/** A thesis pack from a JSON file, validated; problems name the file and the path inside it. */
export async function loadPack(path: string): Promise<ThesisPack> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read thesis pack ${path}: ${describe(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`thesis pack ${path} is not valid JSON: ${describe(error)}`);
  }
  const parsed = safeParsePack(data);
  if (!parsed.ok) {
    const more = parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : '';
    throw new Error(`invalid thesis pack ${path}: ${parsed.problems.slice(0, 3).join('; ')}${more}`);
  }
  return parsed.pack;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A plain-text article as a document: first non-empty line is the title (an <h1>), every
 * other non-empty line a paragraph, all inside one <article>. The user hands it over as an
 * article body (scan-cli.md), so the document says so (og:type article): a short text is
 * judged as a news flash would be, not rejected as a non-article page.
 */
export function textToDocument(text: string): Document {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const [title = '', ...paragraphs] = lines;
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><meta property="og:type" content="article"><title>${escapeHtml(title)}</title></head><body><article>` +
    `<h1>${escapeHtml(title)}</h1>${paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</article></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

export function htmlToDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Can these bytes be read with this encoding without a single invalid sequence? */
function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Holds a multi-byte UTF-8 sequence (a lead byte, then a continuation byte): what UTF-8 text of any language but English has. */
function hasUtf8Multibyte(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 1, 256 * 1024);
  for (let i = 0; i < end; i++) {
    const lead = bytes[i]!;
    if (lead >= 0xc2 && lead <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}

/**
 * Decodes a saved page by the encoding its bytes actually carry: a byte-order mark first;
 * then, when the bytes are valid UTF-8 with multi-byte characters in them, UTF-8 whatever
 * the page declares (saved pages are often re-encoded to UTF-8 and keep their old
 * `<meta charset="gb2312">`); else the declared charset (Content-Type, then <meta>), and
 * if the bytes are not valid in it, UTF-8 and GB18030 in turn. Binary, empty or undecodable
 * input is refused with the source named. `onFallback` hears when the declaration was wrong.
 */
export function decodeHtml(bytes: Uint8Array, source: string, contentType?: string | null, onFallback?: (note: string) => void): string {
  if (bytes.length === 0) throw new Error(`${source} is empty`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes, 'utf-8');
    if (text !== null) return text;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = decodeStrict(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
    if (text !== null) return text;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  if (head.includes('\u0000')) throw new Error(`${source} is not an HTML or text file (binary content)`);
  const label = (/charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8').toLowerCase();
  let declared: string;
  try {
    declared = new TextDecoder(label).encoding;
  } catch {
    declared = 'utf-8';
  }
  if (declared !== 'utf-8' && hasUtf8Multibyte(bytes)) {
    const text = decodeStrict(bytes, 'utf-8');
    if (text !== null) {
      onFallback?.(`${source} declares ${label} but its bytes are UTF-8; read as UTF-8`);
      return text;
    }
  }
  const asDeclared = decodeStrict(bytes, declared);
  if (asDeclared !== null) return asDeclared;
  for (const candidate of ['utf-8', 'gb18030']) {
    if (candidate === declared) continue;
    const text = decodeStrict(bytes, candidate);
    if (text !== null) {
      onFallback?.(`${source} is not valid ${declared} but is valid ${candidate}; read as ${candidate}`);
      return text;
    }
  }
  throw new Error(`${source} is not readable as ${declared} text (nor as UTF-8 or GB18030)`);
}

export interface LoadedInput {
  document: Document;
  /** The URL the page came from, when it was fetched. */
  url: string | null;
  parseMs: number;
}

export interface ScanIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && (error as { code?: string }).code === 'ENOENT') return 'no such file';
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}

export async function loadInput(input: string, io: ScanIO): Promise<LoadedInput> {
  const now = io.now ?? (() => performance.now());
  if (/^https?:\/\//i.test(input)) {
    // Only ever reached for a URL the user typed: the command makes no other requests.
    const fetcher = io.fetch ?? fetch;
    let response: Response;
    try {
      response = await fetcher(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (error) {
      throw new Error(`cannot fetch ${input}: ${describe(error)}`);
    }
    if (!response.ok) throw new Error(`cannot fetch ${input}: HTTP ${response.status}`);
    const html = decodeHtml(new Uint8Array(await response.arrayBuffer()), input, response.headers.get('content-type'), (note) => io.stderr(`scan: note: ${note}\n`));
    const start = now();
    const document = htmlToDocument(html);
    return { document, url: response.url || input, parseMs: now() - start };
  }
  const extension = extname(input).toLowerCase();
  if (!['.html', '.htm', '.xhtml', '.txt'].includes(extension)) {
    throw new Error(`${input}: unsupported input (expected a .html or .txt file, or an http(s) URL)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    throw new Error(`cannot read ${input}: ${describe(error)}`);
  }
  const text = decodeHtml(bytes, input, null, (note) => io.stderr(`scan: note: ${note}\n`));
  const start = now();
  const document = extension === '.txt' ? textToDocument(text) : htmlToDocument(text);
  if (extension !== '.txt' && !document.body) throw new Error(`${input} has no HTML body`);
  return { document, url: null, parseMs: now() - start };
}

const STANCE_MARK = { supports: '+', challenges: '−', neutral: '·' } as const;

/** The readable report: title, topics, each claim with its items, statuses and checks. */
export function formatReport(result: ScanResult, pack: ThesisPack): string {
  const items = new Map(pack.items.map((item) => [item.id, item]));
  const statuses = new Map(result.items.map((item) => [item.id, item]));
  const lines: string[] = [];
  lines.push(result.title || '(untitled)');
  const meta = [result.published ?? 'undated', result.url].filter(Boolean).join(' · ');
  lines.push(meta);
  if (!result.isArticle) lines.push('Not an article: nothing to check.');
  else if (!result.relevant) lines.push(`Not about this thesis (${pack.title}).`);
  else lines.push(`Topics: ${result.topics.join(', ')}   Thesis: ${pack.title}`);
  if (result.claims.length > 0) lines.push('', `Claims (${result.claims.length}):`);
  result.claims.forEach((claim, index) => {
    lines.push('', `${index + 1}. ${claim.text}${claim.hedged ? '  [hedged]' : ''}`);
    for (const link of claim.items) {
      const status = statuses.get(link.id)?.status ?? '?';
      lines.push(`   ${STANCE_MARK[link.stance]} ${link.stance} ${link.id} — ${items.get(link.id)?.title ?? ''} [${status}]`);
      const why = link.reasons ? reasonLine(link.reasons) : '';
      if (why) lines.push(`       why: ${why}`);
    }
    for (const check of claim.checks) {
      lines.push(`   ✓ ${check.itemId}: ${check.figure ? `${check.figure} ` : ''}${check.verdict} (known: ${check.known})`);
    }
  });
  const touched = result.items.filter((item) => item.claims > 0);
  if (touched.length > 0) {
    lines.push('', 'Checklist items touched:');
    for (const item of touched) lines.push(`   ${item.id} [${item.status}] ${item.claims} claim${item.claims === 1 ? '' : 's'}`);
  }
  lines.push('', `Pipeline ${result.timingsMs.total.toFixed(1)} ms${result.timingsMs['parse'] !== undefined ? ` (parse ${result.timingsMs['parse']!.toFixed(1)} ms)` : ''}`);
  return lines.join('\n');
}

/** Runs the command; returns the exit code. Errors go to `stderr`, one line each. */
export async function main(argv: readonly string[], io: ScanIO): Promise<number> {
  let args: ScanArgs;
  let pack: ThesisPack;
  try {
    args = parseArgs(argv);
    pack = args.thesis ? await loadPack(args.thesis) : defaultPack;
  } catch (error) {
    io.stderr(`scan: ${describe(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  if (args.digest) return digest(args, pack, io);
  // Inputs are scanned in order; a bad one is reported and the others still run (nothing
  // is lost in a corpus run), and the exit code says that something failed.
  let failed = 0;
  for (const [index, input] of args.inputs.entries()) {
    try {
      const loaded = await loadInput(input, io);
      const result = scan(loaded.document, pack, {
        url: loaded.url,
        date: args.date,
        ...(args.asOf ? { asOf: args.asOf } : {}),
        ...(io.now ? { now: io.now } : {}),
      });
      result.timingsMs.parse = Math.round(loaded.parseMs * 1000) / 1000;
      if (args.json) io.stdout(`${JSON.stringify(result)}\n`);
      else io.stdout(`${index > 0 ? '\n' : ''}${formatReport(result, pack)}\n`);
    } catch (error) {
      failed++;
      io.stderr(`scan: ${describe(error)}\n`);
    }
  }
  if (failed === 0) return 0;
  // Some inputs failed and the others' results are printed: say so, and exit with a code of
  // its own (3) so that a script can tell "some results" from "no results" (1).
  const total = args.inputs.length;
  if (failed < total) {
    io.stderr(`scan: ${failed} of ${total} inputs failed (above); the other ${total - failed} results are printed\n`);
    return 3;
  }
  return 1;
}

/** The address a saved file stands for when its page names none (each such file is a site of its own). */
function fileUrl(input: string): string {
  return pathToFileURL(resolve(input)).href;
}

/**
 * `--digest`: every input read as an article of one reading log, then the evidence rules the
 * extension applies to its log (lib/evidence), as of `--as-of` (default today). A bad input
 * is reported and the others still count (exit code 3, as for a scan).
 */
async function digest(args: ScanArgs, pack: ThesisPack, io: ScanIO): Promise<number> {
  const asOf = args.asOf ?? today();
  const inputs: DigestInput[] = [];
  let failed = 0;
  for (const input of args.inputs) {
    try {
      const loaded = await loadInput(input, io);
      const result = scan(loaded.document, pack, { url: loaded.url, date: args.date, asOf, ...(io.now ? { now: io.now } : {}) });
      const url = result.url ?? loaded.url ?? fileUrl(input);
      // A saved file was "read" on its own date (or the as-of date when it has none).
      const readAt = `${(result.published ?? '').slice(0, 10) || args.date || asOf}T00:00:00.000Z`;
      inputs.push({ input, entry: logEntryOf(result, { url, readAt }) });
    } catch (error) {
      failed++;
      io.stderr(`scan: ${describe(error)}\n`);
    }
  }
  const report = buildDigest(pack, inputs, asOf);
  io.stdout(args.json ? `${JSON.stringify(report)}\n` : `${formatDigest(report, pack)}\n`);
  if (failed === 0) return 0;
  const total = args.inputs.length;
  if (failed < total) {
    io.stderr(`scan: ${failed} of ${total} inputs failed (above); the digest covers the other ${total - failed}\n`);
    return 3;
  }
  return 1;
}

/** The reasons of a link in one line: "subject Alibaba · event cloud revenue · direction up (negated) · model 0.91". */
function reasonLine(reasons: LinkReasons): string {
  const parts: string[] = [];
  if (reasons.subject) parts.push(`subject ${reasons.subject}`);
  if (reasons.event) parts.push(`event ${reasons.event}`);
  if (reasons.direction) parts.push(`direction ${reasons.direction}${reasons.negated ? ' (negated)' : ''}`);
  if (reasons.hedged) parts.push('hedged');
  if (reasons.modelScore !== undefined) parts.push(`model ${reasons.modelScore}`);
  if (reasons.linkScore !== undefined) parts.push(`link ${reasons.linkScore}`);
  return parts.join(' · ');
}
