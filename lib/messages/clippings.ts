import { z } from 'zod';
import { defineMessages } from './protocol';

/** Messages of the clippings feature. */
export const clippingMessages = defineMessages({
  'clippings/count': {
    request: z.object({}),
    response: z.object({ count: z.number().int() }),
  },
});
