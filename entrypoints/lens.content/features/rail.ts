import type { RailMarker } from '@/lib/lens/frame-protocol';
import type { LensFeature } from '../feature';

/** The rail's marks: where each painted claim sits in the page (0 = top, 1 = bottom), by stance. */
export const rail: LensFeature = {
  name: 'rail',
  start(lens, signal) {
    let markers: RailMarker[] = [];
    lens.contribute('markers', () => markers, signal);
    lens.on('cleared', () => void (markers = []), signal);
    lens.on(
      'painted',
      (painted) => {
        // One layout read for all.
        const height = Math.max(document.documentElement.scrollHeight, 1);
        markers = [];
        for (const claim of painted) {
          const range = lens.rangeOf(claim.key);
          if (!range) continue;
          const top = range.getBoundingClientRect().top + window.scrollY;
          markers.push({ key: claim.key, at: Math.min(1, Math.max(0, top / height)), stance: claim.tone.replace('-hedged', '') as RailMarker['stance'] });
        }
      },
      signal,
    );
  },
};
