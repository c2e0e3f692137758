import { request } from '@/lib/ext/page-messaging';
import { reportItemsOf } from '@/components/popup/report-items';
import type { LensFeature } from '../feature';

/** What the toolbar's badge and popup show of this tab: after every scan, the background is told. */
export const report: LensFeature = {
  name: 'report',
  start(lens, signal) {
    lens.on(
      'results',
      ({ results, packs }) => {
        const relevant = results.filter((result) => result.relevant);
        const distinct = new Set(relevant.flatMap((result) => result.claims.map((claim) => `${claim.start ?? ''}:${claim.end ?? ''}:${claim.text}`)));
        request('lens/report', {
          url: location.href,
          relevant: relevant.length > 0,
          topics: [...new Set(relevant.flatMap((result) => result.topics))],
          claims: distinct.size,
          theses: relevant.map((result, i) => {
            const pack = packs.find((p) => p.id === result.thesisId) ?? packs[i];
            return { id: result.thesisId ?? pack?.id ?? `thesis-${i}`, title: pack?.title ?? result.title, claims: result.claims.length };
          }),
          items: reportItemsOf(relevant, [...packs]),
        }).catch(() => {
          // The badge is a nicety: a background that cannot take the report changes nothing here.
        });
      },
      signal,
    );
  },
};
