import { z } from 'zod';
import { defineMessages } from './protocol';

/** Messages of the checklist feature (theses, status updates, packs, feeds). */
export const checklistMessages = defineMessages({
  'checklist/list-theses': {
    request: z.object({}),
    response: z.object({ ids: z.array(z.string()) }),
  },
});
