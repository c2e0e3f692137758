import type { LensFeature } from '../feature';

/** After a soft navigation, give the site a moment to render the new article. */
const SOFT_NAVIGATION_DELAY_MS = 400;

/** A single-page site changed the address: the shell checks whether it is a new article. */
export const navigation: LensFeature = {
  name: 'navigation',
  start(lens, signal) {
    const onChange = () => {
      lens.ctx.setTimeout(() => {
        if (!signal.aborted) lens.checkLocation();
      }, SOFT_NAVIGATION_DELAY_MS);
    };
    window.addEventListener('wxt:locationchange', onChange, { signal });
  },
};
