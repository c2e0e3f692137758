import type { LocalizedTerms, MatchRule } from '../pack/schema';
import { isUnspacedTerm } from '../text/cjk';

/**
 * Matchers as a person types them, one rule per line:
 *
 *     H200*, H20 & approv*, 批准 ! Hyundai
 *
 * reads "a term from the first group AND a term from the second, unless Hyundai is there".
 * Groups are joined by `&`, terms separated by commas, vetoes after `!`. Terms with Chinese
 * characters go to the `zh` list, the others to `en` (both are searched on every page).
 */

export function splitTerms(text: string): LocalizedTerms {
  const terms = [...new Set(text.split(/[,，、]/).map((term) => term.trim()).filter(Boolean))];
  return { en: terms.filter((term) => !isUnspacedTerm(term)), zh: terms.filter((term) => isUnspacedTerm(term)) };
}

export function joinTerms(terms: LocalizedTerms): string {
  return [...terms.en, ...terms.zh].join(', ');
}

export function rulesToText(rules: MatchRule[]): string {
  return rules
    .map((rule) => {
      const groups = rule.all.map(joinTerms).join(' & ');
      const veto = rule.none && rule.none.en.length + rule.none.zh.length > 0 ? ` ! ${joinTerms(rule.none)}` : '';
      return groups + veto;
    })
    .join('\n');
}

export type RulesParse = { ok: true; rules: MatchRule[] } | { ok: false; error: string };

export function textToRules(text: string): RulesParse {
  const rules: MatchRule[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    const [positive = '', ...vetoes] = line.split('!');
    const all = positive
      .split('&')
      .map(splitTerms)
      .filter((group) => group.en.length + group.zh.length > 0);
    if (all.length === 0) return { ok: false, error: `line ${index + 1}: no terms before "!"` };
    const none = splitTerms(vetoes.join(','));
    rules.push(none.en.length + none.zh.length > 0 ? { all, none } : { all });
  }
  if (rules.length === 0) return { ok: false, error: 'at least one rule is needed' };
  return { ok: true, rules };
}
