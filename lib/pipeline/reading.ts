import type { ArticleInfo } from './article';

/**
 * What `scanArticle` reads of a detected article: plain data (no DOM), so the live page can
 * send it to the background, where the packs and the learned model are, and get the claims
 * back with offsets into `text.text`. Its own module, importing nothing at run time, so the
 * page's script can build it without bundling the rest of the pipeline.
 */
export type ArticleReading = Pick<ArticleInfo, 'isArticle' | 'title' | 'published' | 'url' | 'lang' | 'siteName'> & {
  text: { text: string };
};

export function readingOf(article: ArticleInfo): ArticleReading {
  const { isArticle, title, published, url, lang, siteName } = article;
  return { isArticle, title, published, url, lang, siteName, text: { text: article.text.text } };
}
