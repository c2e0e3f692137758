import type { Status, ThesisPack } from '../pack/schema';
import { latestStatus } from '../pack/status';
import { entryDate } from './log';
import { RULE_SENTENCES, WEIGHT_SENTENCE, thesisEvidence, type SuggestionRule } from './rules';
import type { EvidenceClaim, FigureReport, ReadingLogEntry, ThesisEvidence } from './schema';

/**
 * `scan --digest`: many saved articles through the same evidence rules as the reading log,
 * as one report per thesis (pure; lib/cli/scan.ts reads the files). The JSON shape is
 * `thesis-lens/digest@1`, documented in the README's scan section: fields may be added,
 * none will change meaning.
 */

export const DIGEST_SCHEMA = 'thesis-lens/digest@1';

export interface DigestArticle {
  /** The file (or URL) it was read from. */
  input: string;
  url: string;
  title: string;
  site: string;
  /** The article's date, or the as-of date when it carries none. */
  date: string;
  dated: boolean;
  claims: number;
}

export interface Digest extends ThesisEvidence {
  schema: typeof DIGEST_SCHEMA;
  thesisTitle: string;
  /** Relevant articles, in date order (oldest first). */
  articles: DigestArticle[];
  /** Inputs that were read but are not relevant articles for the thesis. */
  notRelevant: string[];
  /** Relevant articles dated after the as-of date: left out, as if not read yet. */
  afterAsOf: string[];
  /** Each item's status as of `asOf` (its latest entry's), the one a suggestion would move from. */
  statuses: Record<string, Status>;
  /** The rule's sentences, for whoever prints the suggestions. */
  rules: Record<string, string>;
}

export interface DigestInput {
  input: string;
  entry: ReadingLogEntry | null;
}

export function buildDigest(pack: ThesisPack, inputs: readonly DigestInput[], asOf: string): Digest {
  const relevant = inputs.filter((i): i is { input: string; entry: ReadingLogEntry } => i.entry !== null);
  const ordered = relevant
    .map((i) => ({ ...i, date: entryDate(i.entry) }))
    .filter((i) => i.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const evidence = thesisEvidence({ thesis: pack, entries: ordered.map((i) => i.entry), asOf });
  return {
    schema: DIGEST_SCHEMA,
    thesisTitle: pack.title,
    ...evidence,
    articles: ordered.map(({ input, entry, date }) => ({ input, url: entry.url, title: entry.title, site: entry.site, date, dated: entry.published !== null, claims: entry.claims.length })),
    notRelevant: inputs.filter((i) => i.entry === null).map((i) => i.input),
    afterAsOf: relevant.filter((i) => entryDate(i.entry) > asOf).map((i) => i.input),
    statuses: Object.fromEntries(pack.items.map((item) => [item.id, latestStatus(item, asOf)?.status ?? 'pending'])),
    rules: { ...RULE_SENTENCES, weight: WEIGHT_SENTENCE },
  };
}

const MARK = { supports: '+', challenges: '−', neutral: '·' } as const;

function claimLine(claim: EvidenceClaim): string {
  return `      ${MARK[claim.stance]} ${claim.source.date} ${claim.source.site}${claim.hedged ? ' [hedged]' : ''}: ${claim.text}`;
}

function reportLine(report: FigureReport): string {
  return `      ${report.figure} (${report.value}) — ${report.source.site}, ${report.source.date}: "${report.source.title}"`;
}

/** The readable digest: per item with evidence, its claims by side, then conflicts and candidates. */
export function formatDigest(digest: Digest, pack: ThesisPack): string {
  const items = new Map(pack.items.map((item) => [item.id, item]));
  const sites = new Set(digest.articles.map((a) => a.site));
  const lines: string[] = [];
  lines.push(`Digest of ${digest.thesisTitle} as of ${digest.asOf}: ${digest.articles.length} relevant article${digest.articles.length === 1 ? '' : 's'} from ${sites.size} site${sites.size === 1 ? '' : 's'}${digest.notRelevant.length ? ` (${digest.notRelevant.length} not relevant)` : ''}${digest.afterAsOf.length ? ` (${digest.afterAsOf.length} dated after ${digest.asOf}, left out)` : ''}`);
  for (const evidence of digest.items) {
    const suggestion = digest.suggestions.find((s) => s.itemId === evidence.itemId);
    if (!evidence.supports.length && !evidence.challenges.length && !suggestion) continue;
    const item = items.get(evidence.itemId);
    const status = item ? (latestStatus(item, digest.asOf)?.status ?? 'pending') : '?';
    lines.push('', `${evidence.itemId} — ${item?.title ?? ''} [${status}${evidence.since ? ` since ${evidence.since}` : ''}]`);
    if (evidence.supports.length) lines.push(`   supports (${evidence.supportSites} site${evidence.supportSites === 1 ? '' : 's'}):`, ...evidence.supports.map(claimLine));
    if (evidence.challenges.length) lines.push(`   challenges (${evidence.challengeSites} site${evidence.challengeSites === 1 ? '' : 's'}):`, ...evidence.challenges.map(claimLine));
    if (suggestion) {
      lines.push(`   suggested: ${suggestion.from} → ${suggestion.to} (${suggestion.sites} separate sites)`);
      lines.push(`      rule: ${RULE_SENTENCES[suggestion.rule as SuggestionRule] ?? suggestion.rule}`);
    } else lines.push('   no suggestion: the evidence does not lean clearly one way since the last status');
  }
  if (digest.conflicts.length) {
    lines.push('', 'Sources that disagree:');
    for (const conflict of digest.conflicts) lines.push(`   ${conflict.itemId} ${conflict.measure}, period ending ${conflict.period}:`, ...conflict.reports.map(reportLine));
  }
  if (digest.candidates.length) {
    lines.push('', 'Figures the checklist does not know yet:');
    for (const candidate of digest.candidates) lines.push(`   ${candidate.itemId} ${candidate.measure} = ${candidate.value} ${candidate.unit}, ${candidate.period ? `period ending ${candidate.period}` : 'period not named'}:`, ...candidate.reports.map(reportLine));
  }
  if (digest.suggestions.length) lines.push('', `How suggestions are made: ${WEIGHT_SENTENCE}`);
  return lines.join('\n');
}
