import type { LensFeature } from './feature';
import { growth } from './features/growth';
import { navigation } from './features/navigation';
import { report } from './features/report';
import { corrections } from './features/corrections';
import { pageClicks } from './features/page-clicks';
import { clippings } from './features/clippings';
import { rail } from './features/rail';
import { skipLink } from './features/skip-link';

/**
 * The lens's features, started in this order by the shell (lens.tsx), which itself scans,
 * paints the claims and keeps the panel's frame (open or closed, prefs, commands). Adding or removing one is one line here.
 */
export const FEATURES: readonly LensFeature[] = [navigation, growth, report, corrections, pageClicks, clippings, rail, skipLink];
