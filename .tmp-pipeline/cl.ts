import { defaultPack } from '../lib/pack/default-pack';
import { linkSentence, isHedged, isAssertion } from '../lib/pipeline/claims';
const S = [
  'Beijing told customs the chips are not permitted.',
  'Beijing approved H200 imports for Alibaba, ByteDance and Tencent.',
  'Beijing did not approve H200 imports for Alibaba.',
  'No H200 shipped to China in the quarter.',
  'China could approve H200 imports as soon as this quarter.',
  'China may approve H200 imports, people familiar said.',
  'Imports of the H200 were approved in May 2026 by Chinese regulators.',
  '"We will not allow these chips into China," a Commerce Ministry spokesperson said.',
  'Commerce Secretary Howard Lutnick said the US would tighten export controls on Nvidia chips to China.',
  'The US eased export controls on Nvidia H200 chips to China.',
  'Will China approve the H200 imports?',
  'Alibaba Cloud revenue growth',
  'Alibaba Cloud revenue grew 34% in the September quarter.',
  'Tencent cloud revenue grew 15% while Alibaba Cloud revenue grew 34%.',
  'Alibaba Cloud revenue growth slowed to 20%.',
  '海关已通知代理商，H200芯片未获批准进口。',
  '中国可能会批准H200芯片进口。',
  '阿里云收入同比增长34%。',
  '英伟达H200芯片对华出口管制进一步收紧。',
  'Alibaba reportedly placed orders for 200,000 H200 chips.',
  'Nvidia has yet to deliver a single H200 to Alibaba Cloud data centres.',
  'Quick commerce losses narrowed as Alibaba cut subsidies.',
  'Alibaba’s quick commerce unit is burning cash on subsidies.',
  'Subscribe to our newsletter for Alibaba H200 news and cloud revenue growth.',
];
for (const s of S) console.log(isAssertion(s, /[\u4e00-\u9fff]/.test(s) ? 'zh' : 'en', false) ? 'A' : '-', isHedged(s) ? 'H' : ' ', s, '=>', linkSentence(s, defaultPack).map(l => `${l.id}:${l.stance}`).join(' '));
