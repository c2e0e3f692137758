import { request } from '@/lib/ext/page-messaging';
import type { LensFeature } from '../feature';

/**
 * A correction made in the panel (not a claim, another stance, another item): kept by the
 * background for this page (the sender tab's), then respected by the rescan (the shell
 * applies the page's corrections on every scan).
 */
export const corrections: LensFeature = {
  name: 'corrections',
  start(lens, signal) {
    lens.onFrameRequest(
      'correct',
      ({ correction }) => {
        request('corrections/add', correction)
          .then(() => lens.rescan('rescan'))
          .catch(() => {
            // Not kept: the claim stays as it was.
          });
      },
      signal,
    );
  },
};
