import { useEffect, useRef, useState } from 'preact/hooks';
import { STANCES, type Stance } from '@/lib/pack/schema';
import type { ItemRef } from '@/lib/clippings/schema';
import { STANCE_LABELS } from '@/components/status/labels';
import { parseTags, refKey, shortQuote, type ItemOption, type SaveChoices } from './model';

export interface SaveDialogProps {
  quote: string;
  /** Where it comes from, for the reader ("Reuters · Alibaba's cloud…"). */
  source: string;
  itemOptions: readonly ItemOption[];
  initial: SaveChoices;
  /** Rejects with a message to show (the dialog stays open, nothing is lost). */
  onSave: (choices: SaveChoices) => Promise<void>;
  onCancel: () => void;
}

/** The small in-page dialog: optional note, tags, checklist items (prefilled, editable), stance. */
export function SaveDialog(props: SaveDialogProps) {
  const [note, setNote] = useState(props.initial.note);
  const [tags, setTags] = useState(props.initial.tags.join(', '));
  const [items, setItems] = useState<ItemRef[]>(props.initial.items);
  const [stance, setStance] = useState<Stance>(props.initial.stance);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    noteRef.current?.focus();
  }, []);

  // Items offered: the enabled theses' items, plus any prefilled one they do not list.
  const known = new Set(props.itemOptions.map(refKey));
  const extra = props.initial.items.filter((ref) => !known.has(refKey(ref)));
  const groups = new Map<string, ItemOption[]>();
  for (const option of props.itemOptions) groups.set(option.thesisTitle, [...(groups.get(option.thesisTitle) ?? []), option]);
  const chosen = new Set(items.map(refKey));
  const toggle = (ref: ItemRef) =>
    setItems((current) => (chosen.has(refKey(ref)) ? current.filter((r) => refKey(r) !== refKey(ref)) : [...current, { thesisId: ref.thesisId, itemId: ref.itemId }]));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSave({ note: note.trim(), tags: parseTags(tags), items, stance });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      props.onCancel();
    }
    // Keep Tab inside the dialog (it is modal).
    if (event.key === 'Tab' && dialogRef.current) {
      const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('textarea, input, button:not(:disabled)')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = (dialogRef.current.getRootNode() as ShadowRoot).activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  const checkbox = (ref: ItemRef, label: string) => (
    <label class="tlc-check" key={refKey(ref)}>
      <input type="checkbox" checked={chosen.has(refKey(ref))} onChange={() => toggle(ref)} />
      <span>{label}</span>
    </label>
  );

  return (
    <div class="tlc-backdrop" onClick={(event) => event.target === event.currentTarget && props.onCancel()}>
      <div ref={dialogRef} class="tlc-dialog" role="dialog" aria-modal="true" aria-labelledby="tlc-title" onKeyDown={onKeyDown}>
        <form onSubmit={submit}>
          <h2 id="tlc-title">Save to Thesis Lens</h2>
          <blockquote class="tlc-quote">{shortQuote(props.quote, 600)}</blockquote>
          {props.source ? <p class="tlc-source">{props.source}</p> : null}
          <label class="tlc-field">
            <span>Note (optional)</span>
            <textarea ref={noteRef} name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder="Why this matters for the thesis" />
          </label>
          <label class="tlc-field">
            <span>Tags (optional)</span>
            <input type="text" name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="e.g. capex, guidance" />
            <span class="tlc-hint">Separate tags with commas.</span>
          </label>
          <fieldset class="tlc-group">
            <legend class="tlc-legend">Checklist items</legend>
            {props.itemOptions.length === 0 && extra.length === 0 ? (
              <p class="tlc-hint">No checklist is enabled: the clipping is saved without items.</p>
            ) : (
              <div class="tlc-items">
                {[...groups.entries()].map(([thesisTitle, options]) => (
                  <div key={thesisTitle}>
                    <h3>{thesisTitle}</h3>
                    {options.map((option) => checkbox(option, `${option.title} (${option.kind})`))}
                  </div>
                ))}
                {extra.map((ref) => checkbox(ref, ref.itemId))}
              </div>
            )}
          </fieldset>
          <fieldset class="tlc-group">
            <legend class="tlc-legend">Stance toward the thesis</legend>
            <div class="tlc-stances">
              {STANCES.map((value) => (
                <label class="tlc-check" key={value}>
                  <input type="radio" name="stance" value={value} checked={stance === value} onChange={() => setStance(value)} />
                  <span>
                    <span aria-hidden="true">{STANCE_LABELS[value].icon} </span>
                    {STANCE_LABELS[value].word}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {error ? (
            <p class="tlc-error" role="alert">
              Not saved: {error}
            </p>
          ) : null}
          <div class="tlc-actions">
            <button type="button" class="tlc-button" onClick={props.onCancel}>
              Cancel
            </button>
            <button type="submit" class="tlc-button tlc-button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save clipping'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
