import { z } from 'zod';
import { defineMessages } from './protocol';
import { CorrectionRequestSchema, CorrectionSchema } from '../corrections/schema';

/** The reader's corrections (lib/corrections). The page is always the sender tab's. */
export const correctionMessages = defineMessages({
  /** Corrections of the sender tab's page. */
  'corrections/for-page': {
    request: z.object({}),
    response: z.object({ corrections: z.array(CorrectionSchema) }),
    from: 'pages-and-content-scripts',
  },
  /** Adds a correction on the sender tab's page. */
  'corrections/add': {
    request: CorrectionRequestSchema,
    response: z.object({ correction: CorrectionSchema }),
    from: 'pages-and-content-scripts',
  },
  /** Every correction (the checklist page lists them). Extension pages only, as is undo. */
  'corrections/list': {
    request: z.object({}),
    response: z.object({ corrections: z.array(CorrectionSchema) }),
  },
  /** Undoes one correction. */
  'corrections/remove': {
    request: z.object({ id: z.string() }),
    response: z.object({ removed: z.boolean() }),
  },
});
