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
  sidebar_note_summary: {
    en: '$1 claims on $2 checklist items: $3 support the thesis, $4 challenge it.',
    zh_CN: '$1 条论断涉及 $2 个清单项：$3 条支持论点，$4 条质疑论点。',
  },
  sidebar_note_figures: {
    en: 'Figures: $1 differ from the checklist, $2 are newer than it.',
    zh_CN: '数据：$1 项与清单不一致，$2 项比清单更新。',
  },
  sidebar_order: { en: 'Order', zh_CN: '排序' },
  sidebar_order_item: { en: 'By item', zh_CN: '按清单项' },
  sidebar_order_reading: { en: 'Reading order', zh_CN: '阅读顺序' },
  sidebar_filter: { en: 'Show', zh_CN: '显示' },
  sidebar_filter_all: { en: 'All claims', zh_CN: '全部论断' },
  sidebar_filter_challenges: { en: 'Challenges only', zh_CN: '仅质疑' },
  sidebar_filter_figures: { en: 'Figure conflicts', zh_CN: '数据冲突' },
  sidebar_why: { en: 'Why linked', zh_CN: '关联原因' },
  sidebar_why_subject: { en: 'subject: $1', zh_CN: '主体：$1' },
  sidebar_why_event: { en: 'event: $1', zh_CN: '事件：$1' },
  sidebar_why_up: { en: 'direction: rising', zh_CN: '方向：上升' },
  sidebar_why_down: { en: 'direction: falling', zh_CN: '方向：下降' },
  sidebar_why_negated: { en: 'negated', zh_CN: '否定' },
  sidebar_why_words: { en: 'words: $1', zh_CN: '关键词：$1' },
  sidebar_no_match: { en: 'No claim matches this filter.', zh_CN: '没有符合此筛选条件的论断。' },
  sidebar_correct: { en: 'Correct this', zh_CN: '更正' },
  sidebar_correct_not_claim: { en: 'Not a claim', zh_CN: '不是论断' },
  sidebar_correct_stance: { en: 'It $1 the thesis', zh_CN: '它$1论点' },
  sidebar_correct_item: { en: 'About another item', zh_CN: '属于其他清单项' },
  sidebar_correct_move: { en: 'Move', zh_CN: '移动' },
  sidebar_corrections_title: { en: 'Your corrections of claims', zh_CN: '你对论断的更正' },
  sidebar_corrections_none: { en: 'No corrections yet: correct a claim from the reading panel.', zh_CN: '还没有更正：可在阅读面板中更正论断。' },
  sidebar_corrections_undo: { en: 'Undo', zh_CN: '撤销' },
} satisfies CatalogArea;
