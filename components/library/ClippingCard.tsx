import { useState } from 'preact/hooks';
import type { Clipping, ClippingEditable, ItemRef } from '@/lib/clippings/schema';
import { openSourceLink } from '@/lib/clippings/notebook-link';
import { t } from '@/lib/i18n';
import { STANCES, type Stance } from '@/lib/pack/schema';
import { STANCE_LABELS, formatDate } from '@/components/status/labels';
import { parseTags, refKey, type ItemOption } from '@/components/clippings/model';

export interface ClippingCardProps {
  /** Its row in the library's list. */
  row: number;
  clipping: Clipping;
  /** The article's title and site (left out under the article's own heading). */
  showSource: boolean;
  itemOptions: readonly ItemOption[];
  itemTitle: (ref: ItemRef) => string;
  onUpdate: (id: string, changes: Partial<ClippingEditable>) => Promise<void>;
  onDelete: (clipping: Clipping) => void;
  onCopy: (clipping: Clipping) => void;
}

/** One clipping in the library: quote, source (opens the page scrolled to it), items, tags, note; edit and delete. */
export function ClippingCard({ row, clipping, showSource, itemOptions, itemTitle, onUpdate, onDelete, onCopy }: ClippingCardProps) {
  const [editing, setEditing] = useState(false);
  const { page } = clipping;
  const link = openSourceLink(clipping);
  const headingId = `clip-${row}-${clipping.id}`;
  return (
    <li class={`lib-card lib-card--${clipping.stance}`} data-row={row} data-clipping-id={clipping.id} aria-labelledby={headingId}>
      <blockquote id={headingId}>{clipping.quote.replace(/[ \t]+/g, ' ').trim()}</blockquote>
      <p class="lib-card__meta">
        <span class="lib-stance">
          <span aria-hidden="true">{STANCE_LABELS[clipping.stance].icon}</span> {STANCE_LABELS[clipping.stance].word}
        </span>
        {showSource ? (
          <>
            {' · '}
            <a href={link} target="_blank" rel="noopener noreferrer" class="lib-source">
              {page.title || page.canonicalUrl}
            </a>
            {page.site ? ` · ${page.site}` : ''}
            {page.published ? ` · ${t('library_published', formatDate(page.published))}` : ''}
          </>
        ) : null}
        {` · ${t('library_saved', formatDate(clipping.createdAt.slice(0, 10)))}`}
      </p>
      {clipping.items.length ? (
        <ul class="lib-chips" aria-label={t('library_itemsLabel')}>
          {clipping.items.map((ref) => (
            <li class="lib-chip" key={refKey(ref)}>
              {itemTitle(ref)}
            </li>
          ))}
        </ul>
      ) : null}
      {clipping.tags.length ? (
        <ul class="lib-chips" aria-label={t('library_tagsLabel')}>
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
          <a class="lib-button lib-button--small" href={link} target="_blank" rel="noopener noreferrer" data-testid="open-source">
            {t('library_openSource')}
          </a>
          <button type="button" class="lib-button lib-button--small" onClick={() => onCopy(clipping)}>
            {t('library_copyMarkdown')}
          </button>
          <button type="button" class="lib-button lib-button--small" onClick={() => setEditing(true)}>
            {t('library_edit')}
          </button>
          <button type="button" class="lib-button lib-button--small lib-button--danger" onClick={() => onDelete(clipping)}>
            {t('common_delete')}
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
        <span>{t('library_note')}</span>
        <textarea name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('library_tagsInput')}</span>
        <input type="text" name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('library_itemsLabel')}</legend>
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
          {offered.size === 0 ? <p>{t('library_noItems')}</p> : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('library_filterStance')}</legend>
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
          {t('library_saveChanges')}
        </button>
        <button type="button" class="lib-button" onClick={props.onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
