import { defaultPack } from '@/lib/pack/default-pack';
import { findClaims } from '@/lib/pipeline/claims';
import { splitSentences } from '@/lib/pipeline/sentences';

/** The items the pipeline links one sentence of a short article to, under the bundled thesis (none when it is no claim). */
export function linksOf(article: string, sentence: string, lang: 'en' | 'zh'): string[] {
  const claims = findClaims(article, splitSentences(article, lang), defaultPack, lang);
  return claims.find((c) => c.sentence.text.includes(sentence))?.links.map((l) => l.id) ?? [];
}
