import { useState } from 'preact/hooks';
import { STATUSES, type HistoryEntry, type Status } from '@/lib/pack/schema';
import { STATUS_LABELS } from '../status/labels';

/**
 * "Record a new status" for one checklist item: status, date (today by default), a one-line
 * note and the source (title and link). Used on the checklist page and hosted by the in-page
 * sidebar, which prefills the article as the source and the claim as the note.
 * Styles: components/checklist/status-update-form.css (`tl-suf` classes).
 */

export interface StatusUpdateValue {
  date: string;
  status: Status;
  note: string;
  source?: HistoryEntry['source'];
}

export interface StatusUpdateFormProps {
  /** Unique within the page: prefixes the fields' ids (labels point at them). */
  idPrefix: string;
  itemTitle: string;
  currentStatus?: Status;
  initial?: { status?: Status; note?: string; sourceTitle?: string; sourceUrl?: string; date?: string };
  /** Says where the prefilled date comes from (an article's publication date), under the date field. */
  dateHint?: string;
  /** Rejects with an Error whose message is shown to the user; the form keeps what they typed. */
  onSubmit: (value: StatusUpdateValue) => Promise<void>;
  onCancel?: () => void;
  /** Today as YYYY-MM-DD (the default date). */
  today: string;
}

function checkUrl(url: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'The source link must start with http:// or https://.';
  } catch {
    return 'The source link is not a valid URL.';
  }
}

export function StatusUpdateForm({ idPrefix, itemTitle, currentStatus, initial, dateHint, onSubmit, onCancel, today }: StatusUpdateFormProps) {
  const [status, setStatus] = useState<Status>(initial?.status ?? currentStatus ?? 'pending');
  const [date, setDate] = useState(initial?.date ?? today);
  const [note, setNote] = useState(initial?.note ?? '');
  const [sourceTitle, setSourceTitle] = useState(initial?.sourceTitle ?? '');
  const [sourceUrl, setSourceUrl] = useState(initial?.sourceUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${idPrefix}-${name}`;

  async function submit(event: Event) {
    event.preventDefault();
    const url = sourceUrl.trim();
    const problem = !note.trim() ? 'Write a note: what happened, in one line.' : !/^\d{4}-\d{2}-\d{2}$/.test(date) ? 'Pick a date.' : checkUrl(url);
    if (problem) {
      setError(problem);
      return;
    }
    const title = sourceTitle.trim() || (url ? new URL(url).hostname : '');
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ date, status, note: note.trim(), ...(title ? { source: url ? { title, url } : { title } } : {}) });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="tl-suf" onSubmit={submit} aria-label={`New status for ${itemTitle}`} noValidate>
      <fieldset class="tl-suf__statuses">
        <legend>Status</legend>
        {STATUSES.map((value) => (
          <label key={value} class={`tl-suf__status tl-status--${value}${status === value ? ' tl-suf__status--checked' : ''}`}>
            <input type="radio" name={id('status')} value={value} checked={status === value} onChange={() => setStatus(value)} />
            <span aria-hidden="true">{STATUS_LABELS[value].icon} </span>
            {STATUS_LABELS[value].word}
          </label>
        ))}
      </fieldset>
      <div class="tl-suf__row">
        <label for={id('date')}>Date</label>
        <input
          id={id('date')}
          type="date"
          value={date}
          required
          aria-describedby={dateHint ? id('date-hint') : undefined}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
        {dateHint ? (
          <span id={id('date-hint')} class="tl-suf__hint">
            {dateHint}
          </span>
        ) : null}
      </div>
      <div class="tl-suf__row">
        <label for={id('note')}>Note</label>
        <textarea id={id('note')} rows={2} value={note} required placeholder="What happened, in one line" onInput={(event) => setNote(event.currentTarget.value)} />
      </div>
      <div class="tl-suf__row">
        <label for={id('source-title')}>Source</label>
        <input id={id('source-title')} type="text" value={sourceTitle} placeholder="e.g. Reuters" onInput={(event) => setSourceTitle(event.currentTarget.value)} />
      </div>
      <div class="tl-suf__row">
        <label for={id('source-url')}>Source link</label>
        <input id={id('source-url')} type="url" value={sourceUrl} placeholder="https://…" onInput={(event) => setSourceUrl(event.currentTarget.value)} />
      </div>
      {error ? (
        <p class="tl-suf__error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="tl-suf__actions">
        <button type="submit" class="tl-suf__save" disabled={busy}>
          Save status
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
