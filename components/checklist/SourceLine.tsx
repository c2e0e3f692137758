import { t } from '@/lib/i18n';
import type { HistoryEntry } from '@/lib/pack/schema';

/** "Source: <title>", linked when the entry has a URL; nothing when it has no source. */
export function SourceLine({ source, class: className }: { source: HistoryEntry['source']; class: string }) {
  if (!source) return null;
  return (
    <p class={className}>
      {t('checklist_source')}{' '}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}
    </p>
  );
}
