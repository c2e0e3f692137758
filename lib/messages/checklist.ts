import { z } from 'zod';
import { defineMessages } from './protocol';
import { ThesisPackSchema } from '../pack/schema';

/** Messages of the checklist feature (theses, status updates, packs, feeds). */
export const checklistMessages = defineMessages({
  /**
   * The packs the pipeline should use now: every enabled thesis, with the user's layer and
   * feed entries merged over its base. The lens asks for these before it scans a page.
   */
  'checklist/effective-packs': {
    request: z.object({}),
    response: z.object({ packs: z.array(ThesisPackSchema) }),
  },
});
