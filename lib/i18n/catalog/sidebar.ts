import type { CatalogArea } from './types';

/** Strings of the sidebar, the rail and the legend (keys start with `sidebar_`). */
export const sidebar = {
  sidebar_rail_open: { en: 'Open Thesis Lens: $1 claims', zh_CN: '打开 Thesis Lens：$1 条论断' },
  sidebar_rail_marker: { en: 'Claim, $1: show it', zh_CN: '论断（$1）：显示' },
  sidebar_close: { en: 'Close the Thesis Lens panel', zh_CN: '关闭 Thesis Lens 面板' },
  sidebar_legend: { en: 'What the colours mean', zh_CN: '颜色的含义' },
  sidebar_legend_supports: {
    en: 'supports the thesis: a catalyst moves forward, or a risk recedes',
    zh_CN: '支持论点：催化剂在推进，或风险在减弱',
  },
  sidebar_legend_challenges: {
    en: 'challenges the thesis: a catalyst stalls, or the risk is rising',
    zh_CN: '质疑论点：催化剂受阻，或风险在上升',
  },
  sidebar_legend_neutral: { en: 'bears on an item without taking a side', zh_CN: '与清单项相关，但没有明确倾向' },
  sidebar_legend_hedged: {
    en: 'Hedged (dotted): the sentence only says it may happen (“could”, “is expected to”)',
    zh_CN: '措辞保留（虚线）：句子只说可能发生（“可能”“预计”）',
  },
  sidebar_hedged: { en: 'Hedged', zh_CN: '措辞保留' },
  sidebar_skip: { en: 'Skip to the Thesis Lens panel', zh_CN: '跳到 Thesis Lens 面板' },
  sidebar_cannot_show: {
    en: 'This page keeps removing the Thesis Lens panel: it cannot be shown here.',
    zh_CN: '此页面不断移除 Thesis Lens 面板，无法在这里显示。',
  },
} satisfies CatalogArea;
