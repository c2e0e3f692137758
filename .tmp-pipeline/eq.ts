import { defaultPack } from '../lib/pack/default-pack';
import { compileTermsRegExp, termMatcher } from '../lib/pipeline/terms';
    const sentences = [
      'Alibaba Cloud (9988.HK) said the U.S. approved H200s; approvals, re-rating and e-commerce follow.',
      'The AI-related revenue grew; export-controlled chips, Nvidia’s H200芯片 and 阿里云 appear, as does $53B and P/E.',
      'Quick-commerce subsidies, cash-burning units, T-Head, Qwen3-Max, H20 and H2000 are named; BABA shares rose.',
      '英伟达H200芯片对华出口管制收紧，阿里巴巴的淘宝闪购补贴继续。Alibabas is not a word; approve_d is odd.',
    ];
    const text = Array.from({ length: 12 }, (_, i) => sentences[i % sentences.length]).join('\n');
    const lists = [
      ...defaultPack.topics.flatMap((t) => [t.mentions, t.negatives, ...t.requires.flatMap((r) => r.all)]),
      ...defaultPack.items.flatMap((item) => [item.cues.supports, item.cues.challenges, ...item.matchers.flatMap((r) => [...r.all, ...(r.none ? [r.none] : [])])]),
    ];
    for (const list of lists) {
      const re = compileTermsRegExp([...list.en, ...list.zh]);
      const expected: string[] = [];
      if (re) for (const m of text.matchAll(re)) expected.push(`${m.index}:${m[0]}`);
      const got = termMatcher(list).find(text).map((h) => `${h.start}:${h.text}`);
      const a = new Set(expected), b = new Set(got);
      const miss = expected.filter(x => !b.has(x)), extra = got.filter(x => !a.has(x));
      if (miss.length || extra.length) console.log(list.en.slice(0,4), 'missing', miss.slice(0,5), 'extra', extra.slice(0,5));
    }
