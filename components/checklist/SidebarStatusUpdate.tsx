import { useEffect, useRef, useState } from 'preact/hooks';
import type { Status } from '@/lib/pack/schema';
import { STATUS_LABELS, formatDate } from '../status/labels';
import { t } from '@/lib/i18n';
import { StatusUpdateForm, type StatusUpdateValue } from './StatusUpdateForm';

/**
 * "Update status" while reading, hosted by the in-page sidebar: the article is prefilled as
 * the source and the claim (when started from one) as the note. After saving, the reader can
 * undo right there. Talks to nothing itself: `save` and `undo` come from the lens.
 * Styles: status-update-form.css plus `tl-sidebar-update` rules in the same file.
 */

export interface SidebarStatusUpdateProps {
  item: { thesisId: string; id: string; title: string; status: Status };
  claimText?: string;
  /** The article the update starts from; `published` (YYYY-MM-DD) dates the update, changeable. */
  page: { title: string; url: string; published?: string | null };
  today: string;
  save: (value: StatusUpdateValue) => Promise<void>;
  undo: () => Promise<void>;
  onClose: () => void;
}

const NOTE_LIMIT = 280;

function noteFromClaim(text: string | undefined): string {
  if (!text) return '';
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > NOTE_LIMIT ? `${clean.slice(0, NOTE_LIMIT - 1)}…` : clean;
}

export function SidebarStatusUpdate({ item, claimText, page, today, save, undo, onClose }: SidebarStatusUpdateProps) {
  const [saved, setSaved] = useState<StatusUpdateValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = `tl-update-${item.thesisId}-${item.id}`;

  useEffect(() => {
    // The current status (checked radio) first; after saving, the first button (Undo).
    const root = dialog.current;
    (root?.querySelector<HTMLElement>('input:checked') ?? root?.querySelector<HTMLElement>('input, button'))?.focus();
  }, [saved]);

  return (
    <div
      class="tl-sidebar-update"
      role="dialog"
      aria-modal="true"
      aria-labelledby={headingId}
      ref={dialog}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 id={headingId} class="tl-sidebar-update__title">
        Update status: {item.title}
      </h2>
      {saved ? (
        <div class="tl-sidebar-update__saved">
          <p role="status">
            Saved: {STATUS_LABELS[saved.status].word} as of {formatDate(saved.date)}.
          </p>
          {error ? (
            <p class="tl-suf__error" role="alert">
              {error}
            </p>
          ) : null}
          <div class="tl-suf__actions">
            <button
              type="button"
              onClick={async () => {
                setError(null);
                try {
                  await undo();
                  setSaved(null);
                  onClose();
                } catch (failure) {
                  setError(failure instanceof Error ? failure.message : String(failure));
                }
              }}
            >
              Undo
            </button>
            <button type="button" class="tl-suf__save" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <StatusUpdateForm
          idPrefix={`tl-sidebar-update-${item.id}`}
          itemTitle={item.title}
          currentStatus={item.status}
          today={today}
          initial={{
            note: noteFromClaim(claimText),
            sourceTitle: page.title,
            sourceUrl: /^https?:/.test(page.url) ? page.url : '',
            // What the article reports happened by its publication day, not by the day it is read.
            ...(page.published ? { date: page.published } : {}),
          }}
          dateHint={page.published ? t('clipper_statusDateFromArticle', formatDate(page.published)) : undefined}
          onSubmit={async (value) => {
            await save(value);
            setSaved(value);
          }}
          onCancel={onClose}
        />
      )}
    </div>
  );
}
