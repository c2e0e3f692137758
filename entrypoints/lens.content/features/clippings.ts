import type { ItemView } from '@/components/sidebar/model';
import { connectLensClippings } from '@/components/clippings/lens-integration';
import type { LensFeature } from '../feature';

/**
 * Clippings on the page: the panel's "Saved from this page" section, its Save buttons and
 * the saved claims' place in the page, through the clipper (its own script; this connects
 * to it).
 */
export const clippings: LensFeature = {
  name: 'clippings',
  start(lens, signal) {
    const page = connectLensClippings(lens.ctx, {
      rerender: () => lens.redraw(),
      rangeOfClaim: (key) => lens.rangeOf(key),
      // Back to the panel after the save dialog: the frame is focused, and told to focus
      // again what had the focus when it asked for the dialog.
      returnFocus: () => lens.returnFocusToPanel(),
    });
    lens.contribute('clippings', () => page.state(), signal);
    lens.on('results', ({ results }) => page.setTopics([...new Set(results.filter((r) => r.relevant).flatMap((result) => result.topics))]), signal);
    lens.onFrameRequest(
      'save-claim',
      ({ key, itemId }) => {
        const found = lens.claimOf(key);
        if (!found) return;
        // The clipper reads the item's id only (its stance on that item is the clipping's stance).
        const item = itemId ? ({ id: itemId, thesisId: found.thesisId } as ItemView) : undefined;
        page.actions.onSaveClaim({ key, thesisId: found.thesisId, claim: found.claim }, item);
      },
      signal,
    );
    lens.onFrameRequest('show-clipping', ({ id }) => page.show(id), signal);
    lens.onFrameRequest('open-library', () => page.openLibrary(), signal);
  },
};
