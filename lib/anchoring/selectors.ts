import { z } from 'zod';

/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), the
 * two a clipping keeps: the quote with some context around it, and its position in the
 * page's text (see `buildPageTextIndex`). Either can be enough to find the passage again;
 * together they survive most edits (after the Hypothesis client).
 */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quote is empty'),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** The pair, in this order (quote first, as exports show it). */
export const SelectorsSchema = z.tuple([TextQuoteSelectorSchema, TextPositionSelectorSchema]);
export type Selectors = z.infer<typeof SelectorsSchema>;

// In a module without zod, so that content scripts can describe a range without bundling it.
export { CONTEXT_CHARS } from './context';
