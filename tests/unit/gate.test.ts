// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileGateTerms,
  createGate,
  mentionPattern,
  gateTermsFromPacks,
  mayBeRelevant,
  parseGateTerms,
  relevantTopics,
  samplePage,
  FALLBACK_GATE_TERMS,
  GATE_SAMPLE_CHARS,
  type CompiledGate,
  type GateTerms,
} from '@/lib/gate';
import { defaultPack } from '@/lib/pack/default-pack';

const fallback = compileGateTerms(FALLBACK_GATE_TERMS);
const sample = (head: string, body = '') => ({ head, body });

describe('mayBeRelevant: pages about the default thesis', () => {
  it('opens on an English headline naming Alibaba', () => {
    expect(relevantTopics(sample('Alibaba shares jump as cloud revenue accelerates'), fallback)).toEqual(['alibaba']);
  });

  it('opens on a Chinese headline (substring match, no word boundaries in Chinese)', () => {
    expect(relevantTopics(sample('阿里巴巴云业务收入同比增长34%'), fallback)).toEqual(['alibaba']);
    expect(relevantTopics(sample('美国批准英伟达向中国出口H200芯片'), fallback)).toEqual(['h200-exports']);
  });

  it('opens when the text names the subject at least twice even if the title does not', () => {
    const body = 'Markets rallied on Tuesday. Alibaba Cloud said demand for AI computing keeps growing, and Alibaba plans more data centres.';
    expect(mayBeRelevant(sample('Markets rally on AI hopes', body), fallback)).toBe(true);
    expect(mayBeRelevant(sample('科技股周二上涨', '阿里云表示算力需求持续增长。阿里巴巴计划新建数据中心。'), fallback)).toBe(true);
  });

  it('matches prefixes marked with * and names with spaces', () => {
    expect(mayBeRelevant(sample('New export controls announced for AI accelerators'), fallback)).toBe(true);
    const terms = compileGateTerms({ topics: [{ id: 't', mentions: ['Alibaba Cloud', 'approv*'], negatives: [] }] });
    expect(mayBeRelevant(sample('Alibaba\n  Cloud wins a deal'), terms)).toBe(true);
    expect(mayBeRelevant(sample('Regulators approved the deal'), terms)).toBe(true);
    expect(mayBeRelevant(sample('Disapproval from regulators'), terms)).toBe(false);
  });

  it('is case-insensitive', () => {
    expect(mayBeRelevant(sample('ALIBABA earnings preview'), fallback)).toBe(true);
    expect(mayBeRelevant(sample('nvidia h200 exports to china'), fallback)).toBe(true);
  });
});

describe('mayBeRelevant: hard negatives stay closed', () => {
  it('a page with none of the terms', () => {
    expect(mayBeRelevant(sample('Ten tips for a better sourdough', 'Flour, water and patience are all you need. '.repeat(50)), fallback)).toBe(false);
    expect(mayBeRelevant(sample('周末去哪儿：北京十大公园推荐', '春天到了，公园里的花都开了。'.repeat(20)), fallback)).toBe(false);
  });

  it('the folk tale "Ali Baba and the Forty Thieves"', () => {
    const body =
      'Ali Baba was a poor woodcutter. One day Ali Baba saw forty thieves at a rock and heard the words "Open Sesame". ' +
      'Ali Baba waited until the Forty Thieves had left. Ali Baba went home with the gold.';
    expect(mayBeRelevant(sample('Ali Baba and the Forty Thieves — a tale from the Arabian Nights', body), fallback)).toBe(false);
    expect(mayBeRelevant(sample('阿里巴巴与四十大盗', '阿里巴巴是一个贫穷的樵夫。他听到强盗说“芝麻开门”。四十大盗离开了。'), fallback)).toBe(false);
  });

  it('the Hyundai H200 van', () => {
    const body = 'The Hyundai H200 is a roomy van. We drove the H200 for a week; the H200 diesel is frugal and the H200 seats eight. Hyundai offers a long warranty.';
    expect(mayBeRelevant(sample('Hyundai H200 review: the people carrier for big families', body), fallback)).toBe(false);
  });

  it('a page that names Alibaba once in a list of companies', () => {
    const body = 'Asian stocks were mixed. Shares of Sony, Samsung, Alibaba, Toyota and TSMC moved less than one percent. Oil was flat.';
    expect(mayBeRelevant(sample('Asian stocks mixed ahead of Fed decision', body), fallback)).toBe(false);
  });

  it('respects word boundaries for Latin terms', () => {
    // (The pack's "H200*" is a prefix on purpose, for "H200s": "H2000" is a permissive maybe.)
    expect(mayBeRelevant(sample('Qwenty and Aliyunx reviewed', 'The BABAR experiment at SLAC. Tmallory reports.'), fallback)).toBe(false);
  });
});

describe('gate terms', () => {
  it('come from the enabled packs topics, in both languages, with negatives', () => {
    const terms = gateTermsFromPacks([
      {
        id: 'my-thesis',
        topics: [
          {
            id: 'tencent',
            title: 'Tencent',
            description: '',
            mentions: { en: ['Tencent', 'WeChat'], zh: ['腾讯', '微信'] },
            requires: [],
            negatives: { en: ['Tencent Music quiz'], zh: [] },
          },
        ],
      },
    ]);
    expect(terms).toEqual({ topics: [{ id: 'my-thesis/tencent', mentions: ['Tencent', 'WeChat', '腾讯', '微信'], negatives: ['Tencent Music quiz'] }] });
    const compiled = compileGateTerms(terms);
    expect(mayBeRelevant(sample('腾讯第三季度营收增长'), compiled)).toBe(true);
    // The user's packs replace the fallback: Alibaba no longer opens the gate.
    expect(mayBeRelevant(sample('Alibaba shares jump'), compiled)).toBe(false);
  });

  it('parse stored values without trusting them', () => {
    const valid: GateTerms = { topics: [{ id: 'a', mentions: ['x'], negatives: [] }] };
    expect(parseGateTerms(valid)).toEqual(valid);
    expect(parseGateTerms({ topics: [{ id: 'a', mentions: ['x'] }] })).toEqual(valid);
    expect(parseGateTerms(null)).toBeNull();
    expect(parseGateTerms({ topics: [] })).toBeNull();
    expect(parseGateTerms({ topics: [{ id: 'a', mentions: [1] }] })).toBeNull();
    expect(parseGateTerms({ topics: [{ id: 'a', mentions: [''] }] })).toBeNull();
    expect(parseGateTerms('alibaba')).toBeNull();
  });

  it('escape regular-expression characters in terms', () => {
    const compiled = compileGateTerms({ topics: [{ id: 't', mentions: ['9988.HK', 'C++'], negatives: [] }] });
    expect(mayBeRelevant(sample('Shares in 9988.HK rose'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('Shares in 9988xHK rose'), compiled)).toBe(false);
  });
});

describe('samplePage', () => {
  function page(html: string): Document {
    return new DOMParser().parseFromString(html, 'text/html');
  }

  it('reads the title, the listed meta tags and the main text, skipping scripts and navigation', () => {
    const doc = page(`<html><head><title>Page title</title>
      <meta property="og:title" content="OG title"><meta name="description" content="The description">
      <meta name="news_keywords" content="Alibaba, cloud"><meta name="viewport" content="width=device-width">
      </head><body><nav>Home Markets Tech</nav><article><h1>Headline</h1><script>var alibaba = 1;</script>
      <p>First paragraph.</p><aside>Related: other story</aside><p>Second paragraph.</p></article></body></html>`);
    const result = samplePage(doc);
    expect(result.head.split('\n')).toEqual(['Page title', 'OG title', 'The description', 'Alibaba, cloud']);
    expect(result.body).toBe('Headline First paragraph. Second paragraph.');
  });

  it('falls back to main, then body', () => {
    expect(samplePage(page('<body><div>Intro</div><main><p>Main text</p></main></body>')).body).toBe('Main text');
    expect(samplePage(page('<body><div>Just <b>body</b> text</div></body>')).body).toBe('Just body text');
  });

  it('stops at the sample size instead of reading the whole page', () => {
    const paragraph = `<p>${'word '.repeat(200)}</p>`;
    const doc = page(`<body><article>${paragraph.repeat(200)}</article></body>`);
    expect(samplePage(doc).body.length).toBe(GATE_SAMPLE_CHARS);
    expect(samplePage(doc, 100).body.length).toBe(100);
  });

  it('feeds the decision end to end', () => {
    const doc = page('<head><title>Markets wrap</title><meta name="keywords" content="阿里巴巴, 云计算"></head><body><p>Stocks rose.</p></body>');
    expect(mayBeRelevant(samplePage(doc), fallback)).toBe(true);
  });
});

describe('the gate on the repository fixtures', () => {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');
  const fixtures = readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => ({ name: name.replace('.expected.json', ''), expected: JSON.parse(readFileSync(join(dir, name), 'utf8')) as { relevant: boolean } }));

  const gates = { 'the default pack': compileGateTerms(gateTermsFromPacks([defaultPack])), 'the built-in fallback': fallback };
  const relevant = fixtures.filter((f) => f.expected.relevant).map((f) => f.name);

  function gateSays(name: string, gate: CompiledGate): boolean {
    const doc = new DOMParser().parseFromString(readFileSync(join(dir, `${name}.html`), 'utf8'), 'text/html');
    return mayBeRelevant(samplePage(doc), gate);
  }

  it('has relevant fixtures to test', () => expect(relevant.length).toBeGreaterThan(5));

  for (const [label, gate] of Object.entries(gates)) {
    it.each(relevant)(`with ${label}: opens on the relevant page %s`, (name) => {
      expect(gateSays(name, gate)).toBe(true);
    });

    // The gate is a cheap pre-filter and may let an H200 review through (the pipeline then says no);
    // the folk tale and the van it must stop by itself.
    it.each(['neg-ali-baba-tale', 'neg-hyundai-h200-van'])(`with ${label}: stays closed on the hard negative %s`, (name) => {
      expect(gateSays(name, gate)).toBe(false);
    });
  }
});

describe('terms with spaces', () => {
  it('match across any whitespace, including line breaks, at any position in the term', () => {
    const compiled = compileGateTerms({ topics: [{ id: 't', mentions: ['Alibaba Cloud', 'a b c'], negatives: [] }] });
    expect(mayBeRelevant(sample('Alibaba\n\tCloud results'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('x a\nb  c y'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('Alibaba results'), compiled)).toBe(false);
  });
});

describe('case folding', () => {
  it('folds non-ASCII capitals too (terms in other Latin scripts)', () => {
    const compiled = compileGateTerms({ topics: [{ id: 't', mentions: ['Škoda', 'Ελλάδα'], negatives: [] }] });
    expect(mayBeRelevant(sample('ŠKODA results'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('ΕΛΛΆΔΑ news'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('Skoda results'), compiled)).toBe(false);
  });
});

describe('Latin terms inside Chinese text', () => {
  it('match where Chinese runs them into its characters', () => {
    const compiled = compileGateTerms({ topics: [{ id: 't', mentions: ['H200', 'Alibaba'], negatives: [] }] });
    expect(mayBeRelevant(sample('英伟达H200芯片获批进口'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('', '阿里巴巴（Alibaba）云业务。Alibaba的收入'), compiled)).toBe(true);
    expect(mayBeRelevant(sample('ÉH200 and H200é'), compiled)).toBe(false);
  });
});

describe('createGate: the native first look', () => {
  const look = createGate(FALLBACK_GATE_TERMS);
  const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it('answers no on a page that names no topic, and reports its text length', () => {
    const result = look(page('<title>Sourdough returns</title><article><p>Flour, water, salt and time.</p></article>'));
    expect(result).toEqual({ relevant: false, textLength: 'Flour, water, salt and time.'.length });
  });

  it('agrees with the full count where a topic is named (title, meta, text; English and Chinese)', () => {
    expect(look(page('<title>Alibaba shares jump</title><article><p>Cloud revenue grew.</p></article>')).relevant).toBe(true);
    expect(look(page('<html><head><meta name="keywords" content="阿里巴巴"></head><body><article><p>阿里云表示算力需求持续增长。</p></article></body></html>')).relevant).toBe(true);
    // Named once in passing: the pattern lets it through, the count still says no.
    expect(look(page('<title>Asian stocks mixed</title><article><p>Tencent, Alibaba and Baidu were little changed.</p></article>')).relevant).toBe(false);
  });

  it('builds one pattern from the terms, special characters escaped and `*` dropped', () => {
    const pattern = mentionPattern({ topics: [{ id: 't', mentions: ['9988.HK', 'C++', 'export control*', 'Alibaba  Cloud'], negatives: [] }] });
    expect(pattern.test('shares in 9988.hk')).toBe(true);
    expect(pattern.test('c++ code')).toBe(true);
    expect(pattern.test('new export controls')).toBe(true);
    expect(pattern.test('alibaba\n cloud')).toBe(true);
    expect(pattern.test('9988xHK')).toBe(false);
    expect(mentionPattern({ topics: [] }).test('anything')).toBe(false);
  });
});

describe('fallback terms', () => {
  it('are the default pack’s topic terms, exactly', () => {
    const fromPack = gateTermsFromPacks([defaultPack]).topics.map((topic) => ({ ...topic, id: topic.id.slice(`${defaultPack.id}/`.length) }));
    expect(FALLBACK_GATE_TERMS.topics).toEqual(fromPack);
  });
});
