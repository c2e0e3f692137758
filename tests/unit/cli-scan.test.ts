import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHtml, main, parseArgs, textToDocument, UsageError, type ScanIO } from '@/lib/cli/scan';
import { defaultPack } from '@/lib/pack/default-pack';
import { ScanResultSchema, type ScanResult } from '@/lib/pipeline/types';
import { repoRoot } from '../support/shared';

const pages = join(repoRoot, 'tests', 'fixtures', 'pages');
const demo = join(pages, 'demo-alibaba-h200.html');
const tale = join(pages, 'neg-ali-baba-tale.html');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thesis-lens-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tmp(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[], extra: Partial<ScanIO> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), ...extra });
  return { code, stdout, stderr };
}

function jsonLines(stdout: string): ScanResult[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => ScanResultSchema.parse(JSON.parse(line)));
}

const ARTICLE_TXT = [
  'Alibaba cloud growth holds up as AI demand rises',
  'Alibaba said its cloud division grew revenue 34% year over year in the September quarter, its fastest pace in three years.',
  'Revenue from AI-related products at Alibaba Cloud grew at a triple-digit rate for another quarter, the company said.',
  'Alibaba repeated that it would spend RMB 380 billion on AI and cloud infrastructure over three years.',
  'Its quick commerce business kept growing but consumed significant cash, and the core e-commerce business slowed.',
].join('\n');

describe('parseArgs', () => {
  it('reads inputs and flags in any order, with "=" or a separate value', () => {
    expect(parseArgs(['a.html', '--json', '--date=2026-01-09', '--as-of', '2026-02-01', 'b.txt', '--thesis', 'p.json'])).toEqual({
      inputs: ['a.html', 'b.txt'],
      json: true,
      thesis: 'p.json',
      date: '2026-01-09',
      asOf: '2026-02-01',
      digest: false,
    });
  });

  it.each([
    [[], /no input/],
    [['a.html', '--bogus'], /unknown option --bogus/],
    [['a.html', '--date'], /--date needs a date/],
    [['a.html', '--as-of', '2026-02-30'], /--as-of expects a real date/],
    [['a.html', '--date', '9 Jan 2026'], /--date expects a real date/],
    [['a.html', '--thesis'], /--thesis needs a pack file/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('textToDocument', () => {
  it('makes the first line the title and each further line a paragraph, escaping markup', () => {
    const document = textToDocument('\uFEFFMy <title>\n\nFirst & only line.\r\nSecond line <b>not bold</b>.\n');
    expect(document.title).toBe('My <title>');
    expect(document.querySelector('article h1')!.textContent).toBe('My <title>');
    const paragraphs = [...document.querySelectorAll('article p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['First & only line.', 'Second line <b>not bold</b>.']);
    expect(document.querySelector('b')).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('decodes GBK pages that say so, and UTF-8 by default', () => {
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="gbk"></head><body><p>'),
      0xb0, 0xa2, 0xc0, 0xef, 0xb0, 0xcd, 0xb0, 0xcd,
      ...new TextEncoder().encode('</p></body></html>'),
    ]);
    expect(decodeHtml(gbk, 'page.html')).toContain('<p>阿里巴巴</p>');
    expect(decodeHtml(new TextEncoder().encode('<p>阿里云</p>'), 'x.html')).toBe('<p>阿里云</p>');
  });

  it('refuses empty, binary and mis-encoded input, naming the source', () => {
    expect(() => decodeHtml(new Uint8Array(), 'e.html')).toThrow('e.html is empty');
    expect(() => decodeHtml(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'z.html')).toThrow(/z.html is not an HTML or text file/);
    expect(() => decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xff, 0x80, 0xff]), 'bad.html')).toThrow(/bad.html is not readable as utf-8/);
  });

  it('falls back to the encoding the bytes carry: UTF-8 bytes declared gb2312, GBK bytes declared UTF-8, a BOM', () => {
    const utf8 = new TextEncoder().encode('<meta charset="gb2312"><p>阿里巴巴和英伟达</p>');
    const notes: string[] = [];
    expect(decodeHtml(utf8, 'u.html', null, (note) => notes.push(note))).toBe('<meta charset="gb2312"><p>阿里巴巴和英伟达</p>');
    expect(notes).toEqual(['u.html declares gb2312 but its bytes are UTF-8; read as UTF-8']);
    const gbkBytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>'), 0xb0, 0xa2, 0xc0, 0xef, 0xb0, 0xcd, 0xb0, 0xcd, ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(gbkBytes, 'g.html')).toBe('<meta charset="utf-8"><p>阿里巴巴</p>');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<meta charset="gbk"><p>云</p>')]), 'b.html')).toBe('<meta charset="gbk"><p>云</p>');
  });
});

describe('scan command', () => {
  it('prints a readable report: title, topics, claims with items, statuses and checks', async () => {
    const { code, stdout, stderr } = await run([demo, '--as-of', '2026-01-09']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain("Alibaba's AI cloud gathers speed as Beijing weighs H200 imports");
    expect(stdout).toContain('2026-01-09');
    expect(stdout).toMatch(/Topics: .*alibaba/);
    expect(stdout).toMatch(/Claims \(\d+\):/);
    expect(stdout).toMatch(/supports cloud-revenue-growth .*\[on-track\]/);
    expect(stdout).toMatch(/✓ cloud-revenue-growth: .*matches/);
    expect(() => JSON.parse(stdout)).toThrow();
  });

  it('says plainly when a page is not about the thesis', async () => {
    const { code, stdout } = await run([tale]);
    expect(code).toBe(0);
    expect(stdout).toContain('Ali Baba and the Forty Thieves');
    expect(stdout).toMatch(/Not about this thesis/);
    expect(stdout).not.toMatch(/Claims \(/);
  });

  it('--json prints exactly one JSON document and nothing else, with parse time apart from the pipeline time', async () => {
    const { code, stdout, stderr } = await run([demo, '--json', '--as-of', '2026-01-09']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = ScanResultSchema.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ isArticle: true, relevant: true, published: '2026-01-09' });
    expect(result.url).toBe('https://demo.thesislens.dev/markets/alibaba-ai-cloud-h200');
    expect(result.timingsMs.total).toBeGreaterThan(0);
    expect(result.timingsMs['parse']).toBeGreaterThan(0);
  });

  it('several inputs print JSON Lines in the order given', async () => {
    const text = tmp('article.txt', ARTICLE_TXT);
    const { code, stdout } = await run(['--json', tale, demo, text]);
    expect(code).toBe(0);
    const results = jsonLines(stdout);
    expect(results.map((r) => r.title)).toEqual([
      'Ali Baba and the Forty Thieves: a bedtime retelling',
      "Alibaba's AI cloud gathers speed as Beijing weighs H200 imports",
      'Alibaba cloud growth holds up as AI demand rises',
    ]);
    expect(results.map((r) => r.relevant)).toEqual([false, true, true]);
  });

  it('reads a .txt article (first line the title) and uses --date when the text carries none', async () => {
    const text = tmp('undated.txt', ARTICLE_TXT);
    const [result] = jsonLines((await run([text, '--json', '--date', '2026-01-09'])).stdout);
    expect(result!.title).toBe('Alibaba cloud growth holds up as AI demand rises');
    expect(result!.published).toBe('2026-01-09');
    expect(result!.topics).toContain('alibaba');
    expect(result!.claims.some((claim) => claim.items.some((item) => item.id === 'cloud-revenue-growth'))).toBe(true);
    const [undated] = jsonLines((await run([text, '--json'])).stdout);
    expect(undated!.published).toBeNull();
  });

  it('--date does not override a date the page carries', async () => {
    const [result] = jsonLines((await run([demo, '--json', '--date', '2020-02-02'])).stdout);
    expect(result!.published).toBe('2026-01-09');
  });

  it('--as-of judges with only what the thesis knew then', async () => {
    const early = jsonLines((await run([demo, '--json', '--as-of', '2026-01-09'])).stdout)[0]!;
    const later = jsonLines((await run([demo, '--json', '--as-of', '2026-01-20'])).stdout)[0]!;
    const status = (r: ScanResult, id: string) => r.items.find((item) => item.id === id)?.status;
    // default-thesis.md: on-track as of the seed; status-timeline.md: customs blocked imports on 2026-01-14.
    expect(status(early, 'h200-import-approval')).toBe('on-track');
    expect(status(later, 'h200-import-approval')).not.toBe('on-track');
  });

  it('--thesis uses another valid pack', async () => {
    const pack = { ...structuredClone(defaultPack), id: 'my-thesis', title: 'My own Alibaba thesis' };
    const path = tmp('pack.json', JSON.stringify(pack));
    const { code, stdout } = await run([demo, '--thesis', path]);
    expect(code).toBe(0);
    expect(stdout).toContain('My own Alibaba thesis');
    const [result] = jsonLines((await run([demo, '--json', `--thesis=${path}`])).stdout);
    expect(result!.relevant).toBe(true);
  });

  it('--thesis with an invalid pack: exit 1, one line naming the file and the path inside it', async () => {
    const pack = structuredClone(defaultPack) as { items: Array<{ id: string }> };
    pack.items[2]!.id = 'Not An Id';
    const path = tmp('bad-pack.json', JSON.stringify(pack));
    const { code, stdout, stderr } = await run([demo, '--thesis', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`invalid thesis pack ${path}`);
    expect(stderr).toContain('items[2].id');
  });

  it.each([
    ['not JSON', 'not-json.json', '{ nope', /thesis pack .*not-json\.json is not valid JSON/],
    ['missing', 'missing-pack.json', null, /cannot read thesis pack .*missing-pack\.json: no such file/],
  ])('--thesis %s: exit 1 with one line', async (_label, name, content, message) => {
    const path = content === null ? join(dir, name) : tmp(name, content);
    const { code, stderr } = await run([demo, '--thesis', path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.html'), /cannot read .*nope\.html: no such file/],
    ['an unsupported file type', () => tmp('notes.pdf', '%PDF-1.4'), /notes\.pdf: unsupported input/],
    ['an empty file', () => tmp('empty.html', ''), /empty\.html is empty/],
    ['a binary file', () => tmp('image.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), /image\.html is not an HTML or text file/],
  ])('refuses %s with exit 1 and one line on stderr', async (_label, input, message) => {
    const { code, stdout, stderr } = await run([input(), '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('usage errors exit 2 with one line', async () => {
    const { code, stderr } = await run([demo, '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toBe('scan: unknown option --frobnicate\n');
    expect((await run([])).code).toBe(2);
  });

  it('one bad input among several: the others are still scanned, and the exit code (3) says some results are there', async () => {
    const { code, stdout, stderr } = await run(['--json', demo, join(dir, 'gone.html'), tale]);
    expect(code).toBe(3);
    expect(jsonLines(stdout).map((r) => r.title)).toHaveLength(2);
    expect(stderr).toMatch(/gone\.html: no such file/);
    expect(stderr).toMatch(/^scan: 1 of 3 inputs failed \(above\); the other 2 results are printed$/m);
  });

  it('every input bad: exit 1', async () => {
    const { code, stdout } = await run(['--json', join(dir, 'gone.html'), join(dir, 'gone-too.html')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });

  it('a page whose bytes are UTF-8 but whose <meta> says gb2312 is read as UTF-8, with a note, and the batch goes on', async () => {
    const mislabelled = tmp(
      'utf8-says-gb2312.html',
      new TextEncoder().encode(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>阿里巴巴云业务增长</title></head><body><article><h1>阿里巴巴云业务增长</h1><p>阿里巴巴表示，阿里云收入同比增长34%，人工智能相关产品收入连续多个季度实现三位数增长。</p></article></body></html>',
      ),
    );
    const undecodable = tmp('broken.html', new Uint8Array([...new TextEncoder().encode('<html><head><meta charset="utf-8"></head><body><p>'), 0xff, 0xff, 0x80, 0xff]));
    const { code, stdout, stderr } = await run(['--json', mislabelled, undecodable, tale]);
    const results = jsonLines(stdout);
    expect(results.map((r) => r.title)).toEqual(['阿里巴巴云业务增长', expect.any(String)]);
    expect(stderr).toContain('utf8-says-gb2312.html declares gb2312 but its bytes are UTF-8; read as UTF-8');
    expect(stderr).toMatch(/broken\.html is not readable as utf-8 text \(nor as UTF-8 or GB18030\)/);
    expect(code).toBe(3);
  });

  describe('URLs (fetched only because the user asked; fetch injected here, no network)', () => {
    const html = readFileSync(demo);
    it('scans a fetched page and reports its final URL when the page has none', async () => {
      const requested: string[] = [];
      const fetcher = (async (url: string | URL | Request) => {
        requested.push(String(url));
        return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
      }) as typeof fetch;
      const { code, stdout } = await run(['https://news.example/story', '--json'], { fetch: fetcher });
      expect(code).toBe(0);
      expect(requested).toEqual(['https://news.example/story']);
      expect(jsonLines(stdout)[0]!.relevant).toBe(true);
    });

    it('an HTTP error or an unreachable host: exit 1, one line naming the URL', async () => {
      const notFound = (async () => new Response('gone', { status: 404 })) as typeof fetch;
      const down = (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch;
      const a = await run(['https://news.example/missing'], { fetch: notFound });
      expect(a.code).toBe(1);
      expect(a.stderr).toBe('scan: cannot fetch https://news.example/missing: HTTP 404\n');
      const b = await run(['http://unreachable.example/'], { fetch: down });
      expect(b.code).toBe(1);
      expect(b.stderr).toBe('scan: cannot fetch http://unreachable.example/: fetch failed\n');
    });
  });
});

describe('scan command as a process (npm run scan = tsx lib/cli/scan-main.ts)', () => {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const entry = join(repoRoot, 'lib', 'cli', 'scan-main.ts');

  it('writes one JSON line to stdout and exits 0', () => {
    const child = spawnSync(tsx, [entry, demo, '--json'], { encoding: 'utf8', cwd: repoRoot });
    expect(child.status).toBe(0);
    expect(child.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(ScanResultSchema.parse(JSON.parse(child.stdout)).relevant).toBe(true);
  }, 60_000);

  it('exits non-zero with a one-line message on bad input', () => {
    const child = spawnSync(tsx, [entry, join(dir, 'absent.html')], { encoding: 'utf8', cwd: repoRoot });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(child.stderr).toMatch(/absent\.html: no such file/);
  }, 60_000);
});
