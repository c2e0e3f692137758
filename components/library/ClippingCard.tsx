import { useState } from 'preact/hooks';
import type { Clipping, ClippingEditable, ItemRef } from '@/lib/clippings/schema';
import { sourceLinkFor } from '@/lib/clippings/text-fragment';
import { STANCES, type Stance } from '@/lib/pack/schema';
import { STANCE_LABELS } from '@/components/status/labels';
import { parseTags, refKey, type ItemOption } from '@/components/clippings/model';

export interface ClippingCardProps {
  clipping: Clipping;
  itemOptions: readonly ItemOption[];
  itemTitle: (ref: ItemRef) => string;
  onUpdate: (id: string, changes: Partial<ClippingEditable>) => Promise<void>;
  onDelete: (clipping: Clipping) => void;
}

/** One clipping in the library: quote, source (opens the page scrolled to it), items, tags, note; edit and delete. */
export function ClippingCard({ clipping, itemOptions, itemTitle, onUpdate, onDelete }: ClippingCardProps) {
  const [editing, setEditing] = useState(false);
  const { page } = clipping;
  const link = sourceLinkFor(page.canonicalUrl || page.url, clipping.quote);
  const headingId = `clip-${clipping.id}`;
  return (
    <li class="lib-card" data-clipping-id={clipping.id} aria-labelledby={headingId}>
      <blockquote id={headingId}>{clipping.quote.replace(/[ \t]+/g, ' ').trim()}</blockquote>
      <p class="lib-card__meta">
        <a href={link} target="_blank" rel="noopener noreferrer" class="lib-source">
          {page.title || page.canonicalUrl}
        </a>
        {page.site ? ` · ${page.site}` : ''}
        {page.published ? ` · published ${page.published}` : ''}
        {` · saved ${clipping.createdAt.slice(0, 10)} · `}
        <span>
          <span aria-hidden="true">{STANCE_LABELS[clipping.stance].icon} </span>
          {STANCE_LABELS[clipping.stance].word}
        </span>
      </p>
      {clipping.items.length ? (
        <ul class="lib-chips" aria-label="Checklist items">
          {clipping.items.map((ref) => (
            <li class="lib-chip" key={refKey(ref)}>
              {itemTitle(ref)}
            </li>
          ))}
        </ul>
      ) : null}
      {clipping.tags.length ? (
        <ul class="lib-chips" aria-label="Tags">
          {clipping.tags.map((tag) => (
            <li class="lib-chip" key={tag}>
              #{tag}
            </li>
          ))}
        </ul>
      ) : null}
      {clipping.note ? <p class="lib-card__note">{clipping.note}</p> : null}
      {editing ? (
        <EditForm
          clipping={clipping}
          itemOptions={itemOptions}
          itemTitle={itemTitle}
          onCancel={() => setEditing(false)}
          onSave={async (changes) => {
            await onUpdate(clipping.id, changes);
            setEditing(false);
          }}
        />
      ) : (
        <div class="lib-card__buttons">
          <a class="lib-button" href={link} target="_blank" rel="noopener noreferrer">
            Open source
          </a>
          <button type="button" class="lib-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" class="lib-button lib-button--danger" onClick={() => onDelete(clipping)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

function EditForm(props: {
  clipping: Clipping;
  itemOptions: readonly ItemOption[];
  itemTitle: (ref: ItemRef) => string;
  onSave: (changes: Partial<ClippingEditable>) => Promise<void>;
  onCancel: () => void;
}) {
  const [note, setNote] = useState(props.clipping.note);
  const [tags, setTags] = useState(props.clipping.tags.join(', '));
  const [items, setItems] = useState<ItemRef[]>(props.clipping.items);
  const [stance, setStance] = useState<Stance>(props.clipping.stance);
  const [error, setError] = useState('');
  const offered = new Map<string, ItemRef>();
  for (const option of props.itemOptions) offered.set(refKey(option), { thesisId: option.thesisId, itemId: option.itemId });
  for (const ref of props.clipping.items) offered.set(refKey(ref), ref);
  const chosen = new Set(items.map(refKey));
  return (
    <form
      class="lib-edit"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await props.onSave({ note: note.trim(), tags: parseTags(tags), items, stance });
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }}
    >
      <label>
        <span>Note</span>
        <textarea name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        <span>Tags (comma-separated)</span>
        <input type="text" name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Checklist items</legend>
        <div class="lib-items">
          {[...offered.values()].map((ref) => (
            <label class="lib-check" key={refKey(ref)}>
              <input
                type="checkbox"
                checked={chosen.has(refKey(ref))}
                onChange={() => setItems((current) => (chosen.has(refKey(ref)) ? current.filter((r) => refKey(r) !== refKey(ref)) : [...current, ref]))}
              />
              <span>{props.itemTitle(ref)}</span>
            </label>
          ))}
          {offered.size === 0 ? <p>No checklist items available.</p> : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>Stance</legend>
        {STANCES.map((value) => (
          <label class="lib-check" key={value}>
            <input type="radio" name={`stance-${props.clipping.id}`} checked={stance === value} onChange={() => setStance(value)} />
            <span>{STANCE_LABELS[value].word}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p class="lib-notice lib-notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="lib-card__buttons">
        <button type="submit" class="lib-button lib-button--primary">
          Save changes
        </button>
        <button type="button" class="lib-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
