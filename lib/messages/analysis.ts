import { z } from 'zod';
import { defineMessages } from './protocol';
import { ScanResultSchema } from '../pipeline/types';

/** The article as the page read it (`ArticleReading` in lib/pipeline/scan.ts), bounded. */
export const ArticleReadingSchema = z.object({
  isArticle: z.boolean(),
  title: z.string().max(2_000),
  published: z.string().max(40).nullable(),
  url: z.string().max(4_096).nullable(),
  lang: z.enum(['en', 'zh']),
  siteName: z.string().max(500).nullable(),
  /** The article's text (the lens bounds what it indexes; this is a second bound). */
  text: z.object({ text: z.string().max(2_000_000) }),
});

export const analysisMessages = defineMessages({
  /**
   * The lens sends the article's text and metadata; the background judges it with the
   * enabled theses (their packs and the learned model live there, not in every page) and
   * answers each thesis's result, claims as offsets into the text it was sent.
   */
  'lens/analyze': {
    request: z.object({
      reading: ArticleReadingSchema,
      /**
       * The page was read before and is judged again because the checklist changed: its log
       * entries are refreshed, never added back once the reader removed them or cleared the log.
       */
      rescan: z.boolean().optional(),
    }),
    response: z.object({ results: z.array(ScanResultSchema) }),
    from: 'pages-and-content-scripts',
  },
});
