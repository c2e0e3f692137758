import { z } from 'zod';
import { defineMessages } from './protocol';

/** Messages of the reading experience (gate, lens, badge, popup). Owned by the lens feature. */
export const lensMessages = defineMessages({
  /** The gate on a news page thinks the page may be relevant: inject the lens. */
  'lens/gate-hit': {
    request: z.object({ url: z.string() }),
    response: z.object({ injected: z.boolean() }),
  },
});
