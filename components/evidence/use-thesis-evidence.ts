import { useEffect, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import { t } from '@/lib/i18n';
import type { ThesisEvidence } from '@/lib/evidence/schema';
import type { EvidenceActions } from './ItemEvidence';

/**
 * The checklist page's link to the reading log: the thesis's evidence (`evidence/thesis`), asked
 * again when the checklist changes (`version`) and when the reader comes back to the tab (the
 * log grows while they read elsewhere), and the actions that ask the background to apply a
 * suggestion, dismiss it or add a key figure. `afterChange` reloads the checklist, which
 * changes `version` and so asks for the evidence again.
 */
export function useThesisEvidence(thesisId: string | undefined, version: unknown, afterChange: (announcement: string) => Promise<void>): {
  evidence: ThesisEvidence | undefined;
  error: string | null;
  actions: EvidenceActions;
} {
  const [evidence, setEvidence] = useState<ThesisEvidence | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setRevision((n) => n + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    if (!thesisId) return;
    let stale = false;
    request('evidence/thesis', { thesisId })
      .then((answer) => {
        if (stale) return;
        setEvidence(answer);
        setError(null);
      })
      .catch((failure) => {
        if (stale) return;
        setEvidence(undefined);
        setError(failure instanceof Error ? failure.message : String(failure));
      });
    return () => {
      stale = true;
    };
  }, [thesisId, version, revision]);

  const actions: EvidenceActions = {
    onApply: async (suggestion) => {
      const { applied } = await request('evidence/apply-suggestion', { thesisId: thesisId!, itemId: suggestion.itemId, fingerprint: suggestion.fingerprint });
      await afterChange(applied ? t('readinglog_ev_applied') : t('readinglog_ev_stale'));
    },
    onDismiss: async (suggestion) => {
      await request('evidence/dismiss-suggestion', { thesisId: thesisId!, itemId: suggestion.itemId, fingerprint: suggestion.fingerprint });
      await afterChange(t('readinglog_ev_dismissed'));
    },
    onAddFigure: async (candidate) => {
      const { added } = await request('evidence/add-figure', { thesisId: thesisId!, candidateId: candidate.id });
      await afterChange(added ? t('readinglog_ev_figureAdded') : t('readinglog_ev_stale'));
    },
  };
  return { evidence, error, actions };
}
