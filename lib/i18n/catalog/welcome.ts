import type { CatalogArea } from './types';

/** Strings of the welcome (keys start with `welcome_`). */
export const welcome = {
  welcome_title: { en: 'Welcome to Thesis Lens', zh_CN: '欢迎使用 Thesis Lens' },
  welcome_lead: {
    en: 'Your investment thesis, checked against the news you read.',
    zh_CN: '用你读到的新闻，检验你的投资论点。',
  },
  welcome_pointsLabel: { en: 'What Thesis Lens does', zh_CN: 'Thesis Lens 能做什么' },
  welcome_point1Title: { en: 'It notices what bears on your thesis', zh_CN: '发现与论点相关的文章' },
  welcome_point1: {
    en: 'On news sites, in English and Chinese, it spots articles about your thesis and stays silent everywhere else.',
    zh_CN: '在新闻网站上识别与你的论点相关的中英文文章，其他页面一概不打扰。',
  },
  welcome_point2Title: { en: 'It marks the claims that matter', zh_CN: '标出关键论断' },
  welcome_point2: {
    en: 'Each claim is linked to an item of your checklist and coloured by what it says: supports or challenges the thesis.',
    zh_CN: '每条论断都关联到清单中的条目，并按其含义着色：支持还是质疑论点。',
  },
  welcome_point3Title: { en: 'You keep what you read', zh_CN: '留住读到的内容' },
  welcome_point3: {
    en: 'Select a passage and press Save; update a status in a few keys. Everything stays in your browser.',
    zh_CN: '选中一段文字按“保存”即可收藏；几下按键就能更新状态。所有数据都留在你的浏览器里。',
  },
  welcome_openDemo: { en: 'Open the demo article', zh_CN: '打开示例文章' },
  welcome_demoHint: {
    en: 'A short article about Alibaba’s AI cloud and Nvidia H200 chips, read against the bundled thesis.',
    zh_CN: '一篇关于阿里云 AI 业务与英伟达 H200 芯片的短文，对照内置论点阅读。',
  },
  welcome_openChecklist: { en: 'See the checklist', zh_CN: '查看清单' },
  welcome_anyPage: {
    en: 'On any other page, use Annotate this page in the toolbar popup, or press $1.',
    zh_CN: '在其他任何页面，可点工具栏弹窗中的“标注此页”，或按 $1。',
  },
  welcome_privacy: {
    en: 'Thesis Lens makes no network request of its own unless you subscribe to a feed.',
    zh_CN: '除非你订阅了数据源，Thesis Lens 不会自行发出任何网络请求。',
  },
} satisfies CatalogArea;
