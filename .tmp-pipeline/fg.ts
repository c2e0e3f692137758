import { defaultPack } from '../lib/pack/default-pack';
import { extractFigures, checkFigures } from '../lib/pipeline/figures';
const S: Array<[string, string, string]> = [
  ['Alibaba Cloud revenue grew 34% in the September 2025 quarter.', '2025-11-26', '2026-11-24'],
  ['Alibaba Cloud revenue grew 38% in the March quarter.', '2026-05-14', '2026-01-09'],
  ['Alibaba Cloud revenue grew 38% in the March quarter.', '2026-05-14', '2026-11-24'],
  ['Alibaba Cloud revenue grew 36% in the September 2025 quarter.', '2025-11-26', '2026-11-24'],
  ['Tencent cloud revenue grew 15% while Alibaba Cloud revenue grew 34%.', '2025-11-26', '2026-11-24'],
  ['Alibaba Cloud grew 34%, faster than Tencent Cloud at 15%.', '2025-11-26', '2026-11-24'],
  ['Cloud revenue rose 34% last quarter.', '2026-01-09', '2026-11-24'],
  ['Cloud revenue rose 38% last quarter.', '2026-06-01', '2026-01-09'],
  ['Alibaba plans to invest RMB 380 billion in AI infrastructure over three years.', '2026-01-09', '2026-11-24'],
  ['Alibaba plans to invest 3,800亿元 in AI infrastructure.', '2026-01-09', '2026-11-24'],
  ['阿里巴巴计划三年投入3800亿元建设AI基础设施。', '2026-01-09', '2026-11-24'],
  ['Alibaba wants to buy 20万颗 H200 chips.', '2026-01-09', '2026-11-24'],
  ['ByteDance plans to buy 100,000 H200 chips and Alibaba wants more than 200,000 units.', '2026-01-28', '2026-11-24'],
  ['Beijing approved purchases of more than 400,000 H200 chips in total by ByteDance, Alibaba and Tencent.', '2026-01-28', '2026-11-24'],
  ['The stock trades at 25 times forward earnings, or a forward P/E of 25.', '2026-01-09', '2026-11-24'],
  ['AI-related product revenue grew at a triple-digit pace for the 11th straight quarter.', '2026-05-14', '2026-11-24'],
  ['AI-related product revenue grew at double-digit rates.', '2026-01-09', '2026-11-24'],
  ['Revenue of HK$12.5 billion, $1.2bn and US$3 million, down −7% on 2 percentage points.', '2026-01-09', '2026-11-24'],
];
for (const [t, pub, asOf] of S) {
  const f = extractFigures(t);
  console.log(t, pub, asOf, '\n   ', f.map(x => `${x.raw}=${x.value}${x.unit}${x.normalized!==x.value?'/'+x.normalized:''}${x.atLeast?'+':''}`).join(' '), '\n   ', checkFigures({ text: t, figures: f }, defaultPack.items, { published: pub, asOf, entities: defaultPack.entities }).map(c => `${c.figure}→${c.itemId}:${c.verdict}:${c.known}`).join(' | '));
}
