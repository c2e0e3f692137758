import type { CatalogArea } from './types';

/** Strings of the popup (keys start with `popup_`). */
export const popup = {
  popup_paused: {
    en: 'Paused on this site. Turn the switch off to read it against your theses again.',
    zh_CN: '已在此网站暂停。关闭开关即可再次对照你的论点阅读。',
  },
  popup_notAnnotated: {
    en: 'Not annotated. Thesis Lens reads news sites by itself; use “Annotate this page” anywhere else.',
    zh_CN: '尚未标注。Thesis Lens 会自动阅读新闻网站；在其他网站请使用“标注此页”。',
  },
  popup_nothingFound: { en: 'Nothing about your theses found on this page.', zh_CN: '本页没有与你的论点相关的内容。' },
  popup_claimCountOne: { en: '$1 claim on this page', zh_CN: '本页有 $1 条论断' },
  popup_claimCountMany: { en: '$1 claims on this page', zh_CN: '本页有 $1 条论断' },
  popup_topics: { en: 'Topics', zh_CN: '主题' },
  popup_claimsPerThesis: { en: 'Claims per thesis', zh_CN: '各论点的论断数' },
  popup_thesisClaims: { en: '$1: $2', zh_CN: '$1：$2' },
  popup_itemsLabel: { en: 'Checklist items and claims on this page', zh_CN: '本页涉及的清单条目与论断' },
  popup_itemClaims: { en: 'Claims about $1', zh_CN: '关于“$1”的论断' },
  popup_moreClaims: { en: '…and $1 more in the sidebar', zh_CN: '……侧栏中还有 $1 条' },
  popup_hedged: { en: 'hedged', zh_CN: '措辞保留' },
  popup_loading: { en: 'Loading…', zh_CN: '正在加载…' },
  popup_showSidebar: { en: 'Show sidebar', zh_CN: '显示侧栏' },
  popup_annotate: { en: 'Annotate this page', zh_CN: '标注此页' },
  popup_pauseOn: { en: 'Pause on $1', zh_CN: '在 $1 上暂停' },
  popup_allSites: { en: 'Run on all sites', zh_CN: '在所有网站上运行' },
  popup_allSitesHint: { en: 'Not just news sites. The browser asks for access first.', zh_CN: '不限于新闻网站。浏览器会先请求访问权限。' },
  popup_pages: { en: 'Thesis Lens pages', zh_CN: 'Thesis Lens 页面' },
  popup_checklist: { en: 'Checklist', zh_CN: '清单' },
  popup_library: { en: 'Library', zh_CN: '摘录库' },
  popup_noTab: { en: 'No tab to show.', zh_CN: '没有可显示的标签页。' },
  popup_sidebarShown: { en: 'Sidebar shown.', zh_CN: '已显示侧栏。' },
  popup_annotating: { en: 'Annotating this page…', zh_CN: '正在标注此页…' },
  popup_cannotRead: {
    en: 'Thesis Lens cannot read this page (browser pages and the web store are off limits).',
    zh_CN: 'Thesis Lens 无法读取此页面（浏览器自身页面和应用商店不可访问）。',
  },
  popup_pausedOn: { en: 'Paused on $1.', zh_CN: '已在 $1 上暂停。' },
  popup_resumedOn: { en: 'Resumed on $1.', zh_CN: '已在 $1 上恢复。' },
  popup_newsOnly: { en: 'Thesis Lens runs on news sites only.', zh_CN: 'Thesis Lens 仅在新闻网站上运行。' },
  popup_allSitesRefused: {
    en: 'Access to all sites was not granted; Thesis Lens stays on news sites.',
    zh_CN: '未获得所有网站的访问权限；Thesis Lens 仍只在新闻网站上运行。',
  },
  popup_allSitesOn: {
    en: 'Thesis Lens now looks at every site you read (and stays silent where nothing is relevant).',
    zh_CN: 'Thesis Lens 现在会查看你阅读的每个网站（无相关内容时保持安静）。',
  },
} satisfies CatalogArea;
